package io.herakles.procmem.cli;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.prometheus.ExporterServer;
import io.herakles.procmem.export.prometheus.ListenException;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.runtime.Rules;
import io.herakles.procmem.runtime.RunningSystem;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * {@code --exporter}: starts the one runtime composition ({@link RunningSystem}: rules → engine or
 * snapshot file → health → exporter server), waits for the first snapshot, serves until
 * SIGTERM/SIGINT, then stops cleanly and returns 0 (upstream exits 0 too). Loads no JavaFX class.
 */
final class ExporterMode {

    private static final Logger LOG = Logger.getLogger(ExporterMode.class.getName());
    private static final Duration FIRST_SNAPSHOT_WAIT = Duration.ofSeconds(60);

    private ExporterMode() {}

    /** Serves {@code config} (validated, logging already set up by {@link RootCommand#validConfig()}). */
    static int run(ExporterConfig config) {
        Rules rules = Rules.strict();
        CountDownLatch stop = new CountDownLatch(1);
        installSignalHandlers(stop);
        try (RunningSystem system = RunningSystem.start(config, rules)) {
            SnapshotSource source = system.source();
            if (!system.awaitFirstSnapshot(FIRST_SNAPSHOT_WAIT)) {
                LOG.warning("no snapshot after " + FIRST_SNAPSHOT_WAIT.toSeconds() + " s; serving what there is");
            }
            try (ExporterServer server = system.server().start()) {
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
