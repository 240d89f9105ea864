package io.herakles.procmem.ui.theme;

import javafx.scene.paint.Color;

/** WCAG 2 contrast: relative luminance and the contrast ratio of two colours (1..21). Pure. */
public final class Contrast {

    /** WCAG AA for normal text. */
    public static final double AA = 4.5;

    private Contrast() {}

    /** The WCAG relative luminance of an opaque colour, 0 (black) .. 1 (white). */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** The contrast ratio of {@code a} and {@code b}, 1 (same) .. 21 (black on white). */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Black or white, whichever contrasts more with {@code fill} (at least 4.58:1 for any fill). */
    public static Color textOn(Color fill) {
        return ratio(Color.BLACK, fill) >= ratio(Color.WHITE, fill) ? Color.BLACK : Color.WHITE;
    }
}
