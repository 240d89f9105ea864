package io.herakles.procmem.cli;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.config.LoggingSetup;
import io.herakles.procmem.export.prometheus.ExporterServer;
import io.herakles.procmem.export.prometheus.ListenException;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.runtime.Rules;
import io.herakles.procmem.runtime.RunningSystem;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * {@code --exporter}: starts the one runtime composition ({@link RunningSystem}: rules → engine or
 * snapshot file → health → exporter server), waits for the first snapshot, serves until
 * SIGTERM/SIGINT ({@link GracefulStop}), then stops cleanly and exits 0 (upstream exits 0 too).
 * Loads no JavaFX class.
 */
final class ExporterMode {

    private static final Logger LOG = Logger.getLogger(ExporterMode.class.getName());
    private static final Duration FIRST_SNAPSHOT_WAIT = Duration.ofSeconds(60);

    private ExporterMode() {}

    /** Serves {@code config} (validated, logging already set up by {@link RootCommand#validConfig()}). */
    static int run(ExporterConfig config) {
        GracefulStop stop = GracefulStop.install();
        try {
            serveUntilStopped(config, stop);
            LoggingSetup.logDuringShutdown(LOG, "herakles-proc-mem stopped gracefully");
            return ExitCodes.OK;
        } finally {
            stop.finished();
        }
    }

    private static void serveUntilStopped(ExporterConfig config, GracefulStop stop) {
        try (RunningSystem system = RunningSystem.start(config, Rules.strict())) {
            SnapshotSource source = system.source();
            if (!system.awaitFirstSnapshot(FIRST_SNAPSHOT_WAIT)) {
                LOG.warning("no snapshot after " + FIRST_SNAPSHOT_WAIT.toSeconds() + " s; serving what there is");
            }
            try (ExporterServer server = system.server().start()) {
                LOG.info("herakles-proc-mem " + VersionProvider.version() + " serving " + server.scheme() + "://"
                        + server.address().getHostString() + ":" + server.port() + "/metrics from " + source.latest()
                                .map(s -> s.source()).orElse(config.procfs()));
                stop.await();
                LoggingSetup.logDuringShutdown(LOG, "stopping (signal received)");
            }
        } catch (ListenException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot start the exporter: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
