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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * File → Export snapshot, File → Open (a snapshot file or a recording) and dropped files. Export writes the snapshot the
 * window shows and never replaces a file without an explicit yes; open makes the whole window show
 * the file until "Back to live"; a bad file is reported in a dialog naming the file and the problem.
 * FX thread only (a large file is read on a "file-reader" thread, see {@link #open}).
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

    /**
     * Shows the snapshot in {@code file}, or a dialog saying why it cannot. Returns whether it opened
     * (for a large file: whether reading it started; a failure then comes as a dialog later).
     *
     * <p>A file of {@link #READ_IN_BACKGROUND_FROM} bytes or more (a long recording: 3000 processes
     * × 120 samples took 6 s) is read on a thread of its own: the window shows its first sample as
     * soon as it is read and the timeline once the whole file is, so the window never stops
     * answering. A smaller file is read at once.
     */
    boolean open(Path file) {
        if (sizeOf(file) >= readInBackgroundFrom) {
            openInBackground(file);
            return true;
        }
        try {
            show(services.openFile(file), file);
            return true;
        } catch (SnapshotReadException | RuntimeException e) {
            failed(file, e);
            return false;
        }
    }

    /** What the window calls the live history while it shows it. */
    static final String LIVE_HISTORY = "live history";

    /**
     * View → Live history: this run's live snapshots as a recording under the timeline, until
     * "Back to live". Opening it reads the index and the first sample only.
     */
    void openLiveHistory() {
        try {
            OpenedFile opened = services.openLiveHistory();
            store.showRecording(opened.samples(), LIVE_HISTORY);
            opened.note().ifPresent(note -> dialogs.info(owner.get(), "Live history", note));
        } catch (SnapshotReadException | RuntimeException e) {
            dialogs.info(owner.get(), "Live history", oneLine(e));
        }
    }

    /** Files this large (bytes) are read in the background; see {@link #open}. */
    static final long READ_IN_BACKGROUND_FROM = 4L << 20;
    private long readInBackgroundFrom = READ_IN_BACKGROUND_FROM;
    private ExecutorService reader;

    /** Sets the size from which files are read in the background (tests). */
    void readInBackgroundFrom(long bytes) {
        readInBackgroundFrom = bytes;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // read at once: that read reports the problem
        }
    }

    private void openInBackground(Path file) {
        String name = String.valueOf(file.getFileName());
        if (reader == null) {
            reader = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "file-reader");
                t.setDaemon(true);
                return t;
            });
        }
        Snapshot[] shownFirst = new Snapshot[1];
        reader.execute(() -> {
            try {
                OpenedFile opened = services.openFile(file, first -> Platform.runLater(() -> {
                    store.showFile(first, name);
                    shownFirst[0] = first;
                }));
                Platform.runLater(() -> {
                    // the user may have gone back to live or opened another file meanwhile
                    boolean stillShown = store.getMode() == SnapshotStore.Mode.FILE
                            && store.getCurrentSnapshot() == shownFirst[0] && store.timelineProperty().get().isEmpty();
                    if (stillShown) {
                        show(opened, file);
                    }
                });
            } catch (SnapshotReadException | RuntimeException e) {
                Platform.runLater(() -> failed(file, e));
            } catch (OutOfMemoryError e) {
                // every sample is held in memory: what was read is garbage now; say so, keep the first shown
                String heap = Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
                Platform.runLater(() -> dialogs.error(owner.get(), "Cannot open " + file.getFileName(),
                        naming(file, "too large for this app's memory (" + heap + " heap) with all its samples;"
                                + " the window shows its first sample. Start the app with a larger -Xmx"
                                + " (e.g. java -Xmx2g -jar …), or use 'herakles-proc-mem leaks' / 'diff FILE@TIME …'"
                                + " on the command line")));
            }
        });
    }

    private void show(OpenedFile opened, Path file) {
        String name = String.valueOf(file.getFileName());
        if (opened.isRecording()) {
            store.showRecording(opened.samples(), name);
        } else {
            store.showFile(opened.samples().get(0), name);
        }
        opened.note().ifPresent(note -> dialogs.info(owner.get(), "Recording cut short", note));
        onOpened.accept(file);
    }

    private void failed(Path file, Exception e) {
        LOG.log(Level.FINE, "open failed", e);
        dialogs.error(owner.get(), "Cannot open " + file.getFileName(), naming(file, oneLine(e)));
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
