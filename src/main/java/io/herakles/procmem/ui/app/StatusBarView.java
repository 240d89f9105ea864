package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.io.IOException;
import java.util.function.Supplier;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.ToggleSwitch;

/**
 * The status bar: when the shown snapshot was collected (and how long that took), "Paused" while
 * live updates are held back, how many processes it has, and the "Serve metrics" switch that starts the embedded exporter through
 * {@link DesktopServices#startMetricsServer(int)} and shows its URL. FX thread only.
 */
final class StatusBarView extends StatusBar {

    private final DesktopServices services;
    private final Dialogs dialogs;
    private final Supplier<Window> owner;
    private final Label processCount = new Label();
    private final ToggleSwitch serveMetrics = new ToggleSwitch("Serve metrics");
    private final Label metricsUrl = new Label();
    private final RecordingIndicator recording;
    private MetricsServer server;
    private boolean reverting;

    private final ObservableStringValue host;

    /** {@code host} names the machine shown ({@code host:port}), empty for this machine. */
    StatusBarView(SnapshotStore store, DesktopServices services, Dialogs dialogs, Supplier<Window> owner,
            ObservableStringValue host) {
        this.host = host;
        this.services = services;
        this.dialogs = dialogs;
        this.owner = owner;
        getStyleClass().add("app-status-bar");
        setText("Waiting for the first snapshot…");
        setId("statusBar");
        processCount.setId("processCount");
        serveMetrics.setId("serveMetrics");
        metricsUrl.setId("metricsUrl");
        metricsUrl.getStyleClass().add("metrics-url");
        recording = new RecordingIndicator(services, dialogs, owner);
        getLeftItems().add(recording);
        getRightItems().addAll(processCount, new Separator(javafx.geometry.Orientation.VERTICAL),
                metricsUrl, serveMetrics);
        serveMetrics.selectedProperty().addListener((obs, was, on) -> {
            if (!reverting) {
                toggle(on);
            }
        });
        store.currentSnapshotProperty().addListener((obs, old, snapshot) -> show(snapshot, store));
        store.modeProperty().addListener((obs, old, mode) -> show(store.getCurrentSnapshot(), store));
        store.timelineProperty().addListener((obs, old, samples) -> show(store.getCurrentSnapshot(), store));
        store.pausedProperty().addListener((obs, was, paused) -> show(store.getCurrentSnapshot(), store));
        host.addListener((obs, was, now) -> show(store.getCurrentSnapshot(), store));
    }

    private void show(Snapshot snapshot, SnapshotStore store) {
        String machine = host.get().isEmpty() || store.getMode() != SnapshotStore.Mode.LIVE ? "" : host.get() + " — ";
        setText(machine + StatusText.of(snapshot, store.getMode(), store.isPaused(), store.fileNameProperty().get(),
                !store.timelineProperty().get().isEmpty()));
        processCount.setText(snapshot == null ? "" : snapshot.processes().size() + " processes");
    }

    private void toggle(boolean on) {
        if (!on) {
            stopServer();
            return;
        }
        int port = services.metricsPort();
        try {
            server = services.startMetricsServer(port);
            metricsUrl.setText(server.url());
        } catch (IOException | RuntimeException e) {
            dialogs.error(owner.get(), "Cannot serve metrics",
                    "Port " + port + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            reverting = true;
            serveMetrics.setSelected(false);
            reverting = false;
        }
    }

    private void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
        metricsUrl.setText("");
    }

    /** Whether the embedded exporter runs (its scrapes need live collection to go on). */
    boolean servingMetrics() {
        return server != null;
    }

    /** File → Record…: asks for a file and starts recording live snapshots. */
    void startRecording() {
        recording.start();
    }

    /** Whether a recording runs (it needs live collection to go on). */
    boolean recording() {
        return recording.recording();
    }

    /** Stops the exporter and the recording if they run (window closing). */
    void close() {
        stopServer();
        recording.stop();
    }
}
