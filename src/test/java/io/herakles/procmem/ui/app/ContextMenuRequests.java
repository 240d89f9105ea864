package io.herakles.procmem.ui.app;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.PickResult;

/**
 * Raises a context-menu request on a node as the platform does for a right-click there. Monocle's
 * robot raises none (its mouse never calls the view's menu notification), so tests fire the event
 * themselves. FX thread only.
 */
final class ContextMenuRequests {

    private ContextMenuRequests() {}

    /** A right-click request at the middle of {@code node}. */
    static void rightClick(Node node) {
        Bounds local = node.getBoundsInLocal();
        Point2D middle = new Point2D(local.getCenterX(), local.getCenterY());
        Point2D scene = node.localToScene(middle);
        Point2D screen = node.localToScreen(middle);
        Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                scene.getX(), scene.getY(), screen.getX(), screen.getY(), false,
                new PickResult(node, scene.getX(), scene.getY())));
    }
}
