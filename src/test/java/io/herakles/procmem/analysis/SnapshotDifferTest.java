package io.herakles.procmem.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDifferTest {

    private static final long MIB = 1 << 20;
    private static final Instant BOOT1 = Instant.parse("2026-12-04T08:00:00Z");
    private static final GroupKey DB = new GroupKey("db", "postgres");
    private static final GroupKey WEB = new GroupKey("web", "nginx");

    private static ProcessSample p(int pid, String name, GroupKey g, Instant start, long ussMib) {
        return ProcessSample.builder(pid, name).group(g).cmdline(name + " -d").startTime(start).rssBytes(ussMib * 2 * MIB)
                .ussBytes(ussMib * MIB).build();
    }

    private static Snapshot snap(Instant at, ProcessSample... ps) {
        return new Snapshot(0, at, "t", List.of(ps), SystemSample.UNKNOWN, CollectionStats.NONE);
    }

    private final Snapshot before = snap(BOOT1.plusSeconds(60),
            p(10, "postgres", DB, BOOT1, 100),
            p(11, "nginx", WEB, BOOT1, 20),
            p(12, "old-tool", GroupKey.OTHER, BOOT1, 5),
            p(13, "restarted", WEB, BOOT1, 30));
    private final Snapshot after = snap(BOOT1.plusSeconds(3600),
            p(10, "postgres", DB, BOOT1, 160),
            p(11, "nginx", WEB, BOOT1, 15),
            // pid 13 reused by another program; the old one was restarted as 40
            p(13, "new-tool", GroupKey.OTHER, BOOT1.plusSeconds(900), 7),
            p(40, "restarted", WEB, BOOT1.plusSeconds(800), 32));

    @Test
    void processesPairByPidAndStartTimeThenByIdentity() {
        SnapshotDiff d = SnapshotDiffer.diff(before, after, DiffLevel.PROCESS, MemoryMetric.USS);
        assertThat(d.rows()).extracting(DiffRow::label)
                .containsExactly("postgres", "new-tool", "restarted", "nginx", "old-tool");
        DiffRow postgres = d.rows().get(0);
        assertThat(postgres.matchedBy()).isEqualTo(MatchKind.PID);
        assertThat(postgres.delta()).hasValue(60 * MIB);
        DiffRow restarted = d.rows().get(2);
        assertThat(restarted.matchedBy()).isEqualTo(MatchKind.IDENTITY);
        assertThat(restarted.pidBefore()).hasValue(13);
        assertThat(restarted.pidAfter()).hasValue(40);
        assertThat(d.rows().get(1).status()).isEqualTo(DiffRow.Status.NEW);
        assertThat(d.rows().get(4).status()).isEqualTo(DiffRow.Status.GONE);
        assertThat(d.rows().get(4).delta()).hasValue(-5 * MIB);
        assertThat(d.totalBefore()).isEqualTo(155 * MIB);
        assertThat(d.totalAfter()).isEqualTo(214 * MIB);
        assertThat(d.count(MatchKind.IDENTITY)).isOne();
    }

    @Test
    void subgroupAndGroupRowsSumTheirProcesses() {
        SnapshotDiff d = SnapshotDiffer.diff(before, after, DiffLevel.SUBGROUP, MemoryMetric.RSS);
        assertThat(d.rows()).extracting(DiffRow::label).containsExactly("db/postgres", "other/other", "web/nginx");
        assertThat(d.rows().get(0).delta()).hasValue(120 * MIB);
        assertThat(d.rows().get(1).delta()).hasValue(4 * MIB);
        assertThat(d.rows().get(2).delta()).hasValue(-6 * MIB);
        SnapshotDiff g = SnapshotDiffer.diff(before, after, DiffLevel.GROUP, MemoryMetric.USS);
        assertThat(g.rows()).extracting(DiffRow::label).containsExactly("db", "other", "web");
    }

    @Test
    void unreadableValuesGiveAnUnknownDeltaSortedLast() {
        Snapshot b = snap(BOOT1, ProcessSample.builder(1, "secret").startTime(BOOT1).rssBytes(MIB).build(),
                p(2, "x", GroupKey.OTHER, BOOT1, 1));
        Snapshot a = snap(BOOT1, ProcessSample.builder(1, "secret").startTime(BOOT1).rssBytes(MIB).build(),
                p(2, "x", GroupKey.OTHER, BOOT1, 1));
        SnapshotDiff d = SnapshotDiffer.diff(b, a, DiffLevel.PROCESS, MemoryMetric.USS);
        assertThat(d.rows().get(1).status()).isEqualTo(DiffRow.Status.UNKNOWN);
        assertThat(d.rows().get(1).delta()).isEmpty();
        assertThat(d.rows().get(0).status()).isEqualTo(DiffRow.Status.SAME);
    }

    @Test
    void theKeyedSortGivesExactlyTheGrowthOrder() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        List<java.util.OptionalLong> values = List.of(java.util.OptionalLong.empty(), java.util.OptionalLong.of(0),
                java.util.OptionalLong.of(5 * MIB), java.util.OptionalLong.of(7 * MIB), java.util.OptionalLong.of(Long.MAX_VALUE));
        List<DiffRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            MatchKind kind = MatchKind.values()[random.nextInt(MatchKind.values().length)];
            rows.add(new DiffRow("p" + random.nextInt(40), DB, java.util.OptionalInt.of(i), java.util.OptionalInt.of(i),
                    values.get(random.nextInt(values.size())), values.get(random.nextInt(values.size())), kind));
        }
        List<DiffRow> expected = new java.util.ArrayList<>(rows);
        expected.sort(SnapshotDiffer.BY_GROWTH);
        assertThat(SnapshotDiffer.byGrowth(rows)).containsExactlyElementsOf(expected);
    }
}
