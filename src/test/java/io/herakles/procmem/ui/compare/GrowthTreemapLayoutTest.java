package io.herakles.procmem.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.herakles.procmem.analysis.DiffRow;
import io.herakles.procmem.analysis.MatchKind;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.ui.treemap.Rect;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class GrowthTreemapLayoutTest {

    private static final GroupKey DB = new GroupKey("db", "postgres");
    private static final GroupKey WEB = new GroupKey("web", "nginx");

    private static DiffRow row(String label, GroupKey g, Long before, Long after, MatchKind kind) {
        return new DiffRow(label, g, before == null ? OptionalInt.empty() : OptionalInt.of(1),
                after == null ? OptionalInt.empty() : OptionalInt.of(2),
                before == null ? OptionalLong.empty() : OptionalLong.of(before),
                after == null ? OptionalLong.empty() : OptionalLong.of(after), kind);
    }

    private final List<DiffRow> rows = List.of(
            row("grower", DB, 100L, 300L, MatchKind.PID),
            row("gone", DB, 100L, null, MatchKind.NONE),
            row("fresh", WEB, null, 200L, MatchKind.NONE),
            row("shrinker", WEB, 400L, 200L, MatchKind.PID));

    @Test
    void rowsAreSizedByTheLargerOfBeforeAndAfterInsideTheirSubgroup() {
        Rect bounds = new Rect(0, 0, 600, 400);
        List<GrowthTreemapLayout.Cell> cells = GrowthTreemapLayout.layout(rows, bounds);
        assertThat(cells).filteredOn(GrowthTreemapLayout.Cell::isSubgroup).extracting(GrowthTreemapLayout.Cell::label)
                .containsExactlyInAnyOrder("db/postgres", "web/nginx");
        GrowthTreemapLayout.Cell db = cells.stream().filter(c -> c.label().equals("db/postgres")).findFirst().orElseThrow();
        GrowthTreemapLayout.Cell web = cells.stream().filter(c -> c.label().equals("web/nginx")).findFirst().orElseThrow();
        // db: 300 + 100 (gone keeps its room); web: 200 + 400
        assertThat(db.rect().area() / web.rect().area()).isCloseTo(400.0 / 600.0, within(1e-6));
        for (GrowthTreemapLayout.Cell c : cells) {
            if (!c.isSubgroup()) {
                GrowthTreemapLayout.Cell box = c.group().equals(DB) ? db : web;
                assertThat(box.rect().contains(c.rect().x(), c.rect().y())).as(c.label()).isTrue();
            }
        }
        GrowthTreemapLayout.Cell grower = cells.stream().filter(c -> c.label().equals("grower")).findFirst().orElseThrow();
        GrowthTreemapLayout.Cell gone = cells.stream().filter(c -> c.label().equals("gone")).findFirst().orElseThrow();
        assertThat(grower.rect().area() / gone.rect().area()).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void coloursFollowTheStatusAndDeepenWithTheChange() {
        assertThat(GrowthTreemap.color(rows.get(1))).isEqualTo(GrowthTreemap.GONE);
        assertThat(GrowthTreemap.color(rows.get(2))).isEqualTo(GrowthTreemap.NEW);
        Color tripled = GrowthTreemap.color(rows.get(0));
        Color slightly = GrowthTreemap.color(row("p", DB, 1000L, 1010L, MatchKind.PID));
        assertThat(tripled.getRed()).isGreaterThan(tripled.getGreen());
        assertThat(distance(tripled, GrowthTreemap.SAME)).isGreaterThan(distance(slightly, GrowthTreemap.SAME));
        Color halved = GrowthTreemap.color(rows.get(3));
        assertThat(halved.getGreen()).isGreaterThan(halved.getRed());
    }

    @Test
    void aTooltipSaysBeforeAfterAndTheChange() {
        GrowthTreemapLayout.Cell c = new GrowthTreemapLayout.Cell("grower", DB, rows.get(0), 300, new Rect(0, 0, 1, 1));
        assertThat(GrowthTreemap.describe(c)).isEqualTo("grower (db/postgres) — grew: 100 B → 300 B (+0.0 MiB)");
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }
}
