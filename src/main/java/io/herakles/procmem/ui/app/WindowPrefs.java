package io.herakles.procmem.ui.app;

import io.herakles.procmem.ui.prefs.DesktopPrefs;
import io.herakles.procmem.ui.prefs.PrefsStore;
import io.herakles.procmem.ui.prefs.RecentConnections;
import io.herakles.procmem.ui.prefs.RecentFiles;
import io.herakles.procmem.ui.prefs.ThemeChoice;
import io.herakles.procmem.ui.prefs.WindowBounds;
import io.herakles.procmem.ui.processes.ProcessTableView;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The window's side of the preferences: applies what {@link PrefsStore} remembered to the views,
 * captures their state back, and saves it half a second after the last change (one "prefs-writer"
 * daemon thread writes, so the FX thread never waits on the disk) and once more on exit. A window
 * that was saved on a screen no longer there opens centred on the primary screen. FX thread only,
 * except the writes.
 */
final class WindowPrefs {

    static final String WRITER_THREAD = "prefs-writer";
    static final double MAIN_DIVIDER = 0.6;
    static final double SIDE_DIVIDER = 0.55;
    /**
     * The size of the first window, before the user chose one: the treemap beside the table's
     * memory and CPU columns (the narrow layout puts them after the name), without taking over the
     * screen the monitored programs run on. Every pixel of the window costs about 24 bytes of
     * resident memory (the software renderer's frame, its copy for the window system and GTK's
     * double buffer; docs/PERFORMANCE.md, "What the window's size costs"): opening at 90 % of a
     * 1600×1000 screen cost 14 MiB more than this. The window remembers any size the user gives it.
     */
    static final double DEFAULT_WIDTH = 1024;
    static final double DEFAULT_HEIGHT = 680;
    /** On a screen smaller than that, the first window covers this share of it. */
    private static final double SMALL_SCREEN_SHARE = 0.9;

