package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole {@code /metrics} scrape as one {@link MultiCollector}: converts the latest published
 * {@link Snapshot} into upstream's metric families (see {@link ProcessFamilies},
 * {@link SystemFamilies}) plus self-metrics ({@link SelfFamilies}) and the exporter's own JVM
 * ({@link JvmFamilies}, when {@code enable_default_collectors} is on). A scrape never reads a
 * monitored process's {@code /proc} files and never waits for a collection: it serves whatever snapshot was published last,
 * and before the first one only what is known (uptime, build info, {@code cache_updating}).
 *
 * <p>Upstream's cache families keep their meaning: {@code cache_update_duration_seconds} and
 * {@code cache_update_success} describe the pass that produced the served snapshot;
 * {@code cache_updating} is always 0 because no scrape ever waits for an update.
 * {@code scrape_duration_seconds} is the full duration (conversion, encoding and writing) of the
 * previous complete {@code /metrics} response; on the very first scrape, the conversion time so far.
 *
 * <p>The families derived from a snapshot alone (its {@link Bulk}) are built once per snapshot and
 * shared by every scrape of it (they are immutable); only the small self-metric and JVM families
 * are built per scrape. {@code /metrics} goes further and encodes the bulk once per snapshot and
 * format ({@link ScrapeBodies}).
 *
 * <p>Thread-safe: the shared conversion sits in an {@link AtomicReference}; two scrapes racing on a
 * new snapshot may both convert it, and either result is correct.
 */
public final class SnapshotCollector implements MultiCollector {

    private final SnapshotSource source;
    private final ExporterConfig config;
    private final ExporterTelemetry telemetry;
    private final String version;
    private final AtomicReference<Bulk> converted = new AtomicReference<>();

    /**
     * The families derived from one snapshot alone (per process, per group, top-N, system, cache
     * update), the bulk of every scrape of it; immutable.
     *
     * @param names       their Prometheus names, for telling them apart from the per-scrape families
     * @param labelValues label values over all their series (upstream's "label cardinality")
     */
    record Bulk(Snapshot snapshot, List<MetricSnapshot> families, Set<String> names, long labelValues) {}

    public SnapshotCollector(SnapshotSource source, ExporterConfig config, ExporterTelemetry telemetry, String version) {
        this.source = Objects.requireNonNull(source, "source");
        this.config = Objects.requireNonNull(config, "config");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.version = Objects.requireNonNull(version, "version");
    }

    /**
     * A scrape as of one given snapshot rather than the latest: {@code /metrics} encodes the
     * per-scrape families for the very snapshot whose bulk it serves, even when a newer one is
     * published meanwhile. Immutable.
     */
    record PinnedScrape(Snapshot snapshot) implements PrometheusScrapeRequest {
        @Override
        public String getRequestPath() {
            return "/metrics";
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    @Override
    public MetricSnapshots collect() {
        return collect(source.latest());
    }

    @Override
    public MetricSnapshots collect(PrometheusScrapeRequest request) {
        return collect(request instanceof PinnedScrape pinned ? Optional.of(pinned.snapshot()) : source.latest());
    }

    private MetricSnapshots collect(Optional<Snapshot> latest) {
        long start = System.nanoTime();
        List<MetricSnapshot> out = new ArrayList<>(48);
        long bulkLabelValues = 0;
        if (latest.isPresent()) {
            Bulk bulk = convert(latest.get());
            out.addAll(bulk.families());
            bulkLabelValues = bulk.labelValues();
        }
        int bulkEnd = out.size();
        latest.ifPresent(s -> addPerScrapeFamilies(s, out));
        addGauge(GaugeDefinition.CACHE_UPDATING, 0, out);
        if (config.enableTelemetry()) {
            SelfFamilies.addAlways(telemetry.uptimeSeconds(), version, out);
        }
        if (config.enableDefaultCollectors()) {
            JvmFamilies.addAll(out);
        }
        double last = telemetry.lastMetricsSeconds();
        addGauge(GaugeDefinition.SCRAPE_DURATION, Double.isNaN(last) ? (System.nanoTime() - start) / 1e9 : last, out);
        telemetry.recordScrape(bulkLabelValues + labelValues(out.subList(bulkEnd, out.size())), latest.isPresent());
        return new MetricSnapshots(out);
    }

    /**
     * The bulk of a scrape of the latest snapshot, converted once per snapshot; empty before the
     * first snapshot. {@link #collect()} returns these families plus the per-scrape ones.
     */
    Optional<Bulk> bulk() {
        return source.latest().map(this::convert);
    }

    private Bulk convert(Snapshot snapshot) {
        Bulk c = converted.get();
        if (c != null && c.snapshot() == snapshot) {
            return c;
        }
        List<MetricSnapshot> out = new ArrayList<>(40);
        int exported = new ProcessFamilies(config).addAll(snapshot.processes(), out);
        addGauge(GaugeDefinition.PROCESSES, exported, out);
        SystemFamilies.addAll(snapshot.system(), out);
        addGauge(GaugeDefinition.CACHE_UPDATE_DURATION, snapshot.stats().durationSeconds(), out);
        addGauge(GaugeDefinition.CACHE_UPDATE_SUCCESS, snapshot.stats().success() ? 1 : 0, out);
        Set<String> names = new HashSet<>();
        out.forEach(f -> names.add(f.getMetadata().getPrometheusName()));
        Bulk bulk = new Bulk(snapshot, List.copyOf(out), Set.copyOf(names), labelValues(out));
        converted.set(bulk);
        return bulk;
    }

    private void addPerScrapeFamilies(Snapshot snapshot, List<MetricSnapshot> out) {
        if (config.enableTelemetry()) {
            SelfFamilies.addSnapshotDerived(snapshot, telemetry.clock().instant(), out);
        }
    }

    private static void addGauge(GaugeDefinition f, double value, List<MetricSnapshot> out) {
        GaugeSamples family = new GaugeSamples(f);
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
