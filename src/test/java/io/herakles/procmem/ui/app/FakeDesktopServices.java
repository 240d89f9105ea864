package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import javafx.application.Platform;

/**
 * {@link DesktopServices} fed from recorded snapshots: tests publish into {@link #live}, and read
 * back what the window asked for. Snapshot "files" are a map from path to snapshot; writing
 * records the snapshot and puts a one-line marker in the file.
 */
final class FakeDesktopServices implements DesktopServices {

    final SnapshotPublisher live = new SnapshotPublisher();
    final Map<Path, Snapshot> files = new ConcurrentHashMap<>();
    final Map<Path, Snapshot> written = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile Duration interval = Duration.ofSeconds(2);
    volatile boolean fullAccess;
    /** Files not in {@link #files} are read as {@link LiveDesktopServices} reads them. */
    volatile boolean readsRealFiles;
    volatile IOException metricsFailure;
    volatile TerminationResult terminateResult = TerminationResult.sent("sent");
    /** What {@link #rulesProblem()} answers; null for none. */
    volatile String rulesProblem;

    @Override
    public java.util.Optional<String> rulesProblem() {
        return java.util.Optional.ofNullable(rulesProblem);
    }

    /** What {@link #pidStatus} answers per pid; a pid not in it runs, with an unknown start time. */
    final Map<Integer, PidStatus> pidStatuses = new ConcurrentHashMap<>();
    /** When set, process checks and signals go to real processes, as {@link LiveDesktopServices} sends them. */
    volatile ProcessSignaller realSignals;
    /** Thrown by {@link #terminate} when set (a service breaking its "never throws"). */
    volatile RuntimeException terminateFailure;

    @Override
    public SnapshotSource liveSource() {
        return live;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void setInterval(Duration interval) {
        calls.add("setInterval " + interval.toSeconds());
        this.interval = interval;
    }

    @Override
    public void pause() {
        calls.add("pause");
    }

    @Override
    public void resume() {
        calls.add("resume");
    }

    @Override
    public int metricsPort() {
        return 19215;
    }

    @Override
    public MetricsServer startMetricsServer(int port) throws IOException {
        calls.add("startMetricsServer " + port);
        if (metricsFailure != null) {
            throw metricsFailure;
        }
        return new MetricsServer() {
            @Override
            public String url() {
                return "http://127.0.0.1:" + port + "/metrics";
            }

            @Override
            public void close() {
                calls.add("closeMetricsServer " + port);
            }
        };
    }

    @Override
    public void writeSnapshot(Snapshot snapshot, Path file) throws IOException {
        calls.add("writeSnapshot " + file.getFileName());
        Files.writeString(file, "snapshot " + snapshot.sequence() + " with " + snapshot.processes().size() + "\n");
        written.put(file, snapshot);
    }

    /** The live history over {@link #live}, once a test started it ({@link #startHistory}). */
    SessionHistory history;

    /** Starts a real live history of {@link #live} in {@code dir}. */
    SessionHistory startHistory(Path dir) {
        history = SessionHistory.start(live, interval(), dir, SessionHistory.DEFAULT_MAX_BYTES).orElseThrow();
        return history;
    }

    @Override
    public OpenedFile openLiveHistory() throws SnapshotReadException {
        return history == null ? DesktopServices.super.openLiveHistory() : history.open();
    }

    @Override
    public RecordingSession startRecording(Path file) throws IOException {
        calls.add("startRecording " + file.getFileName());
        return LiveDesktopServices.record(live, interval(), file);
    }

    @Override
    public OpenedFile openFile(Path file) throws SnapshotReadException {
        return openFile(file, first -> { });
    }

    /** When set, a read waits on it after handing over its first snapshot (tests of reading in the background). */
    volatile java.util.concurrent.CountDownLatch holdAfterFirst;

    /** When set, a read throws it after handing over its first snapshot (a recording too large for the heap). */
    volatile Error failAfterFirst;

    @Override
    public OpenedFile openFile(Path file, java.util.function.Consumer<Snapshot> handFirst) throws SnapshotReadException {
        java.util.function.Consumer<Snapshot> first = s -> {
            handFirst.accept(s);
            if (failAfterFirst != null) {
                throw failAfterFirst;
            }
            java.util.concurrent.CountDownLatch hold = holdAfterFirst;
            if (hold != null) {
                try {
                    hold.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        if (!files.containsKey(file) && readsRealFiles) {
            return LiveDesktopServices.openAnyFile(file, first);
        }
        OpenedFile opened = OpenedFile.of(readSnapshot(file));
        first.accept(opened.samples().get(0));
        return opened;
    }

    @Override
    public Snapshot readSnapshot(Path file) throws SnapshotReadException {
        Snapshot snapshot = files.get(file);
        if (snapshot == null && readsRealFiles) {
            return LiveDesktopServices.readSnapshotFile(file);
        }
        if (snapshot == null) {
            throw new SnapshotReadException("line 1, column 1: not a snapshot (expected '{')");
        }
        return snapshot;
    }

    @Override
    public PidStatus pidStatus(int pid) {
        ProcessSignaller real = realSignals;
        return real != null ? real.status(pid) : pidStatuses.getOrDefault(pid, PidStatus.running(null));
    }

    @Override
    public TerminationResult terminate(ProcessTarget target, ProcessSignal signal) {
        calls.add((signal.force() ? "kill " : "terminate ") + target.pid());
        if (terminateFailure != null) {
            throw terminateFailure;
        }
        ProcessSignaller real = realSignals;
        return real != null ? real.send(target, signal) : terminateResult;
    }

    /** The status listener of the last {@link #connect}, for tests to play the poller. */
    volatile java.util.function.Consumer<io.herakles.procmem.remote.RemoteStatus> lastStatusListener;
    /** Every {@link #connect} asked for, in order. */
    final List<io.herakles.procmem.remote.RemoteTarget> connected = new CopyOnWriteArrayList<>();

    @Override
    public void connect(io.herakles.procmem.remote.RemoteTarget target,
            java.util.function.Consumer<io.herakles.procmem.remote.RemoteStatus> status) {
        calls.add("connect " + target.display());
        connected.add(target);
        lastStatusListener = status;
    }

    @Override
    public boolean hasFullAccess() {
        return fullAccess;
    }

    /** What {@link #memoryMaps} answers; counts its calls and whether any ran on the FX thread. */
    volatile IntFunction<ProcessMaps> maps = ProcessMaps::gone;
    final AtomicInteger mapsReads = new AtomicInteger();
    /** What {@link #sharedMemory} does. */
    volatile Function<ScanProgress, SharedMemoryReport> shared = DesktopServices.super::sharedMemory;
    /** Whether a memory-map read ran on the FX thread (it must not). */
    volatile boolean mapsReadOnFxThread;

    @Override
    public ProcessMaps memoryMaps(int pid) {
        mapsReads.incrementAndGet();
        mapsReadOnFxThread |= Platform.isFxApplicationThread();
        return maps.apply(pid);
    }

    @Override
    public SharedMemoryReport sharedMemory(ScanProgress progress) {
        mapsReadOnFxThread |= Platform.isFxApplicationThread();
        return shared.apply(progress);
    }
}
