package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.stage.Window;

/**
 * File → Export snapshot, File → Open (a snapshot file or a recording) and dropped files. Export writes the snapshot the
 * window shows and never replaces a file without an explicit yes; open makes the whole window show
 * the file until "Back to live"; a bad file is reported in a dialog naming the file and the problem.
 * FX thread only.
 */
final class SnapshotFileActions {

    private static final Logger LOG = Logger.getLogger(SnapshotFileActions.class.getName());
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final SnapshotStore store;
    private final DesktopServices services;
    private final Dialogs dialogs;
    private final Supplier<Window> owner;
    private Consumer<Path> onOpened = file -> { };

    SnapshotFileActions(SnapshotStore store, DesktopServices services, Dialogs dialogs, Supplier<Window> owner) {
        this.store = store;
        this.services = services;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    /** Asks for a target and writes the shown snapshot there. */
    void exportSnapshot() {
        Snapshot snapshot = store.getCurrentSnapshot();
        if (snapshot == null) {
            dialogs.info(owner.get(), "Nothing to export", "No snapshot has been collected yet.");
            return;
        }
        String suggested = "herakles-snapshot-" + FILE_STAMP.format(snapshot.takenAt()) + ".json";
        Optional<Path> target = dialogs.chooseExportTarget(owner.get(), suggested);
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        if (Files.exists(file) && !dialogs.confirm(owner.get(), "Replace " + file.getFileName() + "?",
                file + " already exists. Replace it with this snapshot?")) {
            return;
        }
        try {
            services.writeSnapshot(snapshot, file);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "export failed", e);
            dialogs.error(owner.get(), "Cannot export snapshot", naming(file, oneLine(e)));
        }
    }

    /** Asks for a snapshot file and opens it. */
    void openSnapshot() {
        dialogs.chooseSnapshotToOpen(owner.get()).ifPresent(this::open);
    }

    /** Shows the snapshot in {@code file}, or a dialog saying why it cannot. Returns whether it opened. */
    boolean open(Path file) {
        String name = String.valueOf(file.getFileName());
        try {
            OpenedFile opened = services.openFile(file);
            if (opened.isRecording()) {
                store.showRecording(opened.samples(), name);
            } else {
                store.showFile(opened.samples().get(0), name);
            }
            opened.note().ifPresent(note -> dialogs.info(owner.get(), "Recording cut short", note));
            onOpened.accept(file);
            return true;
        } catch (SnapshotReadException | RuntimeException e) {
            LOG.log(Level.FINE, "open failed", e);
            dialogs.error(owner.get(), "Cannot open " + name, naming(file, oneLine(e)));
            return false;
        }
    }

    /** Called with each file that opened (File → Open recent remembers it). */
    void setOnOpened(Consumer<Path> handler) {
        onOpened = handler == null ? file -> { } : handler;
    }

    /** The message with the file in front, once: the JSON reader and writer already name it. */
    static String naming(Path file, String message) {
        return message.startsWith(file.toString()) ? message : file + ": " + message;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
