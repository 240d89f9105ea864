package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.charts.CpuChartView;
import io.herakles.procmem.ui.charts.GroupCpuHistory;
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
 * per-process history the details pane draws (a file gets its own, the live one is kept); the CPU chart restarts when the window switches
 * between live and a file.
 *
 * <p>FX thread only. Live snapshots arrive already prepared ({@link PreparedSnapshot}, computed on
 * the "ui-prepare" thread by {@link #preparer()}); a snapshot without a matching result (a file,
 * or parameters that changed meanwhile) is computed here.
 */
final class VisualViews {

    static final String TREEMAP_TAB = "treemapTab";
    static final String CPU_TAB = "cpuTab";

    private final SnapshotStore store;
    private final HeaderTilesView header = new HeaderTilesView();
    private final TreemapView treemap = new TreemapView();
    private final CpuChartView cpuChart = new CpuChartView();
    private final DetailsView details = new DetailsView();
    /**
     * Since each live process was first seen; recorded by the preparer thread, also while a file is
     * shown, so "Back to live" finds it complete.
     */
    private final ProcessHistory liveHistory = new ProcessHistory();
    /** The history the details pane draws: the live one, or a fresh one for a snapshot file. */
    private ProcessHistory history = liveHistory;
    private final TabPane tabs;
    private final ScrollPane detailsScroll;
    private final SnapshotPreparer preparer;
    /** The latest result of the "ui-prepare" thread; used when the store shows its snapshot. */
    private PreparedSnapshot prepared;

    VisualViews(SnapshotStore store) {
        this.store = store;
        header.setId("headerTiles");
        treemap.setId("treemap");
        cpuChart.setId("cpuChart");
        details.setId("details");
        tabs = new TabPane(tab("Memory map", TREEMAP_TAB, treemap), tab("CPU", CPU_TAB, cpuChart));
        tabs.setId("vizTabs");
        // only the selected tab's view draws each tick; the other catches up when selected
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> showTab(index.intValue()));
        showTab(tabs.getSelectionModel().getSelectedIndex());
        detailsScroll = new ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        detailsScroll.getStyleClass().add("details-scroll");

        treemap.metricProperty().bind(store.metricProperty());
        preparer = new SnapshotPreparer(treemap.frameParamsProperty().get(), store.metricProperty().get(), liveHistory);
        preparer.setTreemapShown(tabs.getSelectionModel().getSelectedIndex() == 0);
        // the preparer thread reads copies of the FX state its results depend on; copied on change only
        treemap.frameParamsProperty().addListener((obs, old, params) -> preparer.setTreemapParams(params));
        store.metricProperty().addListener((obs, old, metric) -> preparer.setHeaderMetric(metric));
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
            // a file and the live system are different timelines: a file gets a history of its own and
            // the live one survives, so after "Back to live" the sparkline still starts at first sight
            history = mode == SnapshotStore.Mode.LIVE ? liveHistory : new ProcessHistory();
            cpuChart.clear();
            // a file holds one moment: both say so rather than wait for history that never comes
            cpuChart.setFromFile(mode == SnapshotStore.Mode.FILE);
            details.setFromFile(mode == SnapshotStore.Mode.FILE);
        });
        store.filterProperty().addListener((obs, old, filter) -> {
            treemap.setFilter(filter);
            restrictCpuChart();
        });
        store.currentSnapshotProperty().addListener((obs, old, snapshot) -> show(snapshot));
        show(store.getCurrentSnapshot());
    }

    private void showTab(int index) {
        if (preparer != null) {
            preparer.setTreemapShown(index == 0);
        }
        treemap.setDrawing(index == 0);
        cpuChart.setDrawing(index == 1);
    }

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }

    /**
     * Hands one snapshot to every visual view (the table gets it from the store on its own), using
     * what the preparer computed for it when {@link #offerPrepared} got that same snapshot.
     */
    void show(Snapshot snapshot) {
        PreparedSnapshot ready = prepared != null && prepared.snapshot() == snapshot ? prepared : null;
        treemap.setSnapshot(snapshot, ready == null ? null : ready.treemap());
        if (snapshot != null) {
            if (ready == null || history != liveHistory) {
                history.record(snapshot); // a live snapshot was recorded while it was prepared
            }
            MemoryMetric metric = store.metricProperty().get();
            if (ready != null && ready.header().metric() == metric) {
                header.update(snapshot, ready.header());
            } else {
                header.update(snapshot, metric);
            }
            restrictCpuChart();
            cpuChart.update(ready == null ? GroupCpuHistory.sampleOf(snapshot) : ready.groupCpu());
        }
        showDetails();
    }

    /** The CPU chart shows the groups that hold a process the filter keeps (all while none is set). */
    private void restrictCpuChart() {
        java.util.function.Predicate<ProcessSample> filter = store.filterProperty().get();
        Snapshot snapshot = store.getCurrentSnapshot();
        if (filter == null || snapshot == null) {
            cpuChart.setOnlyGroups(null);
            return;
        }
        java.util.Set<String> groups = new java.util.HashSet<>();
        for (ProcessSample p : snapshot.processes()) {
            if (filter.test(p)) {
                groups.add(p.group().group());
            }
        }
        cpuChart.setOnlyGroups(groups);
    }

    /**
     * Keeps {@code result} for when the store shows its snapshot (now, or on resume when paused).
     * FX thread; call before handing the snapshot to the store.
     */
    void offerPrepared(PreparedSnapshot result) {
        prepared = result;
    }

    /** The pure preparation for this window's views (the "ui-prepare" thread calls its {@code prepare}). */
    SnapshotPreparer preparer() {
        return preparer;
    }

    private void showDetails() {
        Snapshot snapshot = store.getCurrentSnapshot();
        int pid = store.selectedPidProperty().get();
        ProcessSample selected = snapshot == null || pid == SnapshotStore.NO_SELECTION
                ? null : snapshot.byPid(pid).orElse(null);
        details.show(selected, history);
    }

    /** Draws what is ours (tiles, treemap) in the light or dark look. */
    void setPalette(io.herakles.procmem.ui.theme.Palette palette) {
        header.setPalette(palette);
        treemap.setPalette(palette);
    }

    /** The tabs beside the table (treemap, CPU); their ids are what preferences remember. */
    TabPane tabs() {
        return tabs;
    }

    /** The id of the selected tab. */
    String selectedTabId() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.getId();
    }

    /** Selects the tab with {@code id}; an unknown id changes nothing. */
    void selectTab(String id) {
        tabs.getTabs().stream().filter(t -> t.getId() != null && t.getId().equals(id)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** The history the details pane draws now (tests). */
    ProcessHistory historyShown() {
        return history;
    }

    HeaderTilesView headerTiles() {
        return header;
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

    /** The details pane (tests). */
    DetailsView detailsView() {
        return details;
    }

    /** The CPU chart (tests). */
    CpuChartView cpuChart() {
        return cpuChart;
    }

    /** The treemap (tests click it). */
    TreemapView treemap() {
        return treemap;
    }
}
