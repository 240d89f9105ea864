package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole {@code /metrics} scrape as one {@link MultiCollector}: converts the latest published
 * {@link Snapshot} into upstream's metric families (see {@link ProcessFamilies},
 * {@link SystemFamilies}) plus self-metrics ({@link SelfFamilies}). A scrape never reads
 * {@code /proc} and never waits for a collection: it serves whatever snapshot was published last,
 * and before the first one only what is known (uptime, build info, {@code cache_updating}).
 *
 * <p>Upstream's cache families keep their meaning: {@code cache_update_duration_seconds} and
 * {@code cache_update_success} describe the pass that produced the served snapshot;
 * {@code cache_updating} is always 0 because no scrape ever waits for an update.
 * {@code scrape_duration_seconds} is the full duration (conversion, encoding and writing) of the
 * previous complete {@code /metrics} response; on the very first scrape, the conversion time so far.
 *
 * <p>The families derived from a snapshot are built once per snapshot and shared by every scrape
 * of it (they are immutable); only the small self-metric families are built per scrape. This keeps
 * allocation per scrape low when several scrapers ask for a large snapshot at once.
 *
 * <p>Thread-safe: the shared conversion sits in an {@link AtomicReference}; two scrapes racing on a
 * new snapshot may both convert it, and either result is correct.
 */
public final class SnapshotCollector implements MultiCollector {

    private final SnapshotSource source;
    private final ExporterConfig config;
    private final ExporterTelemetry telemetry;
    private final String version;
    private final AtomicReference<Converted> converted = new AtomicReference<>();

    /** The snapshot-derived families of one snapshot, immutable. */
    private record Converted(Snapshot snapshot, List<MetricSnapshot> families) {}

    public SnapshotCollector(SnapshotSource source, ExporterConfig config, ExporterTelemetry telemetry, String version) {
        this.source = Objects.requireNonNull(source, "source");
        this.config = Objects.requireNonNull(config, "config");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.version = Objects.requireNonNull(version, "version");
    }

    @Override
    public MetricSnapshots collect() {
        long start = System.nanoTime();
        Optional<Snapshot> latest = source.latest();
        List<MetricSnapshot> out = new ArrayList<>(48);
        latest.ifPresent(s -> out.addAll(convert(s)));
        latest.ifPresent(s -> addPerScrapeFamilies(s, out));
        addGauge(MetricFamily.CACHE_UPDATING, 0, out);
        if (config.enableTelemetry()) {
            SelfFamilies.addAlways(telemetry.uptimeSeconds(), version, out);
        }
        double last = telemetry.lastMetricsSeconds();
        addGauge(MetricFamily.SCRAPE_DURATION, Double.isNaN(last) ? (System.nanoTime() - start) / 1e9 : last, out);
        telemetry.recordScrape(labelValues(out), latest.isPresent());
        return new MetricSnapshots(out);
    }

    private List<MetricSnapshot> convert(Snapshot snapshot) {
        Converted c = converted.get();
        if (c != null && c.snapshot() == snapshot) {
            return c.families();
        }
        List<MetricSnapshot> out = new ArrayList<>(40);
        int exported = new ProcessFamilies(config).addAll(snapshot.processes(), out);
        addGauge(MetricFamily.PROCESSES, exported, out);
        SystemFamilies.addAll(snapshot.system(), out);
        addGauge(MetricFamily.CACHE_UPDATE_DURATION, snapshot.stats().durationSeconds(), out);
        addGauge(MetricFamily.CACHE_UPDATE_SUCCESS, snapshot.stats().success() ? 1 : 0, out);
        List<MetricSnapshot> families = List.copyOf(out);
        converted.set(new Converted(snapshot, families));
        return families;
    }

    private void addPerScrapeFamilies(Snapshot snapshot, List<MetricSnapshot> out) {
        if (config.enableTelemetry()) {
            SelfFamilies.addSnapshotDerived(snapshot, telemetry.clock().instant(), out);
        }
    }

    private static void addGauge(MetricFamily f, double value, List<MetricSnapshot> out) {
        Family family = new Family(f);
        family.add(value);
        family.emitTo(out);
    }

    /** Upstream's "label cardinality": the number of label values over all exported series. */
    private static long labelValues(List<MetricSnapshot> families) {
        long n = 0;
        for (MetricSnapshot f : families) {
            for (DataPointSnapshot p : f.getDataPoints()) {
                n += p.getLabels().size();
            }
        }
        return n;
    }
}
