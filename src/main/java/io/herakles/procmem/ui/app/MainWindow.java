package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.BackgroundPreparer;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.prefs.PrefsStore;
import io.herakles.procmem.ui.prefs.WindowBounds;
import io.herakles.procmem.ui.details.PssUssReason;
import io.herakles.procmem.ui.processes.ProcessTableView;
import io.herakles.procmem.ui.processes.ProcessTableViewModel;
import io.herakles.procmem.ui.store.SnapshotStore;
import io.herakles.procmem.ui.timeline.TimelineBar;
import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The main window: menu, toolbar, access notice, header tiles, then the process table beside the
 * treemap/CPU tabs and the details of the selected process, and the status bar. Wires the views to
 * one {@link SnapshotStore} fed by {@link DesktopServices#liveSource()}.
 *
 * <p>Threads: FX thread only, except that live snapshots go from the sampler's listener to one
 * "ui-prepare" daemon thread ({@link BackgroundPreparer}, latest wins, never blocks the sampler),
 * which computes a {@link PreparedSnapshot}; one coalesced FX hop then applies it.
 *
 * <p>Minimized, the window costs nothing: live collection is paused (unless the embedded exporter
 * serves metrics, which need fresh snapshots, or the user paused already), and a snapshot that
 * still arrives is only held, neither prepared nor applied; restoring the window resumes collection
 * and shows the latest. The per-process and CPU histories have a gap for the minimized time.
 */
public final class MainWindow {

    private static final Logger LOG = Logger.getLogger(MainWindow.class.getName());
    /** Name of the thread that prepares live snapshots for the views. */
    static final String PREPARE_THREAD = "ui-prepare";
    static final String STYLESHEET = "/io/herakles/procmem/ui/herakles.css";
    private static final String ICONS = "/io/herakles/procmem/ui/icon-";
    static final String RULES_PROBLEM_TITLE = "Classification rules not loaded";

    private final DesktopServices services;
    private final Dialogs dialogs;
    private final SnapshotStore store;
    private final ProcessTableViewModel tableViewModel = new ProcessTableViewModel();
    private final ProcessTableView tableView;
    private final MainToolBar toolBar;
    private final CompareActions compareActions;
    private final StatusBarView statusBar;
    private final SnapshotFileActions files;
    private final VisualViews visuals;
    private final RemoteConnection remote;
    private final FxExecutor fx;
    private javafx.scene.control.TabPane mainTabs;
    private FleetTab fleetTab;
    private final BorderPane root = new BorderPane();
    private final SplitPane mainSplit = new SplitPane();
    private final SplitPane sideSplit = new SplitPane();
    private final WindowPrefs prefs;
    private final ThemeController theme;
    private final BackgroundPreparer<Snapshot, PreparedSnapshot> livePreparer;
    private Window window;
    private AutoCloseable liveSubscription;
    /** True while the window is minimized: live snapshots wait in {@link #heldWhileMinimized}. */
    private volatile boolean minimized;
    private final AtomicReference<Snapshot> heldWhileMinimized = new AtomicReference<>();
    /** Whether minimizing paused collection (so restoring resumes it). FX thread. */
    private boolean pausedByMinimize;

    /** A window that remembers nothing between runs (its preferences live in memory only). */
    public MainWindow(DesktopServices services, Dialogs dialogs, FxExecutor fx) {
        this(services, dialogs, fx, PrefsStore.inMemory());
    }

    /** A window that starts as {@code prefsStore} remembers and saves its state there. */
    public MainWindow(DesktopServices services, Dialogs dialogs, FxExecutor fx, PrefsStore prefsStore) {
        this.services = services;
        this.dialogs = dialogs;
        this.fx = fx;
        this.store = new SnapshotStore();
        store.setOnTimelineProblem(problem -> dialogs.error(window(), "Cannot show this sample", problem));
        TimelineHeapRoom heapRoom = new TimelineHeapRoom();
        store.timelineProperty().addListener((obs, was, now) -> heapRoom.roomy(!now.isEmpty()));
        this.files = new SnapshotFileActions(store, services, dialogs, this::window);
        this.compareActions = new CompareActions(store, services, dialogs, this::window);
        this.tableView = new ProcessTableView(tableViewModel, store);
        ProcessSignalActions signals = new ProcessSignalActions(services, dialogs, this::window);
        tableView.setOnSignal(signals::request);
        this.toolBar = new MainToolBar(store, services, store::backToLive);
        this.remote = new RemoteConnection(services, dialogs, this::window, fx, RemoteConnection.defaultRememberDir());
        this.statusBar = new StatusBarView(store, services, dialogs, this::window, remote.hostProperty());
        this.visuals = new VisualViews(store, services, fx, tableViewModel.listingPreparer());
        remote.hostProperty().addListener((obs, was, now) -> visuals.startNewTimeline());
        store.modeProperty().addListener(o -> explainMissingPssUss());
        remote.hostProperty().addListener(o -> explainMissingPssUss());
        explainMissingPssUss();
        layout();
        // the views exist now: the preferences apply to them before the menus offer them
        this.prefs = new WindowPrefs(prefsStore, store, toolBar, tableView, visuals, mainSplit, sideSplit, dialogs);
        files.setOnOpened(prefs::opened);
        remote.rememberWith(prefs::recentExporters, prefs::connected);
        toolBar.addAfterChoices(new FilterChip(tableView, visuals.treemap().hideFilteredProperty()));
        this.theme = new ThemeController(prefs.themeProperty(), root, visuals::setPalette);
        layoutTop();
        // the sampler's listener only hands over; "ui-prepare" computes, then one coalesced FX hop applies
        this.livePreparer = new BackgroundPreparer<>(PREPARE_THREAD, this::prepare, fx, this::applyPrepared);
        liveSubscription = services.liveSource().subscribe(this::receiveLive);
        services.liveSource().latest().ifPresent(this::receiveLive);
    }

    /** The sampler's listener (its thread): hands over to the preparer, or holds while minimized. */
    private void receiveLive(Snapshot snapshot) {
        if (minimized) {
            heldWhileMinimized.set(snapshot);
        } else {
            livePreparer.submit(snapshot);
        }
    }

    /**
     * Minimizing pauses collection (unless serving metrics or already paused) and holds live
     * snapshots; restoring resumes and shows the latest held one. FX thread.
     */
    void setMinimized(boolean now) {
        if (now == minimized) {
            return;
        }
        minimized = now;
        if (now) {
            if (!store.isPaused() && !statusBar.servingMetrics() && !statusBar.recording()) {
                services.pause();
                pausedByMinimize = true;
            }
            return;
        }
        if (pausedByMinimize) {
            pausedByMinimize = false;
            services.resume();
        }
        Snapshot held = heldWhileMinimized.getAndSet(null);
        if (held != null) {
            livePreparer.submit(held);
        }
    }

    private void layout() {
        root.getStyleClass().add("main-window");

        SplitPane side = sideSplit;
        side.getItems().setAll(visuals.charts(), visuals.details());
        side.setId("sideSplit");
        side.setOrientation(Orientation.VERTICAL);
        SplitPane center = mainSplit;
        center.getItems().setAll(tableView, side);
        center.setId("mainSplit");
        // while another machine cannot be read, its last data stays visible but greyed
        center.opacityProperty().bind(Bindings.when(remote.failing()).then(0.45).otherwise(1.0));
        visuals.header().opacityProperty().bind(center.opacityProperty());
        SplitPane.setResizableWithParent(side, false);
        root.setCenter(center);
        root.setBottom(statusBar);
    }

    private void layoutTop() {
        VBox top = new VBox(menuBar(), toolBar, new TimelineBar(store), new RemoteBanner(remote));
        if (!services.hasFullAccess()) {
            top.getChildren().add(new AccessNotice(store));
        }
        top.getChildren().add(visuals.header());
        root.setTop(top);
    }

    private MenuBar menuBar() {
        MenuItem open = item("_Open snapshot or recording…", "openItem", "Shortcut+O", files::openSnapshot);
        MenuItem export = item("_Export snapshot…", "exportItem", "Shortcut+E", files::exportSnapshot);
        MenuItem record = item("_Record…", "recordItem", "Shortcut+R", statusBar::startRecording);
        MenuItem compare = item("Co_mpare…", "compareItem", "Shortcut+D", compareActions::compare);
        MenuItem back = item("_Back to live", "backToLiveItem", "Shortcut+L", store::backToLive);
        back.disableProperty().bind(store.modeProperty().isEqualTo(SnapshotStore.Mode.LIVE));
        MenuItem connect = item("_Connect to exporter…", "connectItem", "Shortcut+K", remote::askAndConnect);
        MenuItem thisMachine = item("Back to _this machine", "backToThisMachineItem", null, remote::backToThisMachine);
        thisMachine.disableProperty().bind(remote.hostProperty().isEmpty());
        MenuItem fleet = item("Open _fleet…", "openFleetItem", null, this::askAndOpenFleet);
        MenuItem quit = item("_Quit", "quitItem", "Shortcut+Q", () -> window().hide());
        Menu recent = new RecentFilesMenu(prefs.recentFiles(), files::open);
        Menu file = new Menu("_File", null, open, recent, export, record, compare, back, new SeparatorMenuItem(),
                connect, thisMachine, fleet, new SeparatorMenuItem(), quit);
        MenuItem pause = item("_Pause / resume (Space)", "pauseItem", null, toolBar::togglePause);
        MenuItem find = item("_Find process", "findItem", "Shortcut+F", tableView::focusFilter);
        MenuItem shared = item("_Shared memory (scan all processes)", "sharedMemoryItem", null,
                visuals::scanSharedMemory);
        MenuItem history = item("Live _history (this run on the timeline)", "liveHistoryItem", "Shortcut+H",
                files::openLiveHistory);
        // Ctrl+1/2/3: the three places one works in, reachable without a mouse
        MenuItem toTable = item("Process _table", "goTableItem", "Shortcut+1", this::focusTable);
        MenuItem toTreemap = item("_Memory map", "goTreemapItem", "Shortcut+2", () -> focusTab(VisualViews.TREEMAP_TAB));
        MenuItem toCpu = item("_CPU", "goCpuItem", "Shortcut+3", () -> focusTab(VisualViews.CPU_TAB));
        CheckMenuItem hideFiltered = new CheckMenuItem("_Hide processes outside the filter in the memory map");
        hideFiltered.setId("hideFilteredItem");
        hideFiltered.selectedProperty().bindBidirectional(visuals.treemap().hideFilteredProperty());
        MenuItem resetLayout = item("Reset _layout", "resetLayoutItem", null, prefs::resetLayout);
        Menu view = new Menu("_View", null, pause, history, find, shared, new SeparatorMenuItem(), toTable, toTreemap, toCpu,
                new SeparatorMenuItem(), hideFiltered, theme.menu(), resetLayout);
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menuBar");
        return bar;
    }

    /** What a process without PSS/USS is explained by depends on where its snapshot came from. */
    private void explainMissingPssUss() {
        PssUssReason.Source source;
        if (store.modeProperty().get() == SnapshotStore.Mode.FILE) {
            source = PssUssReason.Source.FILE;
        } else if (!remote.hostProperty().get().isEmpty()) {
            source = PssUssReason.Source.REMOTE;
        } else {
            source = services.hasFullAccess() ? PssUssReason.Source.THIS_MACHINE_ALL : PssUssReason.Source.THIS_MACHINE_OWN;
        }
        visuals.detailsView().setPssUssSource(source);
    }

    private void focusTable() {
        tableView.table().requestFocus();
    }

    private void focusTab(String tabId) {
        visuals.selectTab(tabId);
        visuals.tabs().getSelectionModel().getSelectedItem().getContent().requestFocus();
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Puts the window on {@code stage}: scene, stylesheet, title, keys, drag and drop. */
    public void show(Stage stage) {
        window = stage;
        WindowBounds opening = prefs.initialBounds();
        Scene scene = new Scene(root, opening.width(), opening.height());
        ResponsiveLayout.follow(scene, tableView, visuals.headerTiles());
        URL css = MainWindow.class.getResource(STYLESHEET);
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::spaceTogglesPause);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> dropped = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            e.setDropCompleted(dropped.size() == 1 && files.open(dropped.get(0).toPath()));
            e.consume();
        });
        stage.titleProperty().bind(Bindings.createStringBinding(this::title,
                store.modeProperty(), store.fileNameProperty(), store.pausedProperty(), remote.hostProperty(),
                store.timelineProperty()));
        stage.setScene(scene);
        for (int size : new int[] {32, 64, 256}) {
            URL icon = MainWindow.class.getResource(ICONS + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.setOnHidden(e -> close());
        stage.iconifiedProperty().addListener((obs, was, now) -> setMinimized(now));
        // where it was, kept on a visible screen; else 90% of the primary screen, centred: big enough
        // for table, treemap and details side by side (Monocle's headless screen is 1280x800)
        prefs.attach(stage);
        stage.show();
        // the table has the focus at start: arrows move through processes and Space pauses, as the
        // menu says (the first control in traversal order would otherwise be the filter field)
        focusTable();
        // modal: the user learns their rules are not applied before working with the classification
        services.rulesProblem().ifPresent(problem -> dialogs.error(stage, RULES_PROBLEM_TITLE,
                problem + "\n\nThe app runs on the built-in rules only until the file is fixed and the app restarted."));
    }

    private String title() {
        if (store.getMode() == SnapshotStore.Mode.FILE) {
            return "Herakles — " + (store.timelineProperty().get().isEmpty() ? "snapshot " : "recording ")
                    + store.fileNameProperty().get();
        }
        String what = remote.hostProperty().get().isEmpty() ? "process memory" : remote.hostProperty().get();
        return store.isPaused() ? "Herakles — " + what + " (paused)" : "Herakles — " + what;
    }

    /** Space pauses/resumes unless the focused control uses Space itself (text, buttons, choosers). */
    private void spaceTogglesPause(KeyEvent e) {
        if (e.getCode() != KeyCode.SPACE || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focus instanceof TextInputControl || focus instanceof ButtonBase
                || focus instanceof ComboBoxBase || focus instanceof ChoiceBox) {
            return;
        }
        toolBar.togglePause();
        e.consume();
    }

    /** Shows the snapshot in {@code file} (start-up with a file, tests); a bad file shows a dialog. */
    public boolean openSnapshot(Path file) {
        return files.open(file);
    }

    /** File → Open's actions (tests). */
    SnapshotFileActions fileActions() {
        return files;
    }

    /** Shows another machine's exporter (start-up with {@code --connect}); a bad setting shows a dialog. */
    public boolean connect(ConnectRequest request) {
        return remote.connect(request);
    }

    /** Shows the exporter at {@code target} as the command line gave it; a bad setting shows a dialog. */
    public boolean connect(io.herakles.procmem.remote.RemoteTarget target) {
        return remote.connect(target, false);
    }

    /** File → Open fleet…: asks for the Prometheus, then shows the Fleet tab. */
    private void askAndOpenFleet() {
        dialogs.askFleet(window(), List.copyOf(prefs.recentPrometheus())).ifPresent(request -> {
            try {
                openFleet(remote.target(request));
            } catch (io.herakles.procmem.remote.RemoteException e) {
                dialogs.error(window(), "Cannot open the fleet", e.getMessage());
            }
        });
    }

    /**
     * Shows the Fleet tab for the Prometheus at {@code prometheus} ({@code --prometheus URL}); the
     * window's processes move into a tab of their own beside it. Double-click on a host shows that
     * host's exporter (remote attach) in the processes tab.
     */
    public void openFleet(io.herakles.procmem.remote.RemoteTarget prometheus) {
        if (fleetTab == null) {
            javafx.scene.control.Tab processes = new javafx.scene.control.Tab("Processes", mainSplit);
            processes.setId("processesTab");
            processes.setClosable(false);
            fleetTab = new FleetTab(fx, this::openFleetHost);
            fleetTab.setOnClosed(e -> {
                fleetTab.close();
                fleetTab = null;
                visuals.header().visibleProperty().unbind();
                visuals.header().setVisible(true);
                mainTabs.getTabs().remove(processes);
                mainTabs = null;
                root.setCenter(mainSplit);
            });
            mainTabs = new javafx.scene.control.TabPane(processes, fleetTab);
            mainTabs.setId("mainTabs");
            // the header tiles describe the machine of the processes tab, not the fleet
            visuals.header().visibleProperty().bind(mainTabs.getSelectionModel().selectedItemProperty().isEqualTo(processes));
            visuals.header().managedProperty().bind(visuals.header().visibleProperty());
            root.setCenter(mainTabs);
        }
        mainTabs.getSelectionModel().select(fleetTab);
        fleetTab.open(prometheus);
        prefs.openedFleet(prometheus.base().toString());
    }

    /**
     * A host of the fleet → its exporter, shown in the processes tab: at the URL Prometheus scrapes
     * it (scheme and path included; {@code http://INSTANCE} when Prometheus did not say).
     */
    private void openFleetHost(io.herakles.procmem.fleet.Fleet.Host host) {
        if (remote.connect(ConnectRequest.of(host.exporterUrl())) && mainTabs != null) {
            mainTabs.getSelectionModel().select(0);
        }
    }

    /** The Fleet tab, null until opened (tests). */
    FleetTab fleetTab() {
        return fleetTab;
    }

    /** Which machine is shown and how its connection stands (tests). */
    RemoteConnection remote() {
        return remote;
    }

    /** The pure, JavaFX-free work for one live snapshot. Any thread (the "ui-prepare" thread; the benchmark). */
    PreparedSnapshot prepare(Snapshot snapshot) {
        return visuals.preparer().prepare(snapshot);
    }

    /** Shows a prepared live snapshot: the views take the results, then the store shows it. FX thread. */
    void applyPrepared(PreparedSnapshot prepared) {
        visuals.offerPrepared(prepared);
        tableViewModel.offer(prepared.processes());
        store.acceptLive(prepared.snapshot());
    }

    /** Stops what the window started: the live subscription, the preparer thread and the metrics server. Idempotent. */
    public void close() {
        prefs.close();
        statusBar.close();
        visuals.close();
        visuals.leaks().close();
        compareActions.close();
        if (fleetTab != null) {
            fleetTab.close();
        }
        livePreparer.close();
        if (liveSubscription != null) {
            try {
                liveSubscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "unsubscribe failed", e);
            }
            liveSubscription = null;
        }
    }

    /** The store behind every view (tests and the composition root). */
    public SnapshotStore store() {
        return store;
    }

    /** The root node (tests, the benchmark). */
    public Parent root() {
        return root;
    }

    /** The treemap, the header tiles, the CPU chart and the details pane (tests). */
    VisualViews visuals() {
        return visuals;
    }

    /** The live snapshot held while minimized, null when none (tests). */
    Snapshot heldWhileMinimized() {
        return heldWhileMinimized.get();
    }

    /** The process table (tests). */
    ProcessTableView tableView() {
        return tableView;
    }

    /** Applies the desktop's light/dark preference (asked off the FX thread) while View → Theme is System. */
    public void setSystemPrefersDark(boolean prefersDark) {
        theme.setSystemPrefersDark(prefersDark);
    }

    /** The light/dark switch (tests). */
    ThemeController theme() {
        return theme;
    }

    /** The window's preferences (tests). */
    WindowPrefs prefs() {
        return prefs;
    }

    private Window window() {
        return window;
    }

    /** The per-process history the details pane draws now (tests). */
    io.herakles.procmem.ui.details.ProcessHistory historyShown() {
        return visuals.historyShown();
    }
}
