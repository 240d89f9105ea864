package io.herakles.procmem.ui.theme;

import javafx.scene.paint.Color;

/**
 * The colours of what we draw ourselves (treemap surface, outlines, selection, tiles) in one
 * look. Group colours are the same in both; only the surface around them changes. Immutable.
 *
 * @param dark        whether this is the dark look
 * @param surface     background of a canvas
 * @param outline     the line between treemap boxes
 * @param text        text straight on the surface
 * @param mutedText   secondary text on the surface
 * @param selection   the selected box's frame
 * @param tile        header tile background
 * @param tileText    header tile text
 */
public record Palette(boolean dark, Color surface, Color outline, Color text, Color mutedText, Color selection,
        Color tile, Color tileText) {

    public static final Palette LIGHT = new Palette(false, Color.web("#f6f8fa"), Color.web("#ffffff"),
            Color.web("#1f2328"), Color.web("#57606a"), Color.web("#0969da"), Color.web("#ffffff"),
            Color.web("#1f2328"));
    public static final Palette DARK = new Palette(true, Color.web("#1f2326"), Color.web("#1f2326"),
            Color.web("#f4f4f4"), Color.web("#a8acb0"), Color.WHITE, Color.web("#2a2e32"), Color.web("#e6edf3"));

    /** Faint lines on the surface: chart grids, the empty part of a bar. */
    public Color grid() {
        return dark ? Color.web("#3a3f44") : Color.web("#d0d7de");
    }

    /** {@code c} as a CSS colour, {@code rgba(r,g,b,a)}, for inline styles of our own nodes. */
    public static String css(Color c) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.3f)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), c.getOpacity());
    }

    /** The palette of the light or dark look. */
    public static Palette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
