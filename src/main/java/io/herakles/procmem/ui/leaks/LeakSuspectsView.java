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
 * The processes of the open recording whose memory (the chosen metric) grows steadily, fastest
 * first: rate in MiB/h, steadiness, since when and the time until available memory runs out. A click
 * selects the process (the details pane shows it when it is in the sample under the cursor). Live
 * data has no series long enough to judge, and the tab says so. FX thread only; the ranking is
 * computed on one daemon thread, and a result for an outdated recording is dropped.
 */
public final class LeakSuspectsView extends BorderPane {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final SnapshotStore store;
    private final TableView<LeakSuspect> table = new TableView<>();
    private final Label placeholder = new Label();
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
                column("Process", s -> s.label() + " (" + s.group() + ")", 220),
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
        setCenter(table);
        store.timelineProperty().addListener((obs, old, samples) -> recompute());
        store.metricProperty().addListener((obs, old, metric) -> recompute());
        recompute();
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
        table.getItems().clear();
        if (samples.isEmpty()) {
            placeholder.setText("Open a recording (File → Open) to look for steadily growing processes.");
            return;
        }
        placeholder.setText("Looking for steady growth in " + samples.size() + " samples…");
        MemoryMetric metric = store.metricProperty().get();
        worker.execute(() -> {
            LeakReport report = LeakFinder.find(samples, metric);
            Platform.runLater(() -> show(mine, report));
        });
    }

    private void show(long asked, LeakReport report) {
        if (asked != generation) {
            return;
        }
        placeholder.setText("Nothing grows steadily in these " + report.samples() + " samples (" + report.metric()
                + "): no leak suspects.");
        table.getItems().setAll(report.processes());
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
