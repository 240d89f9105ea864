package io.herakles.procmem.cli;

import io.herakles.procmem.classify.RuleSet;
import io.herakles.procmem.classify.SubgroupReports;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.prometheus.ExporterServer;
import io.herakles.procmem.export.testdata.SnapshotJsonWriter;
import io.herakles.procmem.model.SnapshotSource;
import java.nio.charset.StandardCharsets;

/** The exporter server with the routes that need packages the exporter may not import. */
final class Exporters {

    private static final byte[] NO_SNAPSHOT = "{}".getBytes(StandardCharsets.UTF_8);

    private Exporters() {}

    /** A server builder for {@code config} over {@code source}, with {@code /subgroups} and {@code /snapshot}. */
    static ExporterServer.Builder server(ExporterConfig config, SnapshotSource source, RuleSet rules) {
        byte[] subgroups = SubgroupReports.endpointBody(rules).getBytes(StandardCharsets.UTF_8);
        return ExporterServer.builder(config, source)
                .version(VersionProvider.version())
                .route("/subgroups", "text/plain; charset=utf-8", () -> subgroups)
                .route("/snapshot", "application/json",
                        () -> source.latest().map(SnapshotJsonWriter::toBytes).orElse(NO_SNAPSHOT));
    }
}
