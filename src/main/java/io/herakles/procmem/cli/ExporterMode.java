package io.herakles.procmem.cli;

import io.herakles.procmem.classify.RuleSet;
import io.herakles.procmem.collect.LargestReads;
import io.herakles.procmem.health.AppConfig;
import io.herakles.procmem.health.HealthState;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.prometheus.ExporterServer;
import io.herakles.procmem.export.prometheus.ListenException;
import io.herakles.procmem.model.SnapshotSource;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * {@code --exporter}: the headless composition root. Wires rules → engine (or a snapshot file) →
 * exporter server, waits for the first snapshot, serves until SIGTERM/SIGINT, then stops cleanly and
 * returns 0 (upstream exits 0 too). Loads no JavaFX class.
 */
final class ExporterMode {

    private static final Logger LOG = Logger.getLogger(ExporterMode.class.getName());
    private static final Duration FIRST_SNAPSHOT_WAIT = Duration.ofSeconds(60);

    private ExporterMode() {}

    /** Serves {@code config} (validated, logging already set up by {@link RootCommand#validConfig()}). */
    static int run(ExporterConfig config, PrintStream err) {
        RuleSet rules = Engines.loadRules();
        CountDownLatch stop = new CountDownLatch(1);
        installSignalHandlers(stop);
        try (Engines.Running engine = Engines.start(config, rules)) {
            SnapshotSource source = engine.source();
            if (!Engines.awaitFirstSnapshot(source, FIRST_SNAPSHOT_WAIT)) {
                LOG.warning("no snapshot after " + FIRST_SNAPSHOT_WAIT.toSeconds() + " s; serving what there is");
            }
            HealthState health = new HealthState(AppConfig.ofCapacities(config.ioBufferKb(), config.smapsBufferKb(),
                    config.smapsRollupBufferKb()));
            engine.largestReads().ifPresent(reads -> {
                // after every tick, as upstream: the largest single read of each kind, in whole KiB
                updateBufferHealth(health, reads);
                source.subscribe(s -> updateBufferHealth(health, reads));
            });
            try (ExporterServer server = Exporters.server(config, source, rules).health(health).start()) {
                LOG.info("herakles-proc-mem " + VersionProvider.version() + " serving " + server.scheme() + "://"
                        + server.address().getHostString() + ":" + server.port() + "/metrics from " + source.latest()
                                .map(s -> s.source()).orElse(config.procfs()));
                stop.await();
                LOG.info("stopping (signal received)");
            }
        } catch (ListenException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot start the exporter: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("herakles-proc-mem stopped gracefully");
        return ExitCodes.OK;
    }

    static void updateBufferHealth(HealthState health, LargestReads reads) {
        health.updateIoBufferKb(kib(reads.ioBytes()));
        health.updateSmapsBufferKb(kib(reads.smapsBytes()));
        health.updateSmapsRollupBufferKb(kib(reads.rollupBytes()));
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    /** SIGTERM/SIGINT end the wait; the JVM then exits 0 after closing the server and the sampler. */
    private static void installSignalHandlers(CountDownLatch stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.countDown());
            } catch (IllegalArgumentException e) {
                // signal not available on this platform: the JVM's default handling stays
            }
        }
    }
}
