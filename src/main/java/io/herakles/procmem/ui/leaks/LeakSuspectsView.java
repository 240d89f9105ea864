package io.herakles.procmem.ui.leaks;

import io.herakles.procmem.analysis.LeakFinder;
import io.herakles.procmem.analysis.LeakReport;
import io.herakles.procmem.analysis.LeakSuspect;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * The processes (or subgroups) whose memory (the chosen metric) grows steadily, fastest first: rate
 * in MiB/h, steadiness, since when and the time until available memory runs out. A click on a
 * process selects it (the details pane shows it when it is in the snapshot shown).
 *
 * <p>On a recording it ranks the recording's samples. Live, it watches this run of the app: one
 * snapshot every {@link #LIVE_STEP} goes into a bounded {@link LeakFinder#live} (at most
 * {@value #LIVE_POINTS} points per process and subgroup, thinned evenly as the run grows, gone
 * processes dropped: at most 2 KB per process), and the ranking is made again with each step while the
 * tab is shown, not while it is hidden. A change of metric starts the watch again.
 *
 * <p>FX thread only; the watch and the ranking run on one daemon thread, and a result for an
 * outdated recording or watch is dropped.
 */
public final class LeakSuspectsView extends BorderPane {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** Live, one snapshot this far apart goes into the watch: leaks are slow, and 30 s keeps it small. */
    public static final Duration LIVE_STEP = Duration.ofSeconds(30);
    /**
     * Points kept per live series: 128 points span 64 min at 30 s, and longer runs more thinly. At
     * most 2 KB per process (two longs per point): 2 MiB at 1,000 processes, 10 MiB at 5,000.
     */
    static final int LIVE_POINTS = 128;

    /** Which suspects the table lists. */
    public enum Level {
        PROCESSES("Processes"), SUBGROUPS("Subgroups");

        private final String title;

        Level(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private final SnapshotStore store;
    private final TableView<LeakSuspect> table = new TableView<>();
    private final Label placeholder = new Label();
    private final javafx.scene.control.ChoiceBox<Level> level = new javafx.scene.control.ChoiceBox<>(
            javafx.collections.FXCollections.observableArrayList(Level.values()));
    /** The live watch; touched on the worker thread only, replaced (not changed) from the FX thread. */
    private volatile LeakFinder live;
    private java.time.Instant lastLiveStep;
    /** Where the watched snapshots come from: another source (a remote exporter) starts the watch again. */
    private String liveSource;
    private boolean shown = true;
    private LeakReport report;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "leak-finder");
        t.setDaemon(true);
        return t;
    });
    private long generation;

    public LeakSuspectsView(SnapshotStore store) {
        this.store = store;
        setId("leakSuspects");
        table.setId("leakTable");
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(List.of(
                column("Process or subgroup", s -> s.pid().isPresent() ? s.label() + " (" + s.group() + ")" : s.label(), 220),
                column("PID", s -> s.pid().isPresent() ? String.valueOf(s.pid().getAsInt()) : "", 70),
                column("MiB/h", s -> String.format(Locale.ROOT, "%.1f", s.mibPerHour()), 80),
                column("Steady", s -> String.format(Locale.ROOT, "%.0f %%", s.steadiness() * 100), 70),
                column("Since", s -> TIME.format(s.since()), 120),
                column("Memory runs out in", s -> s.untilExhausted().map(LeakSuspectsView::human).orElse("—"), 130)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, s) -> {
            if (s != null && s.pid().isPresent()) {
                store.selectedPidProperty().set(s.pid().getAsInt());
            }
        });
        level.setId("leakLevel");
        level.setValue(Level.PROCESSES);
        level.valueProperty().addListener((obs, old, now) -> showReport());
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(8, new Label("Show"), level);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new javafx.geometry.Insets(4, 6, 4, 6));
        setTop(bar);
        setCenter(table);
        startLiveWatch();
        store.timelineProperty().addListener((obs, old, samples) -> recompute());
        store.metricProperty().addListener((obs, old, metric) -> {
            startLiveWatch();
            recompute();
        });
        store.currentSnapshotProperty().addListener((obs, old, snapshot) -> offerLive(snapshot));
        recompute();
    }

    /** Whether the tab is shown: hidden, the live ranking is not made again (it catches up when shown). */
    public void setShown(boolean now) {
        boolean was = shown;
        shown = now;
        if (now && !was && isLive()) {
            recompute();
        }
    }

    private boolean isLive() {
        return store.getMode() == SnapshotStore.Mode.LIVE;
    }

    private void startLiveWatch() {
        live = LeakFinder.live(store.metricProperty().get(), LIVE_POINTS);
        lastLiveStep = null;
    }

    /** Feeds a live snapshot to the watch, one per {@link #LIVE_STEP}. */
    private void offerLive(Snapshot snapshot) {
        if (snapshot == null || !isLive() || store.isPaused()) {
            return;
        }
        if (!snapshot.source().equals(liveSource)) {
            startLiveWatch(); // another machine's processes are not this one's series
            liveSource = snapshot.source();
        }
        if (lastLiveStep != null && snapshot.takenAt().isBefore(lastLiveStep.plus(LIVE_STEP))) {
            return;
        }
        lastLiveStep = snapshot.takenAt();
        LeakFinder watch = live;
        worker.execute(() -> watch.add(snapshot));
        if (shown) {
            recompute();
        }
    }

    private static TableColumn<LeakSuspect, String> column(String title, Function<LeakSuspect, String> value,
            double width) {
        TableColumn<LeakSuspect, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void recompute() {
        long mine = ++generation;
        List<Snapshot> samples = store.timelineProperty().get();
        if (samples.isEmpty() && isLive()) {
            LeakFinder watch = live;
            worker.execute(() -> {
                LeakReport r = watch.samples() == 0 ? null : watch.report();
                Optional<java.time.Instant> since = watch.from();
                Platform.runLater(() -> showLive(mine, r, since));
            });
            return;
        }
        report = null;
        table.getItems().clear();
        if (samples.isEmpty()) {
            placeholder.setText("Open a recording (File → Open) to look for steadily growing processes.");
            return;
        }
        placeholder.setText("Looking for steady growth in " + samples.size() + " samples…");
        MemoryMetric metric = store.metricProperty().get();
        worker.execute(() -> {
            try {
                LeakReport r = LeakFinder.find(samples, metric);
                Platform.runLater(() -> show(mine, r));
            } catch (RuntimeException e) {
                // a recording's samples are decoded on this pass: a damaged part of the file ends it
                Platform.runLater(() -> {
                    if (mine == generation) {
                        placeholder.setText("Cannot look for steady growth: " + e.getMessage());
                    }
                });
            }
        });
    }

    private void showLive(long asked, LeakReport r, Optional<java.time.Instant> since) {
        if (asked != generation) {
            return;
        }
        report = r;
        int samples = r == null ? 0 : r.samples();
        String metric = store.metricProperty().get().toString();
        placeholder.setText(samples < LeakFinder.MIN_SAMPLES
                ? "Watching live " + metric + since.map(t -> " since " + TIME.format(t)).orElse("") + ": " + samples
                        + " of the " + LeakFinder.MIN_SAMPLES + " samples a trend needs (one every "
                        + LIVE_STEP.toSeconds() + " s). Or open a recording (File → Open)."
                : "Nothing grows steadily since " + since.map(TIME::format).orElse("the start") + " (" + samples
                        + " live samples, " + metric + "): no leak suspects.");
        showReport();
    }

    private void show(long asked, LeakReport r) {
        if (asked != generation) {
            return;
        }
        report = r;
        placeholder.setText("Nothing grows steadily in these " + r.samples() + " samples (" + r.metric()
                + "): no leak suspects.");
        showReport();
    }

    private void showReport() {
        if (report == null) {
            table.getItems().clear();
            return;
        }
        table.getItems().setAll(level.getValue() == Level.SUBGROUPS ? report.subgroups() : report.processes());
    }

    static String human(Duration d) {
        long h = d.toHours();
        return h >= 48 ? (h / 24) + " d" : h >= 1 ? h + " h" : Math.max(1, d.toMinutes()) + " min";
    }

    /** The suspects shown, fastest first (tests). */
    public List<LeakSuspect> shown() {
        return List.copyOf(table.getItems());
    }

    /** Stops the worker thread. */
    public void close() {
        worker.shutdownNow();
    }
}
