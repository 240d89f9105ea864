package io.herakles.procmem.ui.prefs;

import java.util.List;
import java.util.Optional;

/**
 * Where the window was: its normal (not maximized) bounds in screen coordinates, and whether it
 * was maximized. Immutable.
 *
 * @param x         left edge, pixels
 * @param y         top edge, pixels
 * @param width     pixels, positive
 * @param height    pixels, positive
 * @param maximized whether the window was maximized (the bounds are those it returns to)
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    /** A screen's usable area (its visual bounds), screen coordinates. */
    public record Area(double x, double y, double width, double height) {

        double overlap(WindowBounds w) {
            double across = Math.min(x + width, w.x + w.width) - Math.max(x, w.x);
            double down = Math.min(y + height, w.y + w.height) - Math.max(y, w.y);
            return across > 0 && down > 0 ? across * down : 0;
        }
    }

    /** Smallest part of a remembered window that must lie on a screen for it to open there, pixels. */
    static final double MIN_VISIBLE = 120;

    /**
     * These bounds made to fit the screens there are now: on the screen they overlap most, no
     * larger than it and moved inside it. Empty when they overlap no screen by at least
     * {@value #MIN_VISIBLE} pixels each way (a monitor that was unplugged): the window then opens
     * where it would without preferences.
     */
    public Optional<WindowBounds> fitTo(List<Area> screens) {
        Area best = null;
        double bestOverlap = 0;
        for (Area screen : screens) {
            double overlap = screen.overlap(this);
            if (overlap > bestOverlap) {
                best = screen;
                bestOverlap = overlap;
            }
        }
        if (best == null || bestOverlap < MIN_VISIBLE * MIN_VISIBLE) {
            return Optional.empty();
        }
        double w = Math.min(width, best.width());
        double h = Math.min(height, best.height());
        double left = clamp(x, best.x(), best.x() + best.width() - w);
        double top = clamp(y, best.y(), best.y() + best.height() - h);
        return Optional.of(new WindowBounds(left, top, w, h, maximized));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
