package io.herakles.procmem.ui.maps;

import io.herakles.procmem.model.maps.Mapping;
import io.herakles.procmem.model.maps.MappingGroup;
import io.herakles.procmem.model.maps.MappingKind;
import io.herakles.procmem.model.maps.MapsGrouping;
import io.herakles.procmem.ui.treemap.Rect;
import io.herakles.procmem.ui.treemap.TreemapLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The small treemap of one process's memory: a box per mapping kind, split into a box per path
 * (anonymous mappings are one box), area by PSS — what the process really costs. Pure and
 * stateless (no JavaFX): any thread.
 */
public final class MapsTreemapLayout {

    /** Height of a kind's caption strip when its box is tall enough. */
    static final double CAPTION = 14;

    private MapsTreemapLayout() {}

    /**
     * One laid-out box.
     *
     * @param rect   where it is drawn
     * @param kind   its kind
     * @param name   the kind's label for a kind box, else the path (or the kind in brackets)
     * @param bytes  PSS of the box
     * @param isKind whether this is a kind box (drawn behind its path boxes)
     */
    public record Cell(Rect rect, MappingKind kind, String name, long bytes, boolean isKind) {
        public Cell {
            Objects.requireNonNull(rect, "rect");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Kind boxes first, each followed by its path boxes; empty when nothing has PSS. */
    public static List<Cell> layout(List<Mapping> mappings, Rect bounds) {
        List<MappingGroup> kinds = new ArrayList<>(MapsGrouping.byKind(mappings));
        kinds.removeIf(k -> k.sizes().pss() <= 0);
        List<Cell> out = new ArrayList<>();
        Rect[] kindRects = TreemapLayout.squarify(weights(kinds), bounds);
        List<MappingGroup> paths = MapsGrouping.byPath(mappings);
        for (int i = 0; i < kinds.size(); i++) {
            MappingGroup kind = kinds.get(i);
            Rect r = kindRects[i];
            out.add(new Cell(r, kind.kind(), kind.kind().label(), kind.sizes().pss(), true));
            Rect inner = r.inset(1);
            if (inner.height() > 3 * CAPTION) {
                inner = new Rect(inner.x(), inner.y() + CAPTION, inner.width(), inner.height() - CAPTION);
            }
            List<MappingGroup> mine = new ArrayList<>();
            for (MappingGroup p : paths) {
                if (p.kind() == kind.kind() && p.sizes().pss() > 0) {
                    mine.add(p);
                }
            }
            Rect[] pathRects = TreemapLayout.squarify(weights(mine), inner);
            for (int k = 0; k < mine.size(); k++) {
                out.add(new Cell(pathRects[k], kind.kind(), mine.get(k).name(), mine.get(k).sizes().pss(), false));
            }
        }
        return out;
    }

    private static double[] weights(List<MappingGroup> groups) {
        double[] w = new double[groups.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = groups.get(i).sizes().pss();
        }
        return w;
    }
}
