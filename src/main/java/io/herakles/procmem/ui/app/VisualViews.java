package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.charts.CpuChartView;
import io.herakles.procmem.ui.charts.HeaderTilesView;
import io.herakles.procmem.ui.details.DetailsView;
import io.herakles.procmem.ui.details.ProcessHistory;
import io.herakles.procmem.ui.store.SnapshotStore;
import io.herakles.procmem.ui.treemap.TreemapView;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The visual views beside the table — header tiles, treemap, CPU chart, process details — wired
 * to the store: they show the store's snapshot and metric, a treemap click selects the process
 * (and so the table row), and the selected process's details follow the selection. Keeps the
 * per-process history the details pane draws; that history and the CPU chart restart when the window switches
 * between live and a file. FX thread only.
 */
final class VisualViews {

    private final SnapshotStore store;
    private final HeaderTilesView header = new HeaderTilesView();
    private final TreemapView treemap = new TreemapView();
    private final CpuChartView cpuChart = new CpuChartView();
    private final DetailsView details = new DetailsView();
    private final ProcessHistory history = new ProcessHistory();
    private final TabPane tabs;
    private final ScrollPane detailsScroll;

    VisualViews(SnapshotStore store) {
        this.store = store;
        header.setId("headerTiles");
        treemap.setId("treemap");
        cpuChart.setId("cpuChart");
        details.setId("details");
        tabs = new TabPane(tab("Memory map", treemap), tab("CPU", cpuChart));
        tabs.setId("vizTabs");
        // only the selected tab's view draws each tick; the other catches up when selected
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> showTab(index.intValue()));
        showTab(tabs.getSelectionModel().getSelectedIndex());
        detailsScroll = new ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        detailsScroll.getStyleClass().add("details-scroll");

        treemap.metricProperty().bind(store.metricProperty());
        treemap.setOnProcessSelected(pid -> store.selectedPidProperty().set(pid));
        store.selectedPidProperty().addListener((obs, old, pid) -> {
            treemap.selectPid(pid.intValue());
            showDetails();
        });
        store.metricProperty().addListener((obs, old, metric) -> {
            if (store.getCurrentSnapshot() != null) {
                header.update(store.getCurrentSnapshot(), metric);
            }
        });
        store.modeProperty().addListener((obs, old, mode) -> {
            history.clear(); // a file and the live system are different timelines
            cpuChart.clear();
        });
        store.currentSnapshotProperty().addListener((obs, old, snapshot) -> show(snapshot));
        show(store.getCurrentSnapshot());
    }

    private void showTab(int index) {
        treemap.setDrawing(index == 0);
        cpuChart.setDrawing(index == 1);
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    /** Hands one snapshot to every visual view (the table gets it from the store on its own). */
    void show(Snapshot snapshot) {
        treemap.setSnapshot(snapshot);
        if (snapshot != null) {
            history.record(snapshot);
            header.update(snapshot, store.metricProperty().get());
            cpuChart.update(snapshot);
        }
        showDetails();
    }

    private void showDetails() {
        Snapshot snapshot = store.getCurrentSnapshot();
        int pid = store.selectedPidProperty().get();
        ProcessSample selected = snapshot == null || pid == SnapshotStore.NO_SELECTION
                ? null : snapshot.byPid(pid).orElse(null);
        details.show(selected, history);
    }

    Node header() {
        return header;
    }

    Node charts() {
        return tabs;
    }

    Node details() {
        return detailsScroll;
    }

    /** The treemap (tests click it). */
    TreemapView treemap() {
        return treemap;
    }
}
