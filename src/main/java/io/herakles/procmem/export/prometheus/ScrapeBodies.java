package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.export.prometheus.SnapshotCollector.Bulk;
import io.herakles.procmem.export.prometheus.SnapshotCollector.PinnedScrape;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotListener;
import io.herakles.procmem.model.SnapshotSource;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The bodies of {@code /metrics}, each made of two parts: the bulk (the families of
 * {@link SnapshotCollector.Bulk}: per process, per group, top-N, system), encoded once per snapshot
 * and {@link ScrapeFormat} and then written unchanged to every scrape of that snapshot, and a small
 * per-scrape part (self-metrics such as snapshot age and uptime, the JVM's own metrics, and anything
 * else registered in the registry) encoded for each response. Each family lies wholly in one part,
 * so every family stays contiguous; the bulk's families come first, each part sorted by name as
 * client_java sorts a scrape. What a format's writer appends after the last family (OpenMetrics'
 * {@code # EOF}) is cut from the bulk, so it ends the body exactly once. Gzip bodies are one gzip
 * member: the bulk compressed once, the per-scrape part compressed per response
 * ({@link GzipSplice}).
 *
 * <p>Memory: the encodings of one snapshot at a time, at most one per cacheable format (in practice
 * text and OpenMetrics, each plain and gzip); they are dropped when a new snapshot is published
 * ({@link #onSnapshot}). An encoding is kept only after it has been completed, so a failed encoding
 * or a client that goes away mid-body leaves nothing half-made for the next scrape.
 *
 * <p>The per-scrape part is made again for each scrape, except that scrapes of the same snapshot in
 * the same format less than {@link #TAIL_REUSE_NANOS} apart share it: a Prometheus server scrapes
 * every few seconds and always gets fresh self-metrics, while a flood of clients (16 scraping back to
 * back made 3,400 scrapes a second) no longer makes each of them query the JVM's beans and encode
 * and compress the same few KB again, which was most of the heap a scrape allocated (about 60 % of
 * 94 KB in a JFR allocation profile) and made the young collections promote in-flight scrapes.
 *
 * <p>Thread-safe: concurrent first scrapes of a snapshot in one format encode it once (the others
 * wait for it); a scrape of a snapshot that has already been replaced encodes without keeping the
 * result.
 */
final class ScrapeBodies implements SnapshotListener {

    /** A response body: {@code bulk} then {@code perScrape}; neither array may be modified. */
    record Body(byte[] bulk, byte[] perScrape) {
        long length() {
            return (long) bulk.length + perScrape.length;
        }
    }

    /** A bulk encoded in one format: the bytes to write and, for gzip, what the tail's compression needs. */
    private record Encoded(byte[] bytes, GzipSplice.Head gzipHead) {}

    private static final Encoded NOTHING_PLAIN = new Encoded(new byte[0], null);
    private static final Encoded NOTHING_GZIP = new Encoded(GzipSplice.EMPTY.bytes(), GzipSplice.EMPTY);

    private final SnapshotCollector collector;
    private final PrometheusRegistry registry;
    private final SnapshotSource source;
    private final AtomicReference<Generation> current = new AtomicReference<>();
    /** The last per-scrape part made in each format (see the class comment). */
    private final Map<ScrapeFormat, RecentTail> recentTails = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    /** How long a per-scrape part is shared by later scrapes of the same snapshot: 250 ms. */
    static final long TAIL_REUSE_NANOS = 250_000_000L;

    private record RecentTail(Snapshot snapshot, long madeNanos, byte[] bytes) {}

    ScrapeBodies(SnapshotCollector collector, PrometheusRegistry registry, SnapshotSource source) {
        this(collector, registry, source, System::nanoTime);
    }

    /** With {@code nanoClock} for the per-scrape part's age (tests). */
    ScrapeBodies(SnapshotCollector collector, PrometheusRegistry registry, SnapshotSource source, LongSupplier nanoClock) {
        this.collector = Objects.requireNonNull(collector, "collector");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.source = Objects.requireNonNull(source, "source");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** The complete body of a scrape in {@code format}; only the per-scrape part is encoded now. */
    Body body(ScrapeFormat format) throws IOException {
        Optional<Bulk> bulk = collector.bulk();
        Encoded encoded = bulk.isEmpty() ? (format.gzip() ? NOTHING_GZIP : NOTHING_PLAIN)
                : generation(bulk.get()).encoded(format);
        Snapshot snapshot = bulk.map(Bulk::snapshot).orElse(null);
        long now = nanoClock.getAsLong();
        RecentTail recent = recentTails.get(format);
        if (snapshot != null && format.cacheable() && recent != null && recent.snapshot() == snapshot
                && now - recent.madeNanos() < TAIL_REUSE_NANOS) {
            return new Body(encoded.bytes(), recent.bytes());
        }
        MetricSnapshots perScrape = bulk.isPresent()
                ? registry.scrape(name -> !bulk.get().names().contains(name), new PinnedScrape(snapshot))
                : registry.scrape();
        byte[] tail = encode(format, perScrape);
        byte[] perScrapeBytes = format.gzip() ? GzipSplice.tail(encoded.gzipHead(), tail) : tail;
        if (snapshot != null && format.cacheable()) {
            recentTails.put(format, new RecentTail(snapshot, now, perScrapeBytes));
        }
        return new Body(encoded.bytes(), perScrapeBytes);
    }

    /** Drops the encodings of older snapshots as soon as a new one is published. */
    @Override
    public void onSnapshot(Snapshot snapshot) {
        recentTails.clear(); // they would keep the older snapshot reachable until the next scrape
        Generation g = current.get();
        if (g != null && g.bulk.snapshot() != snapshot) {
            current.compareAndSet(g, null);
        }
    }

    /** How many encodings are kept now (for tests). */
    int keptEncodings() {
        Generation g = current.get();
        return g == null ? 0 : (int) g.encodings.values().stream().filter(m -> m.peek() != null).count();
    }

    private Generation generation(Bulk bulk) {
        Generation g = current.get();
        if (g != null && g.bulk.snapshot() == bulk.snapshot()) {
            return g;
        }
        Generation fresh = new Generation(bulk);
        // keep it only while its snapshot is still the latest: a slow scrape of a replaced snapshot
        // must not evict the encodings of the newer one
        if (source.latest().orElse(null) == bulk.snapshot() && current.compareAndSet(g, fresh)) {
            return fresh;
        }
        Generation now = current.get();
        return now != null && now.bulk.snapshot() == bulk.snapshot() ? now : fresh;
    }

    private static byte[] encode(ScrapeFormat format, MetricSnapshots families) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        format.writer().write(out, families, format.escaping());
        return out.toByteArray();
    }

    /** The encodings of one snapshot's bulk, made on first request per format. */
    private static final class Generation {
        private final Bulk bulk;
        private final Map<ScrapeFormat, Memo> encodings = new ConcurrentHashMap<>();

        Generation(Bulk bulk) {
            this.bulk = bulk;
        }

        Encoded encoded(ScrapeFormat format) throws IOException {
            if (!format.cacheable()) {
                return encode(format);
            }
            try {
                return encodings.computeIfAbsent(format, f -> new Memo()).get(() -> encode(format));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private Encoded encode(ScrapeFormat format) {
            try {
                if (format.gzip()) {
                    GzipSplice.Head head = GzipSplice.head(plain(format.uncompressed()));
                    return new Encoded(head.bytes(), head);
                }
                return new Encoded(plain(format), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The uncompressed bulk: the kept one if this format is kept, else encoded now. */
        private byte[] plain(ScrapeFormat format) throws IOException {
            Memo kept = encodings.get(format);
            Encoded done = kept == null ? null : kept.peek();
            if (done != null) {
                return done.bytes();
            }
            byte[] all = ScrapeBodies.encode(format, new MetricSnapshots(bulk.families()));
            byte[] trailer = ScrapeBodies.encode(format, MetricSnapshots.of());
            int cut = all.length - trailer.length;
            if (cut < 0 || !Arrays.equals(all, cut, all.length, trailer, 0, trailer.length)) {
                throw new IllegalStateException(format.writer().getClass().getSimpleName()
                        + " did not end the bulk with its trailer");
            }
            return cut == all.length ? all : Arrays.copyOf(all, cut);
        }
    }

    /** A value computed at most once, unless computing it fails (then the next caller tries again). */
    private static final class Memo {
        private volatile Encoded value;

        Encoded peek() {
            return value;
        }

        synchronized Encoded get(Supplier<Encoded> compute) {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }
}
