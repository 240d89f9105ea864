package io.herakles.procmem.ui.fleet;

import io.herakles.procmem.fleet.Fleet;
import io.herakles.procmem.ui.treemap.Rect;
import io.herakles.procmem.ui.treemap.TreemapLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out hosts → groups → subgroups by USS as nested squarified rectangles: each host gets an
 * area proportional to its total, with a title strip; its groups share the rest; a group's
 * subgroups share the group. Pure (no JavaFX), any thread; cost linear in the number of subgroups.
 */
public final class FleetTreemapLayout {

    /** Height of a host's title strip, px. */
    static final double TITLE = 16;
    private static final double GAP = 2;

    private FleetTreemapLayout() {}

    public static List<FleetCell> layout(List<Fleet.Host> hosts, Fleet.Kind kind, Rect bounds) {
        List<FleetCell> cells = new ArrayList<>();
        double[] weights = new double[hosts.size()];
        for (int i = 0; i < hosts.size(); i++) {
            weights[i] = hosts.get(i).total(kind).orElse(0);
        }
        Rect[] hostRects = TreemapLayout.squarify(weights, bounds);
        for (int i = 0; i < hosts.size(); i++) {
            Fleet.Host h = hosts.get(i);
            Rect r = hostRects[i];
            if (r.area() <= 0) {
                continue;
            }
            cells.add(new FleetCell(0, h.instance(), "", h.instance(), (long) weights[i], r));
            Rect inner = r.inset(GAP);
            if (inner.height() <= TITLE + GAP) {
                continue;
            }
            layoutGroups(h, kind, new Rect(inner.x(), inner.y() + TITLE, inner.width(), inner.height() - TITLE), cells);
        }
        return cells;
    }

    private static void layoutGroups(Fleet.Host h, Fleet.Kind kind, Rect area, List<FleetCell> cells) {
        Map<String, List<Fleet.Subgroup>> byGroup = new LinkedHashMap<>();
        for (Fleet.Subgroup s : h.subgroups()) {
            byGroup.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
        }
        List<String> groups = new ArrayList<>(byGroup.keySet());
        double[] groupWeights = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (Fleet.Subgroup s : byGroup.get(groups.get(g))) {
                groupWeights[g] += s.bytes(kind).orElse(0);
            }
        }
        Rect[] groupRects = TreemapLayout.squarify(groupWeights, area);
        for (int g = 0; g < groups.size(); g++) {
            if (groupRects[g].area() <= 0) {
                continue;
            }
            cells.add(new FleetCell(1, h.instance(), groups.get(g), groups.get(g), (long) groupWeights[g], groupRects[g]));
            List<Fleet.Subgroup> subs = byGroup.get(groups.get(g));
            double[] w = new double[subs.size()];
            for (int k = 0; k < subs.size(); k++) {
                w[k] = subs.get(k).bytes(kind).orElse(0);
            }
            Rect[] subRects = TreemapLayout.squarify(w, groupRects[g].inset(1));
            for (int k = 0; k < subs.size(); k++) {
                if (subRects[k].area() > 0) {
                    cells.add(new FleetCell(2, h.instance(), groups.get(g), subs.get(k).subgroup(), (long) w[k],
                            subRects[k]));
                }
            }
        }
    }
}
