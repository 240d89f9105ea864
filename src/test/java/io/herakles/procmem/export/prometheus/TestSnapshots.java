package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.model.SystemSample;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Hand-made snapshots and a text rendering of the collector, for the exporter's tests. */
final class TestSnapshots {

    static final GroupKey DB = new GroupKey("db", "postgres");

    private TestSnapshots() {}

    static ProcessSample proc(int pid, String name, GroupKey group, long rss, Long pss, Long uss) {
        ProcessSample.Builder b = ProcessSample.builder(pid, name).group(group).rssBytes(rss)
                .cpuPercent(pid % 7).cpuTimeSeconds(pid * 1.5);
        if (pss != null) {
            b.pssBytes(pss);
        }
        if (uss != null) {
            b.ussBytes(uss);
        }
        return b.build();
    }

    static SystemSample system() {
        return new SystemSample(OptionalLong.of(8_000_000_000L), OptionalLong.of(2_000_000_000L), OptionalLong.of(0),
                OptionalLong.of(0), OptionalDouble.of(0.5), OptionalDouble.of(0.25), OptionalDouble.of(0.125),
                Map.of("cpu", 0.5, "cpu0", 0.25, "cpu1", 0.75), 2);
    }

    static CollectionStats stats(boolean success) {
        return new CollectionStats(0.25, 120, 2, 3, 100, 0, 5, success ? 0 : 1, 7, 9, success, success ? "" : "boom");
    }

    static Snapshot snapshot(List<ProcessSample> processes) {
        return new Snapshot(1, Instant.now(), "/proc", processes, system(), stats(true));
    }

    static SnapshotPublisher publisher(Snapshot s) {
        SnapshotPublisher p = new SnapshotPublisher();
        if (s != null) {
            p.publish(s);
        }
        return p;
    }

    static String scrape(Snapshot snapshot, ExporterConfig config) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new SnapshotCollector(publisher(snapshot), config, new ExporterTelemetry(), "test"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
