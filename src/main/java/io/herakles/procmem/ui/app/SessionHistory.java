package io.herakles.procmem.ui.app;

import io.herakles.procmem.export.recording.Recorder;
import io.herakles.procmem.export.recording.RecordingHeader;
import io.herakles.procmem.export.recording.RecordingWriter;
import io.herakles.procmem.model.SnapshotSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * This run of the app as a recording: every live snapshot of this machine goes into a recording
 * file in the temporary directory (the same format and recorder as File → Record…, on the
 * recorder's own thread), so that View → Live history can show the timeline over it. Bounded on
 * disk by thinning (the run's start and its recent past stay) and in the heap by nothing, as a
 * recording is decoded on demand. The file is deleted when the app closes. Thread-safe.
 */
final class SessionHistory implements AutoCloseable {

    /** Default bound of the history file: hours of a quiet desktop, about an hour of 3,000 busy processes. */
    static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(SessionHistory.class.getName());

    private final Path file;
    private final Recorder recorder;

    private SessionHistory(Path file, Recorder recorder) {
        this.file = file;
        this.recorder = recorder;
    }

    /**
     * Starts recording {@code source} into a new file in {@code dir}; empty (logged once) when that
     * cannot be written, as the app works without a history.
     */
    static Optional<SessionHistory> start(SnapshotSource source, Duration interval, Path dir, long maxBytes) {
        Path file = null;
        try {
            file = Files.createTempFile(dir, "herakles-history-", ".jsonl.gz");
            RecordingWriter writer = RecordingWriter.create(file,
                    RecordingHeader.now(Instant.now(), interval, "desktop live history"), true);
            file.toFile().deleteOnExit();
            return Optional.of(new SessionHistory(file, Recorder.start(source, writer, OptionalLong.of(maxBytes))));
        } catch (IOException | RuntimeException e) {
            LOG.warning("no live history this run: cannot write " + (file == null ? dir : file) + ": "
                    + e.getMessage());
            deleteQuietly(file);
            return Optional.empty();
        }
    }

    /** Samples recorded so far (after thinning). */
    int samples() {
        return recorder.samples();
    }

    /**
     * The history as it is now, opened as a recording: its samples are decoded when shown. A sample
     * being written at this moment is left out without a note (it is expected, not damage).
     */
    OpenedFile open() throws SnapshotReadException {
        Optional<String> stopped = recorder.failure();
        if (recorder.samples() == 0) {
            throw new SnapshotReadException(stopped.orElse("no live snapshot has been recorded yet"));
        }
        OpenedFile now = LiveDesktopServices.openAnyFile(file);
        return new OpenedFile(now.samples(), stopped.map(f -> "The live history stopped: " + f));
    }

    Path file() {
        return file;
    }

    /** Stops recording and deletes the file. */
    @Override
    public void close() {
        try {
            recorder.close();
        } catch (IOException e) {
            LOG.fine("closing the live history: " + e.getMessage());
        }
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.fine("cannot delete " + file + ": " + e.getMessage());
        }
    }
}
