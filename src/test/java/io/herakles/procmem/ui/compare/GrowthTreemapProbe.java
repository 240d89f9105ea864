package io.herakles.procmem.ui.compare;

import io.herakles.procmem.analysis.DiffRow;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.paint.Color;

/** Reads what a {@link GrowthTreemap} drew, for tests in other packages. FX thread. */
public final class GrowthTreemapProbe {
    private GrowthTreemapProbe() {}

    /** Row label → the status its colour stands for ("grew", "new", …), for every row box drawn. */
    public static Map<String, String> boxColours(Node treemap) {
        Map<String, String> out = new LinkedHashMap<>();
        for (GrowthTreemapLayout.Cell c : ((GrowthTreemap) treemap).cells()) {
            if (!c.isSubgroup()) {
                out.put(c.label(), statusOf(GrowthTreemap.color(c.row())));
            }
        }
        return out;
    }

    private static String statusOf(Color c) {
        if (c.equals(GrowthTreemap.NEW)) {
            return "new";
        }
        if (c.equals(GrowthTreemap.GONE)) {
            return "gone";
        }
        if (c.equals(GrowthTreemap.SAME)) {
            return "same";
        }
        return c.getRed() > c.getGreen() ? "grew" : "shrank";
    }
}
