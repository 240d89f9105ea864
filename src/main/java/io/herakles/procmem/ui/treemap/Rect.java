package io.herakles.procmem.ui.treemap;

/**
 * An axis-aligned rectangle in layout units (pixels for the view). Immutable; no JavaFX types, so
 * the layout maths is testable without a toolkit.
 *
 * @param x      left edge
 * @param y      top edge
 * @param width  width, never negative
 * @param height height, never negative
 */
public record Rect(double x, double y, double width, double height) {

    public Rect {
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("negative or NaN size: " + width + " x " + height);
        }
    }

    public double area() {
        return width * height;
    }

    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    /** Whether the point lies inside (left/top edges inclusive, right/bottom exclusive). */
    public boolean contains(double px, double py) {
        return px >= x && py >= y && px < x + width && py < y + height;
    }

    /** This rectangle shrunk by {@code d} on every side (never below zero size). */
    public Rect inset(double d) {
        double w = Math.max(0, width - 2 * d);
        double h = Math.max(0, height - 2 * d);
        return new Rect(x + Math.min(d, width / 2), y + Math.min(d, height / 2), w, h);
    }
}
