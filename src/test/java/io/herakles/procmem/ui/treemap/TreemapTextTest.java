package io.herakles.procmem.ui.treemap;

import static io.herakles.procmem.ui.treemap.TestSnapshots.process;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.MemoryMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreemapTextTest {

    @Test
    void processTooltipShowsEveryFigureAndDashForUnreadable() {
        TreemapNode root = TreemapModel.build(List.of(process(42, "db", "postgres", 3L << 30, null, null)),
                MemoryMetric.RSS);
        TreemapNode leaf = root.children().get(0).children().get(0).children().get(0);

        String text = TreemapText.tooltip(leaf, MemoryMetric.RSS);

        assertThat(text).contains("proc42 (pid 42)", "db/postgres", "RSS 3.00 GiB", "USS \u2014", "PSS \u2014",
                "% of one core");
    }

    @Test
    void groupTooltipSaysHowManyWereLeftOut() {
        TreemapNode root = TreemapModel.build(List.of(
                process(1, "db", "postgres", 1 << 20, null, null),
                process(2, "db", "postgres", 1 << 20, 1L << 20, 1L << 20)), MemoryMetric.PSS);

        String text = TreemapText.tooltip(root.children().get(0), MemoryMetric.PSS);

        assertThat(text).contains("PSS 1.00 MiB in 1 process", "1 process without PSS left out");
    }

    @Test
    void fitCutsWithEllipsisOrGivesUp() {
        assertThat(TreemapText.fit("postgres", 200)).isEqualTo("postgres");
        assertThat(TreemapText.fit("postgres", 5 * TreemapText.CHAR_WIDTH)).isEqualTo("post\u2026");
        assertThat(TreemapText.fit("postgres", TreemapText.CHAR_WIDTH)).isEmpty();
    }

    @Test
    void groupColoursAreStableAndOtherIsGrey() {
        assertThat(GroupPalette.color("db")).isEqualTo(GroupPalette.color("db"));
        assertThat(GroupPalette.color("other")).isEqualTo(GroupPalette.color(""));
        assertThat(GroupPalette.color("other")).isNotEqualTo(GroupPalette.color("db"));
        assertThat(GroupPalette.index("db")).isBetween(0, GroupPalette.size() - 1);
    }

    @Test
    void groupsGetDistinctColoursWhileThePaletteLasts() {
        // the palette remembers groups for the life of the JVM, and other tests used many
        GroupPalette.forgetAssignments();
        java.util.Set<Integer> slots = new java.util.HashSet<>();
        for (int i = 0; i < GroupPalette.size(); i++) {
            slots.add(GroupPalette.index("palette-test-" + i));
        }
        assertThat(slots).hasSize(GroupPalette.size());
        assertThat(GroupPalette.index("palette-test-3")).isEqualTo(GroupPalette.index("palette-test-3"));
    }
}
