package io.herakles.procmem.ui.app;

import io.herakles.procmem.classify.RuleClassifier;
import io.herakles.procmem.classify.RuleLoader;
import io.herakles.procmem.classify.RuleSet;
import io.herakles.procmem.classify.SubgroupReports;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.engine.Sampler;
import io.herakles.procmem.export.prometheus.ExporterServer;
import io.herakles.procmem.export.testdata.SnapshotFileException;
import io.herakles.procmem.export.testdata.SnapshotJsonReader;
import io.herakles.procmem.export.testdata.SnapshotJsonWriter;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The real {@link DesktopServices}: the live engine, the embedded exporter, snapshot JSON files and
 * process signals. Owns the sampler; {@link #close()} stops it.
 */
public final class LiveDesktopServices implements DesktopServices, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LiveDesktopServices.class.getName());
    /** A desktop refreshes faster than a scraped server: the toolbar offers 1/2/5/10 s. */
    static final Duration DESKTOP_INTERVAL = Duration.ofSeconds(2);
    private static final byte[] NO_SNAPSHOT = "{}".getBytes(StandardCharsets.UTF_8);
    /** CAP_SYS_PTRACE: lets a non-root user read every process's smaps_rollup. */
    private static final int CAP_SYS_PTRACE = 19;

    private final ExporterConfig config;
    private final RuleSet rules;
    private final Sampler sampler;
    private final ProcessSignaller signaller;

    public LiveDesktopServices(ExporterConfig config) {
        this.config = config;
        this.rules = RuleLoader.defaults().load();
        rules.errors().forEach(e -> LOG.warning(e));
        this.sampler = new Sampler(config, new RuleClassifier(rules, config));
        sampler.setInterval(DESKTOP_INTERVAL);
        sampler.start();
        this.signaller = new ProcessSignaller(new ProcFs(Path.of(config.procfs())));
    }

    @Override
    public SnapshotSource liveSource() {
        return sampler.source();
    }

    @Override
    public Duration interval() {
        return sampler.interval();
    }

    @Override
    public void setInterval(Duration interval) {
        sampler.setInterval(interval);
    }

    @Override
    public void pause() {
        sampler.pause();
    }

    @Override
    public void resume() {
        sampler.resume();
    }

    @Override
    public int metricsPort() {
        return config.port();
    }

    /**
     * Serves the window's snapshots. On a workstation the default bind {@code 0.0.0.0} would open the
     * port to the network from a switch in the status bar, so the default becomes 127.0.0.1; a bind
     * address set in the configuration is used as it is.
     */
    @Override
    public MetricsServer startMetricsServer(int port) throws IOException {
        String bind = "0.0.0.0".equals(config.bind()) ? "127.0.0.1" : config.bind();
        byte[] subgroups = SubgroupReports.endpointBody(rules).getBytes(StandardCharsets.UTF_8);
        SnapshotSource source = sampler.source();
        ExporterServer server = ExporterServer.builder(config, source).bind(bind).port(port)
                .route("/subgroups", "text/plain; charset=utf-8", () -> subgroups)
                .route("/snapshot", "application/json",
                        () -> source.latest().map(SnapshotJsonWriter::toBytes).orElse(NO_SNAPSHOT))
                .start();
        String host = server.address().getAddress().getHostAddress();
        String url = server.scheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
                + "/metrics";
        return new MetricsServer() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void close() {
                server.close();
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
    public PidStatus pidStatus(int pid) {
        return signaller.status(pid);
    }

    @Override
    public TerminationResult terminate(ProcessTarget target, ProcessSignal signal) {
        return signaller.send(target, signal);
    }

    @Override
    public boolean hasFullAccess() {
        try {
            for (String line : Files.readAllLines(Path.of(config.procfs(), "self", "status"))) {
                if (line.startsWith("Uid:")) {
                    if (line.split("\\s+")[1].equals("0")) {
                        return true;
                    }
                } else if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    if ((caps & (1L << CAP_SYS_PTRACE)) != 0) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown: say so in the notice rather than promise full figures
        }
        return false;
    }

    @Override
    public void close() {
        sampler.close();
    }
}
