package io.herakles.procmem.analysis;

import io.herakles.procmem.model.MemoryMetric;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The difference between two snapshots. Immutable.
 *
 * @param level      what a row is
 * @param metric     which memory figure is compared
 * @param beforeTime when BEFORE was taken
 * @param afterTime  when AFTER was taken
 * @param rows       every row, by growth (largest Δ first; rows with an unknown Δ last)
 * @param totalBefore sum of the metric over BEFORE's processes (where readable), bytes
 * @param totalAfter  the same for AFTER
 */
public record SnapshotDiff(DiffLevel level, MemoryMetric metric, Instant beforeTime, Instant afterTime,
        List<DiffRow> rows, long totalBefore, long totalAfter) {

    public SnapshotDiff {
        Objects.requireNonNull(level);
        Objects.requireNonNull(metric);
        rows = List.copyOf(rows);
    }

    public long totalDelta() {
        return totalAfter - totalBefore;
    }

    public long count(DiffRow.Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    public long count(MatchKind kind) {
        return rows.stream().filter(r -> r.matchedBy() == kind).count();
    }
}
