package io.herakles.procmem.cli;

import io.herakles.procmem.classify.RuleSet;
import io.herakles.procmem.classify.SubgroupReports;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.prometheus.ExporterServer;
import io.herakles.procmem.export.testdata.SnapshotJsonWriter;
import io.herakles.procmem.model.SnapshotSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The exporter server with the routes that need packages the exporter may not import. */
final class Exporters {

    private Exporters() {}

    static ExporterServer.Builder server(ExporterConfig config, SnapshotSource source, RuleSet rules) {
        byte[] subgroups = SubgroupReports.endpointBody(rules).getBytes(StandardCharsets.UTF_8);
        return ExporterServer.builder(config, source)
                .version(VersionProvider.version())
                .route("/subgroups", "text/plain; charset=utf-8", () -> subgroups)
                .route("/snapshot", "application/json", () -> snapshotJson(source));
    }

    private static byte[] snapshotJson(SnapshotSource source) {
        return source.latest().map(s -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            try {
                SnapshotJsonWriter.write(s, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }).orElse("{}".getBytes(StandardCharsets.UTF_8));
    }
}
