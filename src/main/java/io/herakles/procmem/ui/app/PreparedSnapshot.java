package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.charts.GroupCpuHistory;
import io.herakles.procmem.ui.charts.HeaderFigures;
import io.herakles.procmem.ui.processes.ProcessListing;
import io.herakles.procmem.ui.treemap.TreemapFrame;
import java.util.Objects;

/**
 * What {@link SnapshotPreparer} computes for one snapshot off the FX thread, for the FX thread to
 * apply as it is. Immutable.
 *
 * @param snapshot the snapshot (views match results to it by identity)
 * @param processes the process table's listing, with the filter and order of when it was prepared
 * @param treemap  hierarchy and layout, or null when the treemap was off screen
 * @param header   the header tiles' figures for the metric chosen when it was prepared
 * @param groupCpu CPU per group for the CPU chart's history
 */
record PreparedSnapshot(Snapshot snapshot, ProcessListing processes, TreemapFrame treemap, HeaderFigures header,
        GroupCpuHistory.Sample groupCpu) {

    PreparedSnapshot {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(processes, "processes");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(groupCpu, "groupCpu");
    }
}
