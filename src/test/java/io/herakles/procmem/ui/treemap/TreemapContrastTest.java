package io.herakles.procmem.ui.treemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.ui.theme.Contrast;
import io.herakles.procmem.ui.theme.Palette;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cell text reads on every colour the treemap fills with, in both looks (WCAG AA, 4.5:1). */
class TreemapContrastTest {

    @AfterEach
    void forget() {
        GroupPalette.forgetAssignments();
    }

    /** One group name per palette slot, and "other" (grey). */
    private static List<String> groupPerSlot() {
        GroupPalette.forgetAssignments();
        List<String> names = new ArrayList<>();
        for (int i = 0; names.size() < GroupPalette.SIZE; i++) {
            names.add("group-" + i); // the first SIZE names take every slot
        }
        names.add("other");
        return names;
    }

    @Test
    void everyTreemapFillHasTextAtLeastAaInBothThemes() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Palette palette : List.of(Palette.LIGHT, Palette.DARK)) {
            for (String group : groupPerSlot()) {
                List<Color> fills = new ArrayList<>(List.of(TreemapPainter.shades(group)));
                fills.add(TreemapPainter.containerFill(group, TreemapNode.Kind.GROUP, palette));
                fills.add(TreemapPainter.containerFill(group, TreemapNode.Kind.SUBGROUP, palette));
                for (Color fill : fills) {
                    double ratio = Contrast.ratio(TreemapPainter.textOn(fill), fill);
                    checked++;
                    if (ratio < Contrast.AA) {
                        failures.add((palette.dark() ? "dark " : "light ") + group + " " + fill + ": " + ratio);
                    }
                }
            }
            assertThat(Contrast.ratio(palette.text(), palette.surface())).as("empty-state text").isGreaterThan(Contrast.AA);
        }
        assertThat(checked).isEqualTo(2 * (GroupPalette.SIZE + 1) * 10);
        assertThat(failures).isEmpty();
    }
}
