package io.herakles.procmem.ui.app;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.export.snapshot.SnapshotJsonReader;
import io.herakles.procmem.export.snapshot.SnapshotJsonWriter;
import io.herakles.procmem.export.recording.Recorder;
import io.herakles.procmem.export.recording.Recording;
import io.herakles.procmem.export.recording.RecordingHeader;
import io.herakles.procmem.export.recording.RecordingWriter;
import io.herakles.procmem.export.recording.RecordingReader;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import io.herakles.procmem.remote.RemoteException;
import io.herakles.procmem.remote.RemoteSnapshotSource;
import io.herakles.procmem.remote.RemoteStatus;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.runtime.LiveControl;
import io.herakles.procmem.runtime.MemoryMaps;
import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.runtime.ProcessStatusReader;
import io.herakles.procmem.runtime.Rules;
import io.herakles.procmem.runtime.RunningSystem;
import io.herakles.procmem.runtime.ServedMetrics;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real {@link DesktopServices}: the live engine and the embedded exporter of the one runtime
 * composition ({@link RunningSystem}, the same that serves {@code --exporter}), snapshot JSON files,
 * process signals and memory maps ({@link MemoryMaps}); another machine's exporter through a
 * {@link HostSwitch}. Owns the running system; {@link #close()} stops it.
 */
public final class LiveDesktopServices implements DesktopServices, AutoCloseable {

    /** A desktop refreshes faster than a scraped server: the toolbar offers 1/2/5/10 s. */
    static final Duration DESKTOP_INTERVAL = Duration.ofSeconds(2);

    private final ExporterConfig config;
    private final RunningSystem system;
    private final LiveControl live;
    private final ProcessSignaller signaller;
    private final MemoryMaps maps;
    private final HostSwitch hosts;
    private final Optional<SessionHistory> history;

    /** Starts the live engine; a custom rules file that is broken leaves the built-in rules (see {@link #rulesProblem()}). */
    public LiveDesktopServices(ExporterConfig config) {
        this.config = config;
        this.system = RunningSystem.startLive(config, Rules.showingProblems(), DESKTOP_INTERVAL);
        this.live = system.live().orElseThrow();
        this.signaller = new ProcessSignaller(new ProcessStatusReader(config));
        this.maps = new MemoryMaps(config);
        this.hosts = new HostSwitch(system.source());
        this.history = SessionHistory.start(system.source(), DESKTOP_INTERVAL,
                Path.of(System.getProperty("java.io.tmpdir")), SessionHistory.DEFAULT_MAX_BYTES);
    }

    @Override
    public OpenedFile openLiveHistory() throws SnapshotReadException {
        if (history.isEmpty()) {
            throw new SnapshotReadException("There is no live history this run: the temporary directory "
                    + System.getProperty("java.io.tmpdir") + " could not be written.");
        }
        return history.get().open();
    }

    @Override
    public Optional<String> rulesProblem() {
        return system.rules().problem();
    }

    @Override
    public SnapshotSource liveSource() {
        return hosts;
    }

    @Override
    public Duration interval() {
        return hosts.remote().map(RemoteSnapshotSource::interval).orElseGet(live::interval);
    }

    @Override
    public void setInterval(Duration interval) {
        hosts.remote().ifPresentOrElse(r -> r.setInterval(interval), () -> live.setInterval(interval));
    }

    @Override
    public void pause() {
        hosts.remote().ifPresentOrElse(RemoteSnapshotSource::pause, live::pause);
    }

    @Override
    public void resume() {
        hosts.remote().ifPresentOrElse(RemoteSnapshotSource::resume, live::resume);
    }

    @Override
    public void connect(RemoteTarget target, Consumer<RemoteStatus> status) throws RemoteException {
        hosts.connect(target, live.interval(), status);
    }

    @Override
    public void disconnect() {
        hosts.disconnect();
    }

    @Override
    public Optional<RemoteTarget> remoteTarget() {
        return hosts.remote().map(RemoteSnapshotSource::target);
    }

    @Override
    public int metricsPort() {
        return config.port();
    }

    /**
     * Serves the window's snapshots with every route {@code --exporter} serves. On a workstation the
     * default bind {@code 0.0.0.0} would open the port to the network from a switch in the status
     * bar, so the default becomes 127.0.0.1; a bind address set in the configuration is used as it is.
     */
    @Override
    public MetricsServer startMetricsServer(int port) throws IOException {
        String bind = "0.0.0.0".equals(config.bind()) ? "127.0.0.1" : config.bind();
        ServedMetrics served = system.serve(bind, port);
        return new MetricsServer() {
            @Override
            public String url() {
                return served.url();
            }

            @Override
            public void close() {
                served.close();
            }
        };
    }

    @Override
    public void writeSnapshot(Snapshot snapshot, Path file) throws IOException {
        SnapshotJsonWriter.writeFile(snapshot, file);
    }

    @Override
    public Snapshot readSnapshot(Path file) throws SnapshotReadException {
        return readSnapshotFile(file);
    }

    /** What {@link #readSnapshot} does, without a sampler (tests open recorded files through it). */
    static Snapshot readSnapshotFile(Path file) throws SnapshotReadException {
        try {
            return SnapshotJsonReader.read(file);
        } catch (SnapshotFileException e) {
            throw new SnapshotReadException(e.getMessage(), e);
        }
    }

    @Override
    public RecordingSession startRecording(Path file) throws IOException {
        return record(liveSource(), interval(), file);
    }

    /** What {@link #startRecording} does, on any source (tests record fake live sources through it). */
    static RecordingSession record(SnapshotSource source, Duration interval, Path file) throws IOException {
        RecordingWriter writer = RecordingWriter.create(file,
                RecordingHeader.now(java.time.Instant.now(), interval, "desktop"), true);
        Recorder recorder = Recorder.start(source, writer, java.util.OptionalLong.empty());
        return new RecordingSession() {
            @Override
            public Path file() {
                return file;
            }

            @Override
            public long sizeBytes() {
                return recorder.sizeBytes();
            }

            @Override
            public int samples() {
                return recorder.samples();
            }

            @Override
            public Optional<String> failure() {
                return recorder.failure();
            }

            @Override
            public void stop() throws IOException {
                recorder.close();
            }
        };
    }

    @Override
    public OpenedFile openFile(Path file) throws SnapshotReadException {
        return openAnyFile(file);
    }

    @Override
    public OpenedFile openFile(Path file, java.util.function.Consumer<Snapshot> first) throws SnapshotReadException {
        return openAnyFile(file, first);
    }

    /** What {@link #openFile} does, without a sampler (tests open recorded files through it). */
    static OpenedFile openAnyFile(Path file) throws SnapshotReadException {
        return openAnyFile(file, s -> { });
    }

    /** As {@link #openAnyFile(Path)}, with the first snapshot handed to {@code first} as soon as it is read. */
    static OpenedFile openAnyFile(Path file, java.util.function.Consumer<Snapshot> first) throws SnapshotReadException {
        if (!RecordingReader.looksLikeRecording(file)) {
            Snapshot only = readSnapshotFile(file);
            first.accept(only);
            return OpenedFile.of(only);
        }
        try {
            Recording r = RecordingReader.read(file, first);
            return new OpenedFile(r.samples(), r.cutShort());
        } catch (SnapshotFileException e) {
            throw new SnapshotReadException(e.getMessage(), e);
        }
    }

    @Override
    public PidStatus pidStatus(int pid) {
        // a pid of another machine says nothing about this one's
        return hosts.remote().isPresent() ? PidStatus.exited() : signaller.status(pid);
    }

    @Override
    public TerminationResult terminate(ProcessTarget target, ProcessSignal signal) {
        Optional<RemoteTarget> remote = remoteTarget();
        if (remote.isPresent()) {
            return TerminationResult.refused("process " + target.pid() + " runs on " + remote.get().display()
                    + "; signals go only to processes of this machine");
        }
        return signaller.send(target, signal);
    }

    @Override
    public boolean hasFullAccess() {
        return system.readsEveryProcess();
    }

    @Override
    public ProcessMaps memoryMaps(int pid) {
        return maps.of(pid);
    }

    @Override
    public SharedMemoryReport sharedMemory(ScanProgress progress) {
        return maps.shared(progress);
    }

    @Override
    public void close() {
        history.ifPresent(SessionHistory::close);
        hosts.close();
        system.close();
    }
}
