package io.herakles.procmem.engine;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.SystemSample;
import java.util.List;

/**
 * The output of one {@link Collector#collect} pass. Immutable.
 *
 * @param processes        accepted processes (after filters and classification)
 * @param system           system-wide figures
 * @param durationNanos    wall time of the pass
 * @param pidsSeen         numeric entries listed
 * @param vanished         pids that exited while being read
 * @param permissionDenied processes whose last {@code smaps_rollup} attempt was denied
 * @param pssReadable      processes with known PSS/USS
 * @param rollupsRead      {@code smaps_rollup} reads done this pass
 * @param rollupsPending   due reads left for later by the time budget
 * @param deniedReads      {@code smaps_rollup} reads refused this pass (events, for running totals)
 */
public record TickResult(List<ProcessSample> processes, SystemSample system, long durationNanos, int pidsSeen,
        int vanished, int permissionDenied, int pssReadable, int rollupsRead, int rollupsPending, int deniedReads) {

    public TickResult {
        processes = List.copyOf(processes);
    }
}
