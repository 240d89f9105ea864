package io.herakles.procmem.ui.compare;

import io.herakles.procmem.analysis.DiffRow;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.ui.treemap.Rect;
import io.herakles.procmem.ui.treemap.TreemapLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out a diff's rows as group/subgroup boxes (with a title strip) holding one box per row. A row
 * is sized by the larger of its before and after, so what shrank or is gone keeps the room it had.
 * Pure (no JavaFX), any thread.
 */
final class GrowthTreemapLayout {

    /** Height of a subgroup's title strip, px. */
    static final double TITLE = 15;
    private static final double GAP = 2;

    /** One box: a subgroup ({@code row} null) or a row of the diff inside it. */
    record Cell(String label, GroupKey group, DiffRow row, long size, Rect rect) {
        boolean isSubgroup() {
            return row == null;
        }
    }

    private GrowthTreemapLayout() {}

    /** The larger of before and after, bytes; 0 when neither is known. */
    static long size(DiffRow r) {
        return Math.max(r.before().orElse(0), r.after().orElse(0));
    }

    static List<Cell> layout(List<DiffRow> rows, Rect bounds) {
        Map<GroupKey, List<DiffRow>> byGroup = new LinkedHashMap<>();
        for (DiffRow r : rows) {
            if (size(r) > 0) {
                byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
            }
        }
        List<GroupKey> groups = new ArrayList<>(byGroup.keySet());
        double[] weights = new double[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            for (DiffRow r : byGroup.get(groups.get(i))) {
                weights[i] += size(r);
            }
        }
        List<Cell> cells = new ArrayList<>();
        Rect[] groupRects = TreemapLayout.squarify(weights, bounds);
        for (int i = 0; i < groups.size(); i++) {
            Rect box = groupRects[i];
            if (box.area() <= 0) {
                continue;
            }
            cells.add(new Cell(groups.get(i).toString(), groups.get(i), null, (long) weights[i], box));
            Rect inner = box.inset(GAP);
            boolean titled = inner.height() > 2 * TITLE;
            Rect area = titled ? new Rect(inner.x(), inner.y() + TITLE, inner.width(), inner.height() - TITLE) : inner;
            List<DiffRow> members = byGroup.get(groups.get(i));
            double[] w = new double[members.size()];
            for (int k = 0; k < members.size(); k++) {
                w[k] = size(members.get(k));
            }
            Rect[] rects = TreemapLayout.squarify(w, area);
            for (int k = 0; k < members.size(); k++) {
                if (rects[k].area() > 0) {
                    DiffRow r = members.get(k);
                    cells.add(new Cell(r.label(), r.group(), r, size(r), rects[k]));
                }
            }
        }
        return cells;
    }
}
