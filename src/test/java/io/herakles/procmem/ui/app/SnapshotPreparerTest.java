package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.charts.GroupCpuHistory;
import io.herakles.procmem.ui.charts.HeaderFigures;
import io.herakles.procmem.ui.charts.HeaderTilesView;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.details.ProcessHistory;
import io.herakles.procmem.ui.processes.ProcessListing;
import io.herakles.procmem.ui.treemap.TreemapFrame;
import io.herakles.procmem.ui.treemap.TreemapModel;
import io.herakles.procmem.ui.treemap.ZoomPath;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the "ui-prepare" thread computes must be what the FX thread would have computed itself. */
class SnapshotPreparerTest {

    private final Snapshot snapshot = TestSnapshots.generated(2000, 3);
    private final ProcessHistory history = new ProcessHistory();

    @Test
    void resultsPreparedOnAnotherThreadEqualComputingThemOnTheViewsThread() throws Exception {
        TreemapFrame.Params params = new TreemapFrame.Params(MemoryMetric.PSS, ZoomPath.group("db"), 812, 455);
        SnapshotPreparer preparer = new SnapshotPreparer(params, MemoryMetric.USS, history, new ProcessListing.Preparer());

        PreparedSnapshot prepared = CompletableFuture.supplyAsync(() -> preparer.prepare(snapshot))
                .get(60, TimeUnit.SECONDS);

        // what TreemapView, HeaderTilesView and CpuChartView compute when given the bare snapshot
        TreemapModel model = new TreemapModel();
        model.setMetric(MemoryMetric.PSS);
        model.zoomTo(ZoomPath.group("db"));
        model.setSnapshot(snapshot);
        assertThat(prepared.snapshot()).isSameAs(snapshot);
        assertThat(prepared.treemap().params()).isEqualTo(params);
        assertThat(prepared.treemap().root()).isEqualTo(model.root());
        assertThat(prepared.treemap().cells()).isNotEmpty().isEqualTo(model.layout(812, 455));
        assertThat(prepared.header()).isEqualTo(HeaderFigures.of(snapshot, MemoryMetric.USS, HeaderTilesView.TOP_N));
        assertThat(prepared.groupCpu()).isEqualTo(GroupCpuHistory.sampleOf(snapshot));
        int pid = snapshot.processes().get(1234).pid();
        assertThat(history.history(pid)).as("the live history is recorded off the FX thread too").hasSize(1);
        assertThat(history.trackedPids()).isEqualTo(snapshot.processes().size());
    }

    @Test
    void aPreparedFrameIsShownByAModelWithTheSameParametersOnly() {
        TreemapFrame.Params params = new TreemapFrame.Params(MemoryMetric.RSS, ZoomPath.ROOT, 640, 400);
        TreemapFrame frame = new SnapshotPreparer(params, MemoryMetric.RSS, history, new ProcessListing.Preparer()).prepare(snapshot).treemap();
        TreemapModel model = new TreemapModel();

        assertThat(model.show(frame, 640, 401)).isFalse();
        assertThat(model.cells()).isEmpty();
        assertThat(model.show(frame, 640, 400)).isTrue();
        assertThat(model.cells()).isEqualTo(frame.cells());
        assertThat(model.root()).isSameAs(frame.root());
        model.setMetric(MemoryMetric.USS);
        assertThat(model.show(frame, 640, 400)).isFalse();
    }

    @Test
    void settingsChangedOnTheFxThreadAreUsedByTheNextPreparation() {
        SnapshotPreparer preparer = new SnapshotPreparer(
                new TreemapFrame.Params(MemoryMetric.RSS, ZoomPath.ROOT, 100, 100), MemoryMetric.RSS, history,
                new ProcessListing.Preparer());
        TreemapFrame.Params resized = new TreemapFrame.Params(MemoryMetric.USS, ZoomPath.ROOT, 300, 200);

        preparer.setTreemapParams(resized);
        preparer.setHeaderMetric(MemoryMetric.PSS);
        PreparedSnapshot next = preparer.prepare(snapshot);
        preparer.setTreemapShown(false);
        PreparedSnapshot offScreen = preparer.prepare(snapshot);

        assertThat(next.treemap().params()).isEqualTo(resized);
        assertThat(next.header().metric()).isEqualTo(MemoryMetric.PSS);
        assertThat(offScreen.treemap()).as("no treemap work while it is off screen").isNull();
    }
}
