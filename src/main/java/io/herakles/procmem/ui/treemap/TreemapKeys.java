package io.herakles.procmem.ui.treemap;

import java.util.List;
import java.util.Optional;

/**
 * Moving through the treemap without a mouse: from the selected box, the nearest process box in
 * the direction of an arrow key (its centre must lie that way; nearer along the axis wins, a box
 * off to the side counts double), or the biggest one when nothing is selected. Pure.
 */
final class TreemapKeys {

    enum Direction { LEFT, RIGHT, UP, DOWN }

    private TreemapKeys() {}

    /** The process cell to select after pressing {@code direction} with {@code from} selected (null: none). */
    static Optional<TreemapCell> next(List<TreemapCell> cells, TreemapCell from, Direction direction) {
        List<TreemapCell> processes = cells.stream().filter(c -> c.node().kind() == TreemapNode.Kind.PROCESS).toList();
        if (from == null) {
            // the layout puts the biggest box first among its siblings: the first process is a good start
            return processes.stream().findFirst();
        }
        double fx = centerX(from);
        double fy = centerY(from);
        TreemapCell best = null;
        double bestScore = Double.MAX_VALUE;
        for (TreemapCell c : processes) {
            if (c == from || c.node().pid() == from.node().pid()) {
                continue;
            }
            double dx = centerX(c) - fx;
            double dy = centerY(c) - fy;
            double along = switch (direction) {
                case LEFT -> -dx;
                case RIGHT -> dx;
                case UP -> -dy;
                case DOWN -> dy;
            };
            if (along <= 0.5) {
                continue;
            }
            double across = direction == Direction.LEFT || direction == Direction.RIGHT ? Math.abs(dy) : Math.abs(dx);
            double score = along + 2 * across;
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double centerX(TreemapCell c) {
        return c.rect().x() + c.rect().width() / 2;
    }

    private static double centerY(TreemapCell c) {
        return c.rect().y() + c.rect().height() / 2;
    }
}
