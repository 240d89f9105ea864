package io.herakles.procmem.ui.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Dialogs} with JavaFX's native file chooser and alerts. FX thread only. */
final class FxDialogs implements Dialogs {

    private static final FileChooser.ExtensionFilter JSON =
            new FileChooser.ExtensionFilter("Snapshot JSON (*.json)", "*.json");
    private static final FileChooser.ExtensionFilter OPENABLE = new FileChooser.ExtensionFilter(
            "Snapshots and recordings (*.json, *.jsonl.gz, *.gz)", "*.json", "*.jsonl.gz", "*.gz");
    private static final FileChooser.ExtensionFilter RECORDING =
            new FileChooser.ExtensionFilter("Recording (*.jsonl.gz)", "*.jsonl.gz");
    private static final FileChooser.ExtensionFilter ALL = new FileChooser.ExtensionFilter("All files", "*");

    /** Remembered between choosers, so Open and Export start where the user last was. */
    private File lastDirectory;

    @Override
    public Optional<Path> chooseSnapshotToOpen(Window owner) {
        FileChooser chooser = chooser("Open snapshot or recording");
        chooser.getExtensionFilters().setAll(OPENABLE, JSON, ALL);
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseExportTarget(Window owner, String suggestedName) {
        FileChooser chooser = chooser("Export snapshot");
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseRecordingTarget(Window owner, String suggestedName) {
        FileChooser chooser = chooser("Record to");
        chooser.getExtensionFilters().setAll(RECORDING, ALL);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> lastFolder() {
        return Optional.ofNullable(lastDirectory).map(File::toPath);
    }

    @Override
    public void setLastFolder(Path folder) {
        lastDirectory = folder == null ? null : folder.toFile();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(JSON, ALL);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        lastDirectory = chosen.getParentFile();
        return Optional.of(chosen.toPath());
    }

    @Override
    public boolean confirm(Window owner, String title, String message) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, owner, title, message);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public boolean confirmSignal(Window owner, SignalConfirmation question) {
        ButtonType action = new ButtonType(question.actionText(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", action, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(question.title());
        alert.setHeaderText(question.title());
        alert.getDialogPane().setId("signalConfirmation");
        alert.contentTextProperty().bind(question.textBinding());
        Button actionButton = (Button) alert.getDialogPane().lookupButton(action);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        actionButton.setId("signalAction");
        actionButton.disableProperty().bind(question.actionDisabledBinding());
        if (question.cancelIsDefault()) {
            // Enter must not kill: SIGKILL cannot be caught, so a reflex should cancel
            actionButton.setDefaultButton(false);
            cancelButton.setDefaultButton(true);
            alert.setOnShown(e -> cancelButton.requestFocus());
        }
        // The process may exit while the user reads: look again every second while the dialog is open.
        Timeline recheck = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> question.recheck()));
        recheck.setCycleCount(Animation.INDEFINITE);
        recheck.play();
        try {
            boolean chosen = alert.showAndWait().filter(action::equals).isPresent();
            return chosen && !question.isActionDisabled();
        } finally {
            recheck.stop();
        }
    }

    @Override
    public void error(Window owner, String title, String message) {
        alert(Alert.AlertType.ERROR, owner, title, message).showAndWait();
    }

    @Override
    public void info(Window owner, String title, String message) {
        alert(Alert.AlertType.INFORMATION, owner, title, message).showAndWait();
    }

    private static Alert alert(Alert.AlertType type, Window owner, String title, String message) {
        Alert alert = new Alert(type, message);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert;
    }

    @Override
    public Optional<ConnectRequest> askConnection(Window owner, List<String> recent) {
        return new ConnectDialog(owner, recent).showAndWait();
    }

    @Override
    public Optional<ConnectRequest> askFleet(Window owner, List<String> recent) {
        ConnectDialog dialog = new ConnectDialog(owner, recent);
        dialog.setTitle("Open fleet");
        dialog.setHeaderText("Every host's memory from Prometheus (or Thanos, Mimir, VictoriaMetrics)");
        return dialog.showAndWait();
    }
}
