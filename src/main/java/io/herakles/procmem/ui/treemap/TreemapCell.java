package io.herakles.procmem.ui.treemap;

import java.util.Objects;

/**
 * A laid-out node: where one {@link TreemapNode} is drawn. Immutable.
 *
 * @param node  the node
 * @param rect  its box (pixels, relative to the treemap's drawing area)
 * @param depth 0 for the top level shown (below the zoom root), increasing inward
 */
public record TreemapCell(TreemapNode node, Rect rect, int depth) {
    public TreemapCell {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(rect, "rect");
    }
}
