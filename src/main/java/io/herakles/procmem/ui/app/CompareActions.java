package io.herakles.procmem.ui.app;

import io.herakles.procmem.analysis.DiffLevel;
import io.herakles.procmem.analysis.SnapshotDiff;
import io.herakles.procmem.analysis.SnapshotDiffer;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.compare.DiffTableView;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File → Compare…: with a recording open, its first sample (or the one marked on the timeline)
 * against the sample under the timeline's cursor; otherwise a chosen snapshot file or recording (its first sample) against what the window
 * shows (live or a file). The diff, by process in the chosen metric, opens in its own window.
 * FX thread only.
 */
final class CompareActions {

    private final SnapshotStore store;
    private final DesktopServices services;
    private final Dialogs dialogs;
    private final Supplier<Window> owner;
    private Stage shown;

    CompareActions(SnapshotStore store, DesktopServices services, Dialogs dialogs, Supplier<Window> owner) {
        this.store = store;
        this.services = services;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    void compare() {
        Snapshot after = store.getCurrentSnapshot();
        if (after == null) {
            dialogs.info(owner.get(), "Nothing to compare", "No snapshot has been collected yet.");
            return;
        }
        List<Snapshot> timeline = store.timelineProperty().get();
        if (!timeline.isEmpty()) {
            int mark = Math.min(store.compareMarkProperty().get(), timeline.size() - 1);
            Snapshot before;
            try {
                before = timeline.get(mark); // decoded now: a damaged part of the file shows here
            } catch (RuntimeException e) {
                dialogs.error(owner.get(), "Cannot compare", String.valueOf(e.getMessage()));
                return;
            }
            show(before, mark == 0 ? "start of " + store.fileNameProperty().get() : "sample " + (mark + 1),
                    after, "sample " + (store.timelineIndexProperty().get() + 1));
            return;
        }
        Optional<Path> chosen = dialogs.chooseSnapshotToOpen(owner.get());
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        try {
            Snapshot before = services.openFile(file).samples().get(0);
            show(before, String.valueOf(file.getFileName()), after,
                    store.getMode() == SnapshotStore.Mode.LIVE ? "live" : store.fileNameProperty().get());
        } catch (SnapshotReadException | RuntimeException e) {
            dialogs.error(owner.get(), "Cannot compare with " + file.getFileName(),
                    SnapshotFileActions.naming(file, String.valueOf(e.getMessage())));
        }
    }

    private void show(Snapshot before, String beforeName, Snapshot after, String afterName) {
        SnapshotDiff diff = SnapshotDiffer.diff(before, after, DiffLevel.PROCESS, store.metricProperty().get());
        if (shown != null) {
            shown.close();
        }
        shown = new Stage();
        shown.setTitle("Herakles — compare " + beforeName + " → " + afterName);
        shown.setScene(new Scene(new DiffTableView(diff, beforeName, afterName), 1100, 760));
        shown.initOwner(owner.get());
        shown.show();
    }

    void close() {
        if (shown != null) {
            shown.close();
        }
    }
}
