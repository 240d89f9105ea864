package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

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
     * update), the bulk of every scrape of it. The families themselves are held weakly: once
     * {@code /metrics} has encoded them ({@link ScrapeBodies}) nothing needs them until a scrape
     * asks for another format or filters by name, and at 1000 processes they are ~13,000 data
     * points (2-3 MiB of heap) that would otherwise stay for the snapshot's whole life. A request
     * that needs them after a collection converts the same snapshot again (deterministic: the
     * same families). Thread-safe.
     */
    static final class Bulk {
        private final Snapshot snapshot;
        private final Set<String> names;
        private final long labelValues;
        private final Function<Snapshot, List<MetricSnapshot>> conversion;
        private volatile WeakReference<List<MetricSnapshot>> families;

        private Bulk(Snapshot snapshot, List<MetricSnapshot> families, Function<Snapshot, List<MetricSnapshot>> conversion) {
            this.snapshot = snapshot;
            this.conversion = conversion;
            this.families = new WeakReference<>(families);
            Set<String> n = new HashSet<>();
            families.forEach(f -> n.add(f.getMetadata().getPrometheusName()));
            this.names = Set.copyOf(n);
            this.labelValues = SnapshotCollector.labelValues(families);
        }

        Snapshot snapshot() {
            return snapshot;
        }

        /** The families, converted again if a collection has dropped them. */
        List<MetricSnapshot> families() {
            List<MetricSnapshot> f = families.get();
            if (f == null) {
                f = conversion.apply(snapshot);
                families = new WeakReference<>(f);
            }
            return f;
        }

        /** Drops the families as a collection would (for tests of the conversion again). */
        void forgetFamilies() {
            families = new WeakReference<>(null);
        }

        /** Their Prometheus names, for telling them apart from the per-scrape families. */
        Set<String> names() {
            return names;
        }

        /** Label values over all their series (upstream's "label cardinality"). */
        long labelValues() {
            return labelValues;
        }
    }

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
        return collect(source.latest(), name -> true);
    }

    @Override
    public MetricSnapshots collect(PrometheusScrapeRequest request) {
        return collect(pinnedOrLatest(request), name -> true);
    }

    /** Leaves the bulk's families out when none of them is asked for (the per-scrape part of {@code /metrics}). */
    @Override
    public MetricSnapshots collect(Predicate<String> includedNames, PrometheusScrapeRequest request) {
        MetricSnapshots all = collect(pinnedOrLatest(request), includedNames);
        List<MetricSnapshot> kept = new ArrayList<>(all.size());
        all.forEach(f -> {
            if (includedNames.test(f.getMetadata().getPrometheusName())) {
                kept.add(f);
            }
        });
        return new MetricSnapshots(kept);
    }

    private Optional<Snapshot> pinnedOrLatest(PrometheusScrapeRequest request) {
        return request instanceof PinnedScrape pinned ? Optional.of(pinned.snapshot()) : source.latest();
    }

    private MetricSnapshots collect(Optional<Snapshot> latest, Predicate<String> includedNames) {
        long start = System.nanoTime();
        List<MetricSnapshot> out = new ArrayList<>(48);
        long bulkLabelValues = 0;
        if (latest.isPresent()) {
            Bulk bulk = convert(latest.get());
            if (bulk.names().stream().anyMatch(includedNames)) {
                out.addAll(bulk.families());
            }
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
        Bulk bulk = new Bulk(snapshot, bulkFamilies(snapshot), this::bulkFamilies);
        converted.set(bulk);
        return bulk;
    }

    private List<MetricSnapshot> bulkFamilies(Snapshot snapshot) {
        List<MetricSnapshot> out = new ArrayList<>(40);
        int exported = new ProcessFamilies(config).addAll(snapshot.processes(), out);
        addGauge(GaugeDefinition.PROCESSES, exported, out);
        SystemFamilies.addAll(snapshot.system(), out);
        addGauge(GaugeDefinition.CACHE_UPDATE_DURATION, snapshot.stats().durationSeconds(), out);
        addGauge(GaugeDefinition.CACHE_UPDATE_SUCCESS, snapshot.stats().success() ? 1 : 0, out);
        return List.copyOf(out);
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
