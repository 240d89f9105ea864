package io.herakles.procmem.ui.treemap;

import java.util.Arrays;

/**
 * Squarified treemap layout (Bruls, Huizing, van Wijk 2000): splits a rectangle into one
 * rectangle per weight, each with an area proportional to its weight, rows chosen so the cells
 * stay close to squares. Pure and stateless; no JavaFX. Safe to call from any thread.
 *
 * <p>Zero, negative and NaN weights get an empty rectangle at the origin of the bounds (they take
 * no area). The result is in input order, whatever order the weights come in.
 */
public final class TreemapLayout {

    private TreemapLayout() {}

    /**
     * Lays out {@code weights} in {@code bounds}.
     *
     * @return one rectangle per weight, in input order; areas sum to the bounds' area when at
     *         least one weight is positive
     */
    public static Rect[] squarify(double[] weights, Rect bounds) {
        int n = weights.length;
        Rect[] out = new Rect[n];
        Rect empty = new Rect(bounds.x(), bounds.y(), 0, 0);
        Arrays.fill(out, empty);
        Integer[] order = positiveByWeightDesc(weights);
        if (order.length == 0 || bounds.area() <= 0) {
            return out;
        }
        double total = 0;
        for (int i : order) {
            total += weights[i];
        }
        double[] areas = new double[order.length];
        double scale = bounds.area() / total;
        for (int k = 0; k < order.length; k++) {
            areas[k] = weights[order[k]] * scale;
        }
        layoutRows(areas, order, bounds, out);
        return out;
    }

    /** Indices of the positive weights, largest first (ties by index, for a stable picture). */
    private static Integer[] positiveByWeightDesc(double[] weights) {
        int count = 0;
        for (double w : weights) {
            if (w > 0 && Double.isFinite(w)) {
                count++;
            }
        }
        Integer[] order = new Integer[count];
        int k = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0 && Double.isFinite(weights[i])) {
                order[k++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(weights[b], weights[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return order;
    }

    /**
     * The squarify loop: grow a row along the shorter side while the worst aspect ratio improves,
     * then fix the row and continue in the remaining rectangle. Iterative, O(n).
     */
    private static void layoutRows(double[] areas, Integer[] order, Rect bounds, Rect[] out) {
        double x = bounds.x();
        double y = bounds.y();
        double w = bounds.width();
        double h = bounds.height();
        int start = 0;
        int n = areas.length;
        while (start < n) {
            double side = Math.min(w, h);
            int end = start + 1;
            double rowSum = areas[start];
            double rowMin = areas[start];
            double rowMax = areas[start];
            double worst = worstRatio(rowSum, rowMin, rowMax, side);
            while (end < n) {
                double a = areas[end];
                double nextSum = rowSum + a;
                double nextWorst = worstRatio(nextSum, Math.min(rowMin, a), Math.max(rowMax, a), side);
                if (nextWorst > worst) {
                    break;
                }
                rowSum = nextSum;
                rowMin = Math.min(rowMin, a);
                rowMax = Math.max(rowMax, a);
                worst = nextWorst;
                end++;
            }
            boolean last = end == n;
            if (w >= h) {
                // row is a column on the left, stacked top to bottom
                double colWidth = last ? w : Math.min(w, rowSum / h);
                double cy = y;
                for (int k = start; k < end; k++) {
                    double ch = k == end - 1 ? (y + h) - cy : areas[k] / colWidth;
                    out[order[k]] = new Rect(x, cy, colWidth, Math.max(0, ch));
                    cy += ch;
                }
                x += colWidth;
                w = Math.max(0, w - colWidth);
            } else {
                // row along the top, left to right
                double rowHeight = last ? h : Math.min(h, rowSum / w);
                double cx = x;
                for (int k = start; k < end; k++) {
                    double cw = k == end - 1 ? (x + w) - cx : areas[k] / rowHeight;
                    out[order[k]] = new Rect(cx, y, Math.max(0, cw), rowHeight);
                    cx += cw;
                }
                y += rowHeight;
                h = Math.max(0, h - rowHeight);
            }
            start = end;
        }
    }

    /** Worst aspect ratio (>= 1) of a row with this sum, min and max laid along {@code side}. */
    private static double worstRatio(double sum, double min, double max, double side) {
        if (sum <= 0 || side <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double s2 = sum * sum;
        double side2 = side * side;
        return Math.max(side2 * max / s2, s2 / (side2 * min));
    }
}
