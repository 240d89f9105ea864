package io.herakles.procmem.ui.treemap;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A box's name in its top-left corner, clipped to the box: for the treemaps drawn on a canvas. */
public final class BoxText {
    private BoxText() {}

    /** Draws {@code text} at {@code box}'s top left in {@code color}, cut off at its edges; restores the context. */
    public static void draw(GraphicsContext g, String text, Rect box, Color color) {
        g.save();
        g.beginPath();
        g.rect(box.x(), box.y(), box.width(), box.height());
        g.clip();
        g.setFill(color);
        g.fillText(text, box.x() + 3, box.y() + 2);
        g.restore();
    }
}
