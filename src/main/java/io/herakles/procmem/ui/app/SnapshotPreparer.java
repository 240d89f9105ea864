package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.charts.GroupCpuHistory;
import io.herakles.procmem.ui.charts.HeaderFigures;
import io.herakles.procmem.ui.charts.HeaderTilesView;
import io.herakles.procmem.ui.details.ProcessHistory;
import io.herakles.procmem.ui.processes.ProcessListing;
import io.herakles.procmem.ui.treemap.TreemapFrame;
import java.util.Objects;

/**
 * The pure part of showing a snapshot: the process table's listing (filtered and sorted), the
 * treemap's hierarchy and squarified layout, the header figures and the per-group CPU, computed
 * without JavaFX so it can run on the "ui-prepare" thread;
 * and the one piece of state kept there, the live per-process history (recorded here so the FX
 * thread does not walk 5,000 processes for it; {@link ProcessHistory} is synchronized for the FX
 * thread's reads).
 *
 * <p>What the results depend on besides the snapshot — the table's filter and order (kept by
 * {@link ProcessListing.Preparer} the same way), the treemap's metric, zoom and canvas size,
 * whether it is on screen, the header's metric — lives on the FX thread. The FX thread copies it
 * here when it changes (rare: a resize, a zoom, a metric or tab switch) through the setters into
 * volatile fields holding immutable values; {@link #prepare} reads each field once. A result
 * prepared with values that changed meanwhile is recognised on the FX thread (the views compare
 * parameters) and recomputed there once.
 *
 * <p>Threads: setters from the FX thread, {@link #prepare} from one thread at a time (the preparer
 * thread). Holds no other state.
 */
final class SnapshotPreparer {

    private volatile TreemapFrame.Params treemapParams;
    private volatile boolean treemapShown = true;
    private volatile MemoryMetric headerMetric;
    private final ProcessHistory liveHistory;
    private final ProcessListing.Preparer tableListing;

    SnapshotPreparer(TreemapFrame.Params treemapParams, MemoryMetric headerMetric, ProcessHistory liveHistory,
            ProcessListing.Preparer tableListing) {
        this.liveHistory = Objects.requireNonNull(liveHistory, "liveHistory");
        this.tableListing = Objects.requireNonNull(tableListing, "tableListing");
        setTreemapParams(treemapParams);
        setHeaderMetric(headerMetric);
    }

    /** The treemap's current metric, zoom and canvas size. FX thread. */
    void setTreemapParams(TreemapFrame.Params params) {
        treemapParams = Objects.requireNonNull(params, "params");
    }

    /** Whether the treemap is on screen; while it is not, no frame is prepared. FX thread. */
    void setTreemapShown(boolean shown) {
        treemapShown = shown;
    }

    /** The metric the header's leaderboard ranks by. FX thread. */
    void setHeaderMetric(MemoryMetric metric) {
        headerMetric = Objects.requireNonNull(metric, "metric");
    }

    /**
     * Records {@code snapshot} in the live history and computes everything the visual views need
     * for it. Pure apart from that and reading the fields.
     */
    PreparedSnapshot prepare(Snapshot snapshot) {
        liveHistory.record(snapshot);
        TreemapFrame.Params params = treemapParams;
        TreemapFrame frame = treemapShown ? TreemapFrame.compute(snapshot, params) : null;
        HeaderFigures header = HeaderFigures.of(snapshot, headerMetric, HeaderTilesView.TOP_N);
        return new PreparedSnapshot(snapshot, tableListing.prepare(snapshot), frame, header,
                GroupCpuHistory.sampleOf(snapshot));
    }
}
