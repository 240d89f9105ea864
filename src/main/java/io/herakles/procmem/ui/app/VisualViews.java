package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.charts.CpuChartView;
import io.herakles.procmem.ui.charts.GroupCpuHistory;
import io.herakles.procmem.ui.charts.HeaderTilesView;
import io.herakles.procmem.ui.details.DetailsView;
import io.herakles.procmem.ui.details.ProcessHistory;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.maps.MapsView;
import io.herakles.procmem.ui.maps.SharedMemoryView;
import io.herakles.procmem.ui.leaks.LeakSuspectsView;
import io.herakles.procmem.ui.processes.ProcessListing;
import io.herakles.procmem.ui.store.SnapshotStore;
import io.herakles.procmem.ui.treemap.TreemapView;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The visual views beside the table — header tiles, treemap, CPU chart, shared memory, process
 * details with its memory maps — wired
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
    private final MapsView maps;
    private final SharedMemoryView shared;
    private final TabPane detailTabs;
    /**
     * Since each live process was first seen; recorded by the preparer thread, also while a file is
     * shown, so "Back to live" finds it complete.
     */
    private final ProcessHistory liveHistory = new ProcessHistory();
    /** The history the details pane draws: the live one, or a fresh one for a snapshot file. */
    private ProcessHistory history = liveHistory;
    private final TabPane tabs;
    private final LeakSuspectsView leaks;
    private final ScrollPane detailsScroll;
    private final SnapshotPreparer preparer;
    /** The latest result of the "ui-prepare" thread; used when the store shows its snapshot. */
    private PreparedSnapshot prepared;

    /** What the maps tab says while a snapshot file is shown. */
    static final String FILE_HAS_NO_MAPS = "A snapshot file holds no memory maps, and its pids may belong to other"
            + " processes now: Back to live to read them";

    /** Index of the shared-memory tab among the visual tabs. */
    static final int SHARED_TAB = 2;

    VisualViews(SnapshotStore store, DesktopServices services, FxExecutor fx, ProcessListing.Preparer tableListing) {
        this.store = store;
        header.setId("headerTiles");
        treemap.setId("treemap");
        cpuChart.setId("cpuChart");
        details.setId("details");
        maps = new MapsView(services::memoryMaps, fx);
        maps.setId("mapsView");
        shared = new SharedMemoryView(services::sharedMemory, fx);
        shared.setId("sharedMemory");
        leaks = new LeakSuspectsView(store);
        tabs = new TabPane(tab("Memory map", TREEMAP_TAB, treemap), tab("CPU", CPU_TAB, cpuChart),
                tab("Shared memory", "sharedMemoryTab", shared), tab("Leak suspects", "leakSuspectsTab", leaks));
        tabs.setId("vizTabs");
        // only the selected tab's view draws each tick; the other catches up when selected
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> showTab(index.intValue()));
        showTab(tabs.getSelectionModel().getSelectedIndex());
        detailsScroll = new ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        detailsScroll.getStyleClass().add("details-scroll");
        Tab mapsTab = tab("Memory maps", "mapsTab", maps);
        detailTabs = new TabPane(tab("Process", "processDetailsTab", detailsScroll), mapsTab);
        detailTabs.setId("detailTabs");
        // the maps are read only while their tab is open
        mapsTab.selectedProperty().addListener((obs, was, now) -> maps.setOpen(now));

        treemap.metricProperty().bind(store.metricProperty());
        preparer = new SnapshotPreparer(treemap.frameParamsProperty().get(), store.metricProperty().get(), liveHistory,
                tableListing);
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

    /**
     * Another machine is shown now (or this one again): its processes and groups are another
     * timeline, so the per-process histories and the CPU chart start afresh. FX thread.
     */
    void startNewTimeline() {
        liveHistory.clear();
        cpuChart.clear();
    }

    private void showTab(int index) {
        if (preparer != null) {
            preparer.setTreemapShown(index == 0);
        }
        treemap.setDrawing(index == 0);
        cpuChart.setDrawing(index == 1);
        leaks.setShown(index >= 0 && tabs.getTabs().get(index).getContent() == leaks);
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
        if (snapshot != null && store.getMode() == SnapshotStore.Mode.LIVE) {
            maps.tick(); // the app's interval; reads only while the maps tab is open
        }
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
        if (store.getMode() == SnapshotStore.Mode.FILE) {
            maps.setUnavailable(FILE_HAS_NO_MAPS);
        } else {
            maps.setProcess(pid == SnapshotStore.NO_SELECTION ? MapsView.NONE : pid,
                    selected == null ? "pid " + pid : selected.name());
        }
    }

    /** Draws what is ours (tiles, treemap, CPU chart, details history) in the light or dark look. */
    void setPalette(io.herakles.procmem.ui.theme.Palette palette) {
        header.setPalette(palette);
        treemap.setPalette(palette);
        cpuChart.setPalette(palette);
        details.setPalette(palette);
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

    LeakSuspectsView leaks() {
        return leaks;
    }

    Node charts() {
        return tabs;
    }

    Node details() {
        return detailTabs;
    }

    /** Shows the shared-memory tab and starts a scan (View → Shared memory). */
    void scanSharedMemory() {
        tabs.getSelectionModel().select(SHARED_TAB);
        shared.scan();
    }

    /** The memory maps tab's view (tests). */
    MapsView mapsView() {
        return maps;
    }

    /** The shared-memory view (tests). */
    SharedMemoryView sharedMemoryView() {
        return shared;
    }

    /** Stops the background readers. */
    void close() {
        maps.close();
        shared.cancel();
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
