package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.Snapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Our self-metrics, served when {@code enable_telemetry} is on (upstream documents
 * "internal exporter_* metrics" for that flag but has none):
 * <ul>
 *   <li>{@code herakles_exporter_collection_duration_seconds} (gauge): wall time of the collection
 *       pass that produced the served snapshot;</li>
 *   <li>{@code herakles_exporter_processes_scanned} (gauge): {@code /proc} pid entries that pass listed;</li>
 *   <li>{@code herakles_exporter_collections_total}, {@code herakles_exporter_collection_failures_total}
 *       (counters): passes and failed passes since start;</li>
 *   <li>{@code herakles_exporter_processes_vanished_total} (counter): processes that exited while
 *       being read, since start;</li>
 *   <li>{@code herakles_exporter_processes_permission_denied_total} (counter): processes whose
 *       {@code smaps_rollup} was unreadable (PSS/USS absent), summed over passes since start;</li>
 *   <li>{@code herakles_exporter_snapshot_age_seconds} (gauge): now minus the served snapshot's time;</li>
 *   <li>{@code herakles_exporter_uptime_seconds} (gauge): seconds since the exporter started
 *       (replaces upstream's {@code uptime_in_seconds} label);</li>
 *   <li>{@code herakles_exporter_build_info{version}} (info).</li>
 * </ul>
 * Snapshot-derived ones are absent before the first snapshot. Stateless.
 */
final class SelfFamilies {

    private SelfFamilies() {}

    static void addSnapshotDerived(Snapshot snapshot, Instant now, List<MetricSnapshot> out) {
        CollectionStats s = snapshot.stats();
        gauge("herakles_exporter_collection_duration_seconds",
                "Wall time of the collection pass that produced the served snapshot, seconds", s.durationSeconds(), out);
        gauge("herakles_exporter_processes_scanned",
                "Process entries listed in /proc by the collection pass that produced the served snapshot",
                s.pidsSeen(), out);
        counter("herakles_exporter_collections", "Collection passes since the exporter started", s.ticks(), out);
        counter("herakles_exporter_collection_failures", "Failed collection passes since the exporter started",
                s.failedTicks(), out);
        counter("herakles_exporter_processes_vanished",
                "Processes that exited while being read, since the exporter started", s.vanishedTotal(), out);
        counter("herakles_exporter_processes_permission_denied",
                "Processes whose smaps_rollup was unreadable (PSS/USS absent), summed over collection passes",
                s.permissionDeniedTotal(), out);
        double age = Math.max(0, Duration.between(snapshot.takenAt(), now).toNanos() / 1e9);
        gauge("herakles_exporter_snapshot_age_seconds",
                "Seconds since the served snapshot was taken", age, out);
    }

    static void addAlways(double uptimeSeconds, String version, List<MetricSnapshot> out) {
        gauge("herakles_exporter_uptime_seconds", "Seconds since the exporter started", uptimeSeconds, out);
        out.add(InfoSnapshot.builder().name("herakles_exporter_build").help("Exporter build information")
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of("version", version)).build())
                .build());
    }

    private static void gauge(String name, String help, double value, List<MetricSnapshot> out) {
        out.add(GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build());
    }

    private static void counter(String name, String help, double value, List<MetricSnapshot> out) {
        out.add(CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build());
    }
}
