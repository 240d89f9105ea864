package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import io.herakles.procmem.remote.RemoteException;
import io.herakles.procmem.remote.RemoteStatus;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the desktop window needs from outside the UI: the live snapshot source and its
 * cadence, the embedded exporter, snapshot files and process signals. The composition root
 * implements it with the real engine, exporter and JSON code; tests implement it with recorded
 * snapshots.
 *
 * <p>Threads: every method is called on the FX thread and must return promptly (no waiting for a
 * collection tick), except the memory-map reads {@link #memoryMaps} and {@link #sharedMemory},
 * which block for the read and are called on a background thread. {@link #liveSource()}
 * listeners are called on the sampler's thread.
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
     * As {@link #openFile(Path)}, handing the first snapshot to {@code first} as soon as it is read,
     * on the calling thread: a large recording takes seconds to read whole, its first sample
     * milliseconds.
     */
    default OpenedFile openFile(Path file, java.util.function.Consumer<Snapshot> first) throws SnapshotReadException {
        OpenedFile opened = openFile(file);
        first.accept(opened.samples().get(0));
        return opened;
    }

    /**
     * Starts recording every live snapshot into {@code file} (replacing it; the window asked
     * first). Throws with a one-line message naming the file when it cannot.
     */
    /**
     * This run's live snapshots of this machine as a recording (decoded on demand), for the
     * timeline; a one-line {@link SnapshotReadException} when there is none (yet).
     */
    default OpenedFile openLiveHistory() throws SnapshotReadException {
        throw new SnapshotReadException("There is no live history here.");
    }

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

    /**
     * The memory maps of {@code pid} on this machine now (its {@code smaps}), or why there are none.
     * Blocks for the read: called off the FX thread. Never throws. Without a live system: none.
     */
    default ProcessMaps memoryMaps(int pid) {
        return ProcessMaps.unreadable(pid, "no live system to read");
    }

    /**
     * Scans every process's {@code smaps} for what several of them map; reports progress to and
     * polls cancellation from {@code progress}. Blocks for the scan (up to seconds): called off the
     * FX thread. Never throws. Without a live system: an empty report.
     */
    default SharedMemoryReport sharedMemory(ScanProgress progress) {
        return new SharedMemoryReport(List.of(), 0, 0, 0, false, Duration.ZERO);
    }

    /**
     * Shows another machine: from now on {@link #liveSource()} carries the snapshots of the exporter
     * at {@code target}, polled at {@link #interval()}; {@code status} hears how the connection
     * stands after every request (on the poller's thread). Interval, pause and resume then act on the
     * polling; process signals are refused (the processes run elsewhere). A setting that cannot work
     * (a CA file that is not one) throws with a one-line message.
     */
    default void connect(RemoteTarget target, Consumer<RemoteStatus> status) throws RemoteException {
        throw new RemoteException("this build cannot show other machines");
    }

    /** "Back to this machine": stops polling the remote exporter; the live source shows this machine again. */
    default void disconnect() {}

    /** The other machine shown, empty while this machine is. */
    default Optional<RemoteTarget> remoteTarget() {
        return Optional.empty();
    }
}
