package io.herakles.procmem.runtime;

import io.herakles.procmem.classify.RuleClassifier;
import io.herakles.procmem.classify.SubgroupReports;
import io.herakles.procmem.collect.LargestReads;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.engine.ReplayFilter;
import io.herakles.procmem.engine.Sampler;
import io.herakles.procmem.export.prometheus.ExporterServer;
import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.export.snapshot.SnapshotFileSource;
import io.herakles.procmem.export.snapshot.SnapshotJsonWriter;
import io.herakles.procmem.health.HealthThresholds;
import io.herakles.procmem.health.HealthState;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One running system built from one configuration: the rules, the live engine or a snapshot file
 * ({@code -t}), buffer health kept up to date after every tick, and the exporter server with all
 * its routes ({@code /subgroups}, {@code /snapshot}, the version). {@code --exporter} and the
 * desktop's Serve metrics both serve through {@link #server()}, so what one serves the other
 * serves. {@link #close()} stops the source.
 */
public final class RunningSystem implements AutoCloseable {

    /** How often {@code -t FILE} is checked for changes (a stat call; cheap). */
    static final Duration TEST_DATA_POLL = Duration.ofSeconds(1);

    private final ExporterConfig config;
    private final Rules rules;
    private final SnapshotSource source;
    private final Optional<LiveControl> live;
    private final HealthState health;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private RunningSystem(ExporterConfig config, Rules rules, SnapshotSource source, Optional<LiveControl> live,
            Optional<LargestReads> reads, AutoCloseable stop) {
        this.config = config;
        this.rules = rules;
        this.source = source;
        this.live = live;
        this.health = new HealthState(HealthThresholds.ofCapacities(config.ioBufferKb(), config.smapsBufferKb(),
                config.smapsRollupBufferKb()));
        toClose.add(stop);
        reads.ifPresent(r -> {
            // after every tick, as upstream: the largest single read of each kind, in whole KiB;
            // subscribed before the first update so that a tick in between is not missed
            toClose.add(0, source.subscribe(s -> updateBufferHealth(r)));
            updateBufferHealth(r);
        });
    }

    /** The headless source: the snapshot file of {@code -t} when set, else the live engine. */
    public static RunningSystem start(ExporterConfig config, Rules rules) {
        return config.testDataFile() != null ? startFile(config, rules)
                : startLive(config, rules, Optional.empty(), Sampler.EXPORTER_SMAPS_MAX_AGE);
    }

    /**
     * The desktop's live engine at {@code interval} (its own cadence), whatever {@code -t} says, with
     * the desktop's default age bound for PSS/USS when {@code smaps_max_age_seconds} is unset.
     */
    public static RunningSystem startLive(ExporterConfig config, Rules rules, Duration interval) {
        return startLive(config, rules, Optional.of(interval), Sampler.DESKTOP_SMAPS_MAX_AGE);
    }

    /** The live engine; at the config's {@code cache_ttl} unless {@code interval} says otherwise. */
    private static RunningSystem startLive(ExporterConfig config, Rules rules, Optional<Duration> interval,
            Duration smapsMaxAgeDefault) {
        Objects.requireNonNull(rules, "rules");
        requireProcFs(Path.of(config.procfs()));
        Sampler sampler = new Sampler(config, new RuleClassifier(rules.set(), config), smapsMaxAgeDefault);
        interval.ifPresent(sampler::setInterval);
        sampler.start();
        return new RunningSystem(config, rules, sampler.source(), Optional.of(new SamplerControl(sampler)),
                Optional.of(sampler.largestReads()), sampler::close);
    }

    private static RunningSystem startFile(ExporterConfig config, Rules rules) {
        SnapshotFileSource file;
        try {
            file = new SnapshotFileSource(Path.of(config.testDataFile()),
                    new ReplayFilter(config, new RuleClassifier(rules.set(), config)));
        } catch (SnapshotFileException e) {
            throw new StartupException(e.getMessage());
        }
        file.startPolling(TEST_DATA_POLL);
        return new RunningSystem(config, rules, file, Optional.empty(), Optional.empty(), file::close);
    }

    /**
     * A wrong {@code procfs} (a typo, an unmounted {@code /host/proc}) would otherwise give
     * successful collections of zero processes and a healthy {@code /health}: refuse it up front.
     */
    static void requireProcFs(Path procfs) {
        if (!Files.isDirectory(procfs)) {
            throw new StartupException("procfs " + procfs + " is not a directory");
        }
        if (!Files.isRegularFile(procfs.resolve("stat"))) {
            throw new StartupException("procfs " + procfs + " is not a proc filesystem (no " + procfs.resolve("stat")
                    + ")");
        }
    }

    /** One complete live (or file) pass: starts, takes the first snapshot, stops. */
    public static Optional<Snapshot> onePass(ExporterConfig config, Rules rules, Duration timeout) {
        try (RunningSystem system = start(config, rules)) {
            system.awaitFirstSnapshot(timeout);
            return system.source().latest();
        }
    }

    public SnapshotSource source() {
        return source;
    }

    public Rules rules() {
        return rules;
    }

    /** Cadence and pause of the live engine; empty for a snapshot file. */
    public Optional<LiveControl> live() {
        return live;
    }

    /**
     * Whether this process can read every process's {@code smaps_rollup} (root or
     * {@code CAP_SYS_PTRACE}) in the configured {@code procfs}; when false, others' PSS/USS are absent.
     */
    public boolean readsEveryProcess() {
        return new ProcFs(Path.of(config.procfs())).readsEveryProcess();
    }

    /** Waits (bounded) until the source has published once; false when it has not. */
    public boolean awaitFirstSnapshot(Duration timeout) {
        return awaitFirstSnapshot(source, timeout);
    }

    /** Waits (bounded) until {@code source} has published once; false when it has not. */
    @SuppressWarnings("try") // the subscription is held only to be closed: its body never names it
    public static boolean awaitFirstSnapshot(SnapshotSource source, Duration timeout) {
        if (source.latest().isPresent()) {
            return true;
        }
        CountDownLatch first = new CountDownLatch(1);
        try (AutoCloseable ignored = source.subscribe(s -> first.countDown())) {
            return source.latest().isPresent() || first.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return source.latest().isPresent();
        }
    }

    /**
     * The exporter server over this system: the config's bind and port, this build's version,
     * buffer health, {@code /subgroups} and {@code /snapshot}. Callers may still change bind and port.
     */
    public ExporterServer.Builder server() {
        byte[] subgroups = SubgroupReports.endpointBody(rules.set()).getBytes(StandardCharsets.UTF_8);
        return ExporterServer.builder(config, source)
                .version(Version.current())
                .health(health)
                .route("/subgroups", "text/plain; charset=utf-8", () -> subgroups)
                .snapshotRoute("/snapshot", SnapshotJsonWriter::toBytes);
    }

    /** Starts {@link #server()} on {@code bind}:{@code port}; the one-line ListenException when it cannot. */
    public ServedMetrics serve(String bind, int port) throws IOException {
        return new ServedMetrics(server().bind(bind).port(port).start());
    }

    private void updateBufferHealth(LargestReads reads) {
        health.updateIoBufferKb(kib(reads.ioBytes()));
        health.updateSmapsBufferKb(kib(reads.smapsBytes()));
        health.updateSmapsRollupBufferKb(kib(reads.rollupBytes()));
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    @Override
    public void close() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                // stopping is best effort: the rest must still stop
            }
        }
    }
}