    private final PrefsStore file;
    private final DesktopPrefs loaded;
    private final SnapshotStore store;
    private final MainToolBar toolBar;
    private final ProcessTableView table;
    private final VisualViews visuals;
    private final SplitPane mainSplit;
    private final SplitPane sideSplit;
    private final Dialogs dialogs;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<String> recentExporters = FXCollections.observableArrayList();
    private final ObservableList<String> recentPrometheus = FXCollections.observableArrayList();
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(this, "theme", ThemeChoice.SYSTEM);
    private final PauseTransition debounce = new PauseTransition(javafx.util.Duration.millis(500));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, WRITER_THREAD);
        t.setDaemon(true);
        return t;
    });
    private Stage stage;
    /** The bounds the window has when neither maximized nor minimized (what a maximized window returns to). */
    private WindowBounds normalBounds;
    private boolean closed;

    WindowPrefs(PrefsStore file, SnapshotStore store, MainToolBar toolBar, ProcessTableView table,
            VisualViews visuals, SplitPane mainSplit, SplitPane sideSplit, Dialogs dialogs) {
        this.file = file;
        this.loaded = file.load();
        this.store = store;
        this.toolBar = toolBar;
        this.table = table;
        this.visuals = visuals;
        this.mainSplit = mainSplit;
        this.sideSplit = sideSplit;
        this.dialogs = dialogs;
        applyViews(loaded);
        debounce.setOnFinished(e -> saveLater());
        listenToViews();
    }

    /** What was loaded at start (tests). */
    DesktopPrefs loaded() {
        return loaded;
    }

    /** Snapshot files opened, most recent first (File → Open recent). */
    ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** Exporters connected to, most recent first, URLs without credentials (File → Connect). */
    ObservableList<String> recentExporters() {
        return recentExporters;
    }

    /** Prometheus servers a fleet was opened from, most recent first, without credentials (File → Open fleet). */
    ObservableList<String> recentPrometheus() {
        return recentPrometheus;
    }

    /** Remembers a connection to the exporter at {@code url}; its credentials are cut off first. */
    void connected(String url) {
        recentExporters.setAll(RecentConnections.add(recentExporters, url));
    }

    /** Remembers a fleet opened from the Prometheus at {@code url}; its credentials are cut off first. */
    void openedFleet(String url) {
        recentPrometheus.setAll(RecentConnections.add(recentPrometheus, url));
    }

    /** The View → Theme choice. */
    ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    /** Remembers that {@code file} was opened. */
    void opened(Path opened) {
        recentFiles.setAll(RecentFiles.add(recentFiles, opened));
        Path parent = opened.toAbsolutePath().getParent();
        if (parent != null) {
            dialogs.setLastFolder(parent);
        }
    }

    private void applyViews(DesktopPrefs p) {
        if (p.metric() != null) {
            store.metricProperty().set(p.metric());
        }
        if (p.interval() != null) {
            toolBar.selectInterval(p.interval());
        }
        if (p.cpuWindow() != null) {
            visuals.cpuChart().windowProperty().set(p.cpuWindow());
        }
        if (p.cpuStacked() != null) {
            visuals.cpuChart().stackedProperty().set(p.cpuStacked());
        }
        if (p.treemapHidesFiltered() != null) {
            visuals.treemap().hideFilteredProperty().set(p.treemapHidesFiltered());
        }
        if (p.tab() != null) {
            visuals.selectTab(p.tab());
        }
        table.applyColumnPrefs(p.columns(), p.sort());
        applyDividers(p);
        if (p.lastFolder() != null && Files.isDirectory(p.lastFolder())) {
            dialogs.setLastFolder(p.lastFolder());
        }
        recentFiles.setAll(p.recentFiles());
        recentExporters.setAll(p.recentExporters());
        recentPrometheus.setAll(p.recentPrometheus());
        if (p.theme() != null) {
            theme.set(p.theme());
        }
    }

    private void applyDividers(DesktopPrefs p) {
        mainSplit.setDividerPositions(p.mainDivider() == null ? MAIN_DIVIDER : p.mainDivider());
        sideSplit.setDividerPositions(p.sideDivider() == null ? SIDE_DIVIDER : p.sideDivider());
    }

    /**
     * Places {@code window} where it was (kept on a visible screen, no larger than it) or, without
     * usable bounds, at the default size centred on the primary screen; then follows its moves.
     * Call before showing it.
     */
    void attach(Stage window) {
        this.stage = window;
        WindowBounds opening = initialBounds();
        place(opening);
        // a window manager may map the window at its minimum size instead of the size asked before
        // showing (openbox does: 800x500 on a 1600x1000 screen), so ask again once it is shown; and
        // the side pane keeps its width when the window resizes: set the dividers again once the
        // window has its real size, or the first layout at another size moves them
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> {
            if (!opening.maximized() && (stage.getWidth() != opening.width() || stage.getHeight() != opening.height())) {
                place(opening);
            }
            applyDividers(loaded);
        }));
        InvalidationListener moved = o -> {
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
                normalBounds = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
            changed();
        };
        for (Observable o : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(),
                stage.heightProperty(), stage.maximizedProperty())) {
            o.addListener(moved);
        }
    }

    /** Where the window opens: where it was, kept on a visible screen, else {@link #defaultBounds()}. */
    WindowBounds initialBounds() {
        WindowBounds bounds = loaded.window() == null ? null : loaded.window().fitTo(screens()).orElse(null);
        return bounds == null ? defaultBounds() : bounds;
    }

    private void place(WindowBounds b) {
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        normalBounds = new WindowBounds(b.x(), b.y(), b.width(), b.height(), false);
        stage.setMaximized(b.maximized());
    }

    /** The default window on the primary screen: see {@link #defaultBounds(Rectangle2D)}. */
    static WindowBounds defaultBounds() {
        return defaultBounds(Screen.getPrimary().getVisualBounds());
    }

    /**
     * The default window on {@code screen} (its visual bounds): {@value #DEFAULT_WIDTH}×{@value #DEFAULT_HEIGHT},
     * at most {@value #SMALL_SCREEN_SHARE} of the screen each way, centred.
     */
    static WindowBounds defaultBounds(Rectangle2D screen) {
        double width = Math.min(DEFAULT_WIDTH, Math.round(screen.getWidth() * SMALL_SCREEN_SHARE));
        double height = Math.min(DEFAULT_HEIGHT, Math.round(screen.getHeight() * SMALL_SCREEN_SHARE));
        return new WindowBounds(screen.getMinX() + (screen.getWidth() - width) / 2,
                screen.getMinY() + (screen.getHeight() - height) / 2, width, height, false);
    }

    private static List<WindowBounds.Area> screens() {
        return Screen.getScreens().stream().map(Screen::getVisualBounds)
                .map(r -> new WindowBounds.Area(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight())).toList();
    }

    /** View → Reset layout: default window size and place, dividers, columns and sort. */
    void resetLayout() {
        if (stage != null) {
            stage.setMaximized(false);
            place(defaultBounds());
        }
        // after the resize has been laid out, or the side pane's kept width moves them again
        Platform.runLater(() -> applyDividers(DesktopPrefs.DEFAULTS));
        table.resetColumns();
        changed();
    }

    private void listenToViews() {
        InvalidationListener any = o -> changed();
        store.metricProperty().addListener(any);
        toolBar.intervalProperty().addListener(any);
        visuals.cpuChart().windowProperty().addListener(any);
        visuals.cpuChart().stackedProperty().addListener(any);
        visuals.treemap().hideFilteredProperty().addListener(any);
        visuals.tabs().getSelectionModel().selectedItemProperty().addListener(any);
        table.setOnColumnsChanged(this::changed);
        mainSplit.getDividers().forEach(d -> d.positionProperty().addListener(any));
        sideSplit.getDividers().forEach(d -> d.positionProperty().addListener(any));
        recentFiles.addListener(any);
        recentExporters.addListener(any);
        recentPrometheus.addListener(any);
        theme.addListener(any);
    }

    /** Something remembered changed: save once things settle. */
    void changed() {
        if (!closed) {
            debounce.playFromStart();
        }
    }

    /** What the window shows now, as preferences. */
    DesktopPrefs capture() {
        WindowBounds window = loaded.window();
        if (stage != null && normalBounds != null) {
            window = new WindowBounds(normalBounds.x(), normalBounds.y(), normalBounds.width(), normalBounds.height(),
                    stage.isMaximized());
        }
        return new DesktopPrefs(window, divider(mainSplit), divider(sideSplit), table.columnPrefs(),
                table.sortPrefs(), store.metricProperty().get(), toolBar.intervalProperty().get(),
                visuals.cpuChart().windowProperty().get(), visuals.cpuChart().stackedProperty().get(),
                visuals.treemap().hideFilteredProperty().get(),
                visuals.selectedTabId(), theme.get(), dialogs.lastFolder().orElse(loaded.lastFolder()),
                List.copyOf(recentFiles), List.copyOf(recentExporters), List.copyOf(recentPrometheus));
    }

    private static Double divider(SplitPane split) {
        double[] positions = split.getDividerPositions();
        return positions.length == 0 ? null : positions[0];
    }

    private void saveLater() {
        if (closed) {
            return;
        }
        DesktopPrefs now = capture();
        writer.execute(() -> file.save(now));
    }

    /** Saves what the window shows now and waits for the write (exit). Later changes are not saved. Idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        debounce.stop();
        DesktopPrefs now = capture();
        writer.execute(() -> file.save(now));
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                java.util.logging.Logger.getLogger(WindowPrefs.class.getName())
                        .warning("preferences not saved within 5 s: " + file.file());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
