package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.TextPages.center;
import static io.herakles.procmem.export.prometheus.TextPages.fmt;
import static io.herakles.procmem.export.prometheus.TextPages.left;
import static io.herakles.procmem.export.prometheus.TextPages.repeat;
import static io.herakles.procmem.export.prometheus.TextPages.right;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.health.BufferHealth;
import io.herakles.procmem.health.HealthResponse;
import io.herakles.procmem.health.HealthState;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The {@code /health} page: upstream's plain-text layout or a JSON form. Healthy (200)
 * whenever the served snapshot came from a successful collection, also while the next one runs
 * (upstream flipped to 503 during every update; docs/UPSTREAM.md#u7-health-stays-200-during-a-collection); 503 before the first snapshot or when
 * the last collection failed. Thread-safe: reads only thread-safe sources.
 */
final class HealthPage {

    /**
     * Made on the first JSON request, not with the page: a mapper loads some 350 Jackson classes
     * (about 2 MiB of class metadata) that an exporter only scraped for {@code /metrics} never needs.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A rendered page with its HTTP status. */
    record Page(int status, String body) {}

    private final SnapshotSource source;
    private final ScanStatistics scans;
    private final ExporterTelemetry telemetry;
    private final HealthState buffers;

    HealthPage(SnapshotSource source, ScanStatistics scans, ExporterTelemetry telemetry, HealthState buffers) {
        this.source = source;
        this.scans = scans;
        this.telemetry = telemetry;
        this.buffers = buffers;
    }

    int status() {
        Optional<Snapshot> s = source.latest();
        return s.isPresent() && s.get().stats().success() ? 200 : 503;
    }

    private String message() {
        Optional<Snapshot> s = source.latest();
        if (s.isEmpty()) {
            return "Waiting for first collection";
        }
        return s.get().stats().success() ? "OK" : "Cache update failed: " + s.get().stats().error();
    }

    Page text() {
        source.latest().ifPresent(scans::onSnapshot);
        StringBuilder sb = new StringBuilder();
        sb.append(message()).append("\n\n");
        appendStats(sb);
        sb.append("\n\n");
        appendBuffers(sb, buffers.getHealth());
        sb.append("\n\n").append(TextPages.FOOTER);
        return new Page(status(), sb.toString());
    }

    private void appendStats(StringBuilder sb) {
        sb.append("HEALTH ENDPOINT - EXPORTER INTERNAL STATS\n").append(repeat('=', 42)).append("\n\n");
        sb.append(row("", "current", "average", "max", "min")).append('\n');
        section(sb, "SCAN PERFORMANCE");
        sb.append(counts("scanned_processes", scans.scannedProcesses.read()));
        sb.append(decimals("scan_duration (s)", scans.scanDurationSeconds.read(), "%.3f"));
        sb.append(same("scan_success_rate (%)", successRate()));
        sb.append(counts("used_subgroups", scans.usedSubgroups.read()));
        section(sb, "CACHE PERFORMANCE");
        sb.append(decimals("cache_update_duration (s)", scans.publishLatencySeconds.read(), "%.3f"));
        sb.append(same("cache_hit_ratio (%)", telemetry.snapshotHitPercent()));
        sb.append(counts("cache_size", scans.snapshotProcesses.read()));
        section(sb, "HTTP SERVER");
        sb.append(row("http_requests_last_minute", Integer.toString(telemetry.requestsLastMinute()), "N/A", "N/A", "N/A"))
                .append('\n');
        sb.append(decimals("avg_request_duration (ms)", telemetry.metricsDurationMillis(), "%.1f"));
        sb.append(counts("label_cardinality_total", telemetry.labelCardinality()));
        sb.append(row("metrics_endpoint_calls", Long.toString(telemetry.metricsCalls()), "N/A", "N/A", "N/A"))
                .append('\n');
        section(sb, "EXPORTER RESOURCES");
        sb.append(decimals("exporter_memory_usage (MB)", scans.memoryMb.read(), "%.1f"));
        sb.append(decimals("exporter_cpu_usage (%)", scans.cpuPercent.read(), "%.1f"));
        Snapshot latest = source.latest().orElse(null);
        sb.append('\n').append(fmt("number of done scans: %d | last scan: %s | uptime: %.1fh",
                latest == null ? 0 : latest.stats().ticks(),
                latest == null ? "N/A" : HMS.format(latest.takenAt()),
                telemetry.uptimeSeconds() / 3600.0));
    }

    private double successRate() {
        Optional<Snapshot> s = source.latest();
        if (s.isEmpty() || s.get().stats().ticks() == 0) {
            return 100.0;
        }
        long ticks = s.get().stats().ticks();
        return 100.0 * (ticks - s.get().stats().failedTicks()) / ticks;
    }

    private static void section(StringBuilder sb, String title) {
        sb.append('\n').append(title).append('\n').append(repeat('-', title.length())).append('\n');
    }

    private static String row(String name, String current, String average, String max, String min) {
        return left(name, 26) + " | " + center(current, 12) + " | " + center(average, 12) + " | "
                + center(max, 12) + " | " + center(min, 12);
    }

    private static String counts(String name, RunningStat.Reading r) {
        return row(name, fmt("%.0f", r.last()), fmt("%.1f", r.average()), fmt("%.0f", r.max()), fmt("%.0f", r.min()))
                + "\n";
    }

    private static String decimals(String name, RunningStat.Reading r, String pattern) {
        return row(name, fmt(pattern, r.last()), fmt(pattern, r.average()), fmt(pattern, r.max()), fmt(pattern, r.min()))
                + "\n";
    }

    private static String same(String name, double value) {
        String v = fmt("%.1f", value);
        return row(name, v, v, v, v) + "\n";
    }

    private static void appendBuffers(StringBuilder sb, HealthResponse health) {
        sb.append("BUFFER HEALTH\n").append(repeat('=', 13)).append("\n\n");
        sb.append(left("Buffer", 25)).append(" | ").append(right("Usage (KB)", 10)).append(" | ")
                .append(right("Capacity (KB)", 12)).append(" | ").append(right("Status", 10)).append('\n');
        sb.append(repeat('-', 66)).append('\n');
        for (BufferHealth b : health.buffers()) {
            sb.append(left(b.name(), 25)).append(" | ").append(right(Long.toString(b.currentKb()), 10)).append(" | ")
                    .append(right(Long.toString(b.capacityKb()), 12)).append(" | ")
                    .append(right(b.status().label(), 10)).append('\n');
        }
        sb.append('\n').append("Overall Buffer Status: ").append(health.overallStatus().label());
    }

    /**
     * JSON form: {@code status}, {@code message}, the served snapshot's summary, the table rows as
     * {@code {current, average, max, min}} objects, and upstream's buffer API fields
     * {@code buffers} and {@code overall_status}.
     */
    Page json() {
        source.latest().ifPresent(scans::onSnapshot);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("status", status() == 200 ? "ok" : "unavailable");
        root.put("message", message());
        Snapshot latest = source.latest().orElse(null);
        if (latest == null) {
            root.putNull("snapshot");
        } else {
            ObjectNode s = root.putObject("snapshot");
            s.put("sequence", latest.sequence());
            s.put("taken_at", latest.takenAt().toString());
            s.put("age_seconds", Math.max(0, Duration.between(latest.takenAt(), telemetry.clock().instant()).toMillis() / 1000.0));
            s.put("source", latest.source());
            s.put("processes", latest.processes().size());
            s.put("collections", latest.stats().ticks());
            s.put("failed_collections", latest.stats().failedTicks());
        }
        ObjectNode stats = root.putObject("stats");
        put(stats, "scanned_processes", scans.scannedProcesses.read());
        put(stats, "scan_duration_seconds", scans.scanDurationSeconds.read());
        put(stats, "used_subgroups", scans.usedSubgroups.read());
        put(stats, "cache_update_duration_seconds", scans.publishLatencySeconds.read());
        put(stats, "cache_size", scans.snapshotProcesses.read());
        put(stats, "request_duration_ms", telemetry.metricsDurationMillis());
        put(stats, "label_cardinality_total", telemetry.labelCardinality());
        put(stats, "exporter_memory_usage_mb", scans.memoryMb.read());
        put(stats, "exporter_cpu_usage_percent", scans.cpuPercent.read());
        root.put("scan_success_rate_percent", successRate());
        root.put("cache_hit_ratio_percent", telemetry.snapshotHitPercent());
        root.put("http_requests_last_minute", telemetry.requestsLastMinute());
        root.put("metrics_endpoint_calls", telemetry.metricsCalls());
        root.put("uptime_seconds", telemetry.uptimeSeconds());
        ObjectNode bufferHealth = Json.MAPPER.valueToTree(buffers.getHealth());
        root.set("buffers", bufferHealth.get("buffers"));
        root.set("overall_status", bufferHealth.get("overall_status"));
        try {
            return new Page(status(), Json.MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise health page", e);
        }
    }

    private static void put(ObjectNode parent, String name, RunningStat.Reading r) {
        ObjectNode o = parent.putObject(name);
        o.put("current", r.last());
        o.put("average", r.average());
        o.put("max", r.max());
        o.put("min", r.min());
    }
}
