package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the desktop window needs from outside the UI: the live snapshot source and its
 * cadence, the embedded exporter, snapshot files and process signals. The composition root
 * implements it with the real engine, exporter and JSON code; tests implement it with recorded
 * snapshots.
 *
 * <p>Threads: every method is called on the FX thread and must return promptly (no waiting for a
 * collection tick). {@link #liveSource()} listeners are called on the sampler's thread.
 */
public interface DesktopServices {

    /** The live engine's snapshots. Subscribed once when the window opens. */
    SnapshotSource liveSource();

    /** The current collection interval (the window's interval choice starts here). */
    Duration interval();

    /** Changes the collection interval of the live source. */
    void setInterval(Duration interval);

    /** Stops live collection (the window keeps showing the last snapshot). */
    void pause();

    /** Restarts live collection after {@link #pause()}. */
    void resume();

    /** The exporter port from the configuration (default 9215). */
    int metricsPort();

    /**
     * Starts the embedded Prometheus exporter on {@code port}, serving the same snapshots the
     * window shows. Throws with a one-line message when it cannot (port in use, ...).
     */
    MetricsServer startMetricsServer(int port) throws IOException;

    /** Writes {@code snapshot} to {@code file} as snapshot JSON (replacing the file; the window asked first). */
    void writeSnapshot(Snapshot snapshot, Path file) throws IOException;

    /** Reads a snapshot JSON file; a bad file throws with a one-line message saying what is wrong. */
    Snapshot readSnapshot(Path file) throws SnapshotReadException;

    /**
     * Reads a snapshot file or a recording (told apart by their content); a bad file throws with a
     * one-line message naming the file and the position. Without recordings, a snapshot file only.
     */
    default OpenedFile openFile(Path file) throws SnapshotReadException {
        return OpenedFile.of(readSnapshot(file));
    }

    /**
     * Starts recording every live snapshot into {@code file} (replacing it; the window asked
     * first). Throws with a one-line message naming the file when it cannot.
     */
    default RecordingSession startRecording(Path file) throws IOException {
        throw new IOException(file + ": recording is not available here");
    }

    /**
     * What runs as {@code pid} now, read as the collector reads it, so its start time compares with
     * the snapshots' ({@link TargetState}). Two small {@code /proc} reads; never throws.
     */
    PidStatus pidStatus(int pid);

    /**
     * Sends {@code signal} to {@code target} if it is still the process running as its pid (same
     * start time); never to a process that took the pid since. Never throws.
     */
    TerminationResult terminate(ProcessTarget target, ProcessSignal signal);

    /**
     * Whether this process can read every process's {@code smaps_rollup} (root or
     * {@code cap_sys_ptrace}); when false the window explains why PSS/USS show "—" for others'
     * processes.
     */
    boolean hasFullAccess();

    /**
     * Why the user's classification rules are not in use: the one-line {@code file:line:} message
     * of a custom {@code subgroups.toml} that could not be read or parsed, while the app runs on the
     * built-in rules. The window shows it once, on opening. Empty when every rules file loaded.
     */
    default Optional<String> rulesProblem() {
        return Optional.empty();
    }
}
