package io.herakles.procmem.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * File → Record… and its status-bar indicator: "● Recording NAME — size, samples" with a Stop
 * button, refreshed every second while a recording runs; hidden otherwise. A recording that stops
 * on its own (a full disk) is reported once in a dialog. FX thread only.
 */
final class RecordingIndicator extends HBox {

    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final DesktopServices services;
    private final Dialogs dialogs;
    private final Supplier<Window> owner;
    private final Label text = new Label();
    private final Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> update()));
    private RecordingSession session;

    RecordingIndicator(DesktopServices services, Dialogs dialogs, Supplier<Window> owner) {
        this.services = services;
        this.dialogs = dialogs;
        this.owner = owner;
        setId("recordingIndicator");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        text.setId("recordingText");
        Button stop = new Button("Stop");
        stop.setId("stopRecording");
        stop.setOnAction(e -> stop());
        getChildren().addAll(text, stop);
        refresh.setCycleCount(Animation.INDEFINITE);
        showing(false);
    }

    /** Asks for a file and starts recording the live snapshots into it. */
    void start() {
        if (session != null) {
            dialogs.info(owner.get(), "Already recording", "Recording to " + session.file() + "; stop it first.");
            return;
        }
        String suggested = "herakles-recording-" + FILE_STAMP.format(Instant.now()) + ".jsonl.gz";
        Optional<Path> target = dialogs.chooseRecordingTarget(owner.get(), suggested);
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        if (Files.exists(file) && !dialogs.confirm(owner.get(), "Replace " + file.getFileName() + "?",
                file + " already exists. Replace it with a new recording?")) {
            return;
        }
        try {
            session = services.startRecording(file);
        } catch (IOException | RuntimeException e) {
            dialogs.error(owner.get(), "Cannot record", SnapshotFileActions.naming(file, String.valueOf(e.getMessage())));
            return;
        }
        showing(true);
        update();
        refresh.play();
    }

    private void update() {
        if (session == null) {
            return;
        }
        Optional<String> failure = session.failure();
        if (failure.isPresent()) {
            stop();
            dialogs.error(owner.get(), "Recording stopped", failure.get());
            return;
        }
        text.setText(String.format(Locale.ROOT, "● Recording %s — %.1f MiB, %d samples", session.file().getFileName(),
                session.sizeBytes() / (1024.0 * 1024.0), session.samples()));
    }

    /** Stops the running recording, if any. */
    void stop() {
        refresh.stop();
        if (session != null) {
            try {
                session.stop();
            } catch (IOException e) {
                dialogs.error(owner.get(), "Recording stopped", String.valueOf(e.getMessage()));
            }
            session = null;
        }
        showing(false);
    }

    boolean recording() {
        return session != null;
    }

    private void showing(boolean on) {
        setVisible(on);
        setManaged(on);
    }
}
