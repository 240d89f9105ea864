package io.herakles.procmem.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region that fills itself with one {@link Canvas} and repaints it when its whole-pixel size
 * changed or a subclass called {@link #repaint()} after new data — and at no other time: a repaint
 * is only requested, then done once in the next layout pass however many requests came, and not at
 * all while the canvas has no area. Subclasses call {@link #repaint()} only when their data really
 * changed. Drawing on one canvas instead of a node per shape keeps the scene graph small for charts
 * redrawn every second. FX thread only.
 */
public abstract class CanvasRegion extends Region {

    private final Canvas canvas = new Canvas();
    private boolean dirty = true;

    protected CanvasRegion() {
        getChildren().add(canvas);
    }

    /** The canvas drawn on, for event handlers and tooltips. */
    protected final Canvas canvas() {
        return canvas;
    }

    /** Asks for the current data to be drawn over the whole canvas in the next layout pass. */
    protected final void repaint() {
        if (!dirty) {
            dirty = true;
            requestLayout();
        }
    }

    /** Whether a repaint is pending (tests). */
    protected final boolean repaintPending() {
        return dirty;
    }

    /** Paints everything on {@code g}, a canvas of {@code width} × {@code height} pixels. */
    protected abstract void paint(GraphicsContext g, double width, double height);

    @Override
    protected void layoutChildren() {
        double w = Math.floor(Math.max(0, getWidth()));
        double h = Math.floor(Math.max(0, getHeight()));
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        if (dirty && w > 0 && h > 0) {
            dirty = false;
            paint(canvas.getGraphicsContext2D(), w, h);
        }
    }
}
