package io.herakles.procmem.analysis;

import io.herakles.procmem.model.MemoryMetric;
import java.time.Instant;
import java.util.List;

/**
 * Leak suspects of a series of snapshots, fastest growing first. Immutable.
 *
 * @param metric     the memory figure that was followed
 * @param samples    how many snapshots were looked at
 * @param from       the first snapshot's time
 * @param to         the last snapshot's time
 * @param processes  suspect processes
 * @param subgroups  suspect subgroups (sums over their processes)
 */
public record LeakReport(MemoryMetric metric, int samples, Instant from, Instant to, List<LeakSuspect> processes,
        List<LeakSuspect> subgroups) {

    public LeakReport {
        processes = List.copyOf(processes);
        subgroups = List.copyOf(subgroups);
    }
}
