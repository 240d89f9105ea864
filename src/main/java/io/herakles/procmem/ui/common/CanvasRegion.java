package io.herakles.procmem.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region that fills itself with one {@link Canvas} and repaints it whenever its whole-pixel size
 * changes (and when a subclass calls {@link #repaint()} after new data). Drawing on one canvas
 * instead of a node per shape keeps the scene graph small for charts redrawn every second.
 * FX thread only.
 */
public abstract class CanvasRegion extends Region {

    private final Canvas canvas = new Canvas();

    protected CanvasRegion() {
        getChildren().add(canvas);
    }

    /** The canvas drawn on, for event handlers and tooltips. */
    protected final Canvas canvas() {
        return canvas;
    }

    /** Draws the current data over the whole canvas. */
    protected final void repaint() {
        paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
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
            repaint();
        }
    }
}
