package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.TestSnapshots.DB;
import static io.herakles.procmem.export.prometheus.TestSnapshots.proc;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.snapshot.SyntheticSnapshots;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.testsupport.Exposition;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScrapeBodiesTest {

    private static final ExpositionFormats FORMATS = ExpositionFormats.init(PrometheusProperties.builder().build());
    private static final ScrapeFormat TEXT = ScrapeFormat.negotiate(FORMATS, null, null);
    private static final ScrapeFormat TEXT_GZIP = ScrapeFormat.negotiate(FORMATS, null, List.of("gzip"));
    private static final ScrapeFormat OPENMETRICS = ScrapeFormat.negotiate(FORMATS,
            "application/openmetrics-text; version=1.0.0", null);
    private static final ScrapeFormat OPENMETRICS_GZIP = ScrapeFormat.negotiate(FORMATS,
            "application/openmetrics-text; version=1.0.0", List.of("gzip"));
    /** Families whose values change from one scrape to the next. */
    private static final Predicate<String> CHANGES_PER_SCRAPE = name -> name.startsWith("jvm_")
            || name.startsWith("process_") || name.equals("herakles_exporter_uptime_seconds")
            || name.equals("herakles_exporter_snapshot_age_seconds")
            || name.equals("herakles_proc_mem_scrape_duration_seconds");

    private SnapshotPublisher publisher;
    private PrometheusRegistry registry;
    private ScrapeBodies bodies;
    private SnapshotCollector collector;

    @BeforeEach
    void setUp() {
        publisher = TestSnapshots.publisher(snapshot(1));
        registry = new PrometheusRegistry();
        ExporterConfig config = ExporterConfig.builder().build();
        collector = new SnapshotCollector(publisher, config, new ExporterTelemetry(), "1.2.3");
        registry.register(collector);
        bodies = new ScrapeBodies(collector, registry, publisher);
        publisher.subscribe(bodies);
    }

    private static Snapshot snapshot(int factor) {
        return TestSnapshots.snapshot(List.of(proc(42, "postgres", DB, 3000L * factor, 2000L, 1000L),
                proc(43, "we\"ird\\ na\nme", new GroupKey("web", "nginx"), 10, null, null),
                proc(44, "tool", GroupKey.OTHER, 500, 400L, 300L)));
    }

    @Test
    void laterScrapesOfASnapshotWriteTheSameBulkBytes() throws Exception {
        for (ScrapeFormat f : List.of(TEXT, TEXT_GZIP, OPENMETRICS, OPENMETRICS_GZIP)) {
            ScrapeBodies.Body first = bodies.body(f);
            ScrapeBodies.Body second = bodies.body(f);
            assertThat(second.bulk()).as(f.toString()).isSameAs(first.bulk());
            assertThat(first.perScrape()).as(f.toString()).isNotEmpty();
        }
        assertThat(bodies.keptEncodings()).isEqualTo(4);
    }

    @Test
    void theBodyHasWhatAnUncachedScrapeHasEachFamilyOnce() throws Exception {
        for (ScrapeFormat f : List.of(TEXT, OPENMETRICS)) {
            String served = text(bodies.body(f));
            String uncached = encode(f, registry.scrape());
            assertSameExposition(served, uncached);
            assertFamiliesContiguous(served);
        }
    }

    @Test
    void theBulkIsByteForByteAFreshEncodingOfTheSnapshotsFamilies() throws Exception {
        SnapshotCollector fresh = new SnapshotCollector(publisher, ExporterConfig.builder().build(),
                new ExporterTelemetry(), "1.2.3");
        MetricSnapshots bulk = new MetricSnapshots(fresh.bulk().orElseThrow().families());
        assertThat(bodies.body(TEXT).bulk()).isEqualTo(encodeBytes(TEXT, bulk));
        String om = encode(OPENMETRICS, bulk);
        assertThat(new String(bodies.body(OPENMETRICS).bulk(), StandardCharsets.UTF_8))
                .isEqualTo(om.substring(0, om.length() - "# EOF\n".length()));
    }

    @Test
    void familiesDroppedAfterEncodingAreConvertedAgainForAnotherFormat() throws Exception {
        byte[] text = bodies.body(TEXT).bulk();
        collector.bulk().orElseThrow().forgetFamilies(); // what a collection does once nothing holds them

        SnapshotCollector fresh = new SnapshotCollector(publisher, ExporterConfig.builder().build(),
                new ExporterTelemetry(), "1.2.3");
        String om = encode(OPENMETRICS, new MetricSnapshots(fresh.bulk().orElseThrow().families()));
        assertThat(new String(bodies.body(OPENMETRICS).bulk(), StandardCharsets.UTF_8))
                .isEqualTo(om.substring(0, om.length() - "# EOF\n".length()));
        assertThat(bodies.body(TEXT).bulk()).isSameAs(text);
        assertSameExposition(text(bodies.body(TEXT)), encode(TEXT, registry.scrape()));
    }

    /** Protobuf, when a scraper asks for it: length-delimited families, each family once. */
    @Test
    void protobufIsOneDelimitedMessagePerFamily() throws Exception {
        ScrapeFormat proto = ScrapeFormat.negotiate(FORMATS,
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited", null);
        assertThat(proto.writer().getContentType()).contains("protobuf");
        ScrapeBodies.Body body = bodies.body(proto);
        assertThat(bodies.body(proto).bulk()).isSameAs(body.bulk());
        byte[] all = GzipSpliceTest.concat(body.bulk(), body.perScrape());
        assertThat(delimitedMessages(all)).isEqualTo(registry.scrape().size());
    }

    /** Counts varint-length-prefixed messages that exactly fill {@code bytes}. */
    private static int delimitedMessages(byte[] bytes) {
        int at = 0;
        int messages = 0;
        while (at < bytes.length) {
            long length = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[at++];
                length |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            at += (int) length;
            messages++;
        }
        assertThat(at).isEqualTo(bytes.length);
        return messages;
    }

    @Test
    void openMetricsEndsWithExactlyOneEof() throws Exception {
        for (ScrapeFormat f : List.of(OPENMETRICS, OPENMETRICS_GZIP)) {
            String served = text(bodies.body(f));
            assertThat(served).endsWith("\n# EOF\n");
            assertThat(served.indexOf("# EOF")).isEqualTo(served.length() - "# EOF\n".length());
        }
    }

    @Test
    void gzipDecompressesToThePlainBody() throws Exception {
        ScrapeBodies.Body gz = bodies.body(TEXT_GZIP);
        String plain = text(bodies.body(TEXT));
        String unzipped = text(gz);
        assertThat(unzipped).startsWith(new String(bodies.body(TEXT).bulk(), StandardCharsets.UTF_8));
        assertSameExposition(unzipped, plain);
    }

    @Test
    void aNewSnapshotReplacesTheKeptBytes() throws Exception {
        ScrapeBodies.Body old = bodies.body(TEXT);
        assertThat(text(old)).contains("pid=\"42\",subgroup=\"postgres\"} 3000.0");
        publisher.publish(snapshot(2));
        assertThat(bodies.keptEncodings()).isZero();
        ScrapeBodies.Body renewed = bodies.body(TEXT);
        assertThat(renewed.bulk()).isNotSameAs(old.bulk());
        assertThat(text(renewed)).contains("pid=\"42\",subgroup=\"postgres\"} 6000.0").doesNotContain("} 3000.0");
        assertThat(bodies.keptEncodings()).isEqualTo(1);
    }

    @Test
    void scrapesWithinAQuarterSecondShareThePerScrapePartOfTheirFormatAndSnapshot() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        ScrapeBodies timed = new ScrapeBodies(collector, registry, publisher, nanos::get);
        publisher.subscribe(timed);
        ScrapeBodies.Body first = timed.body(TEXT_GZIP);
        nanos.addAndGet(ScrapeBodies.TAIL_REUSE_NANOS - 1);
        assertThat(timed.body(TEXT_GZIP).perScrape()).isSameAs(first.perScrape());
        assertThat(timed.body(TEXT).perScrape()).as("another format makes its own").isNotSameAs(first.perScrape());

        nanos.addAndGet(1);
        ScrapeBodies.Body later = timed.body(TEXT_GZIP);
        assertThat(later.perScrape()).as("a quarter second later it is made again").isNotSameAs(first.perScrape());
        assertThat(text(later)).contains("herakles_exporter_uptime_seconds");

        publisher.publish(snapshot(2));
        assertThat(timed.body(TEXT_GZIP).perScrape()).as("a new snapshot makes it again").isNotSameAs(later.perScrape());
    }

    @Test
    void beforeTheFirstSnapshotOnlyWhatIsKnownIsServed() throws Exception {
        SnapshotPublisher empty = TestSnapshots.publisher(null);
        PrometheusRegistry r = new PrometheusRegistry();
        SnapshotCollector c = new SnapshotCollector(empty, ExporterConfig.builder().build(), new ExporterTelemetry(), "x");
        r.register(c);
        ScrapeBodies b = new ScrapeBodies(c, r, empty);
        for (ScrapeFormat f : List.of(TEXT, TEXT_GZIP, OPENMETRICS_GZIP)) {
            String served = text(b.body(f));
            assertThat(served).contains("herakles_proc_mem_cache_updating 0").doesNotContain("rss_bytes");
        }
        assertThat(b.keptEncodings()).isZero();
    }

    /** At 3000 processes: the body is large, and still every scrape after the first reuses it. */
    @Test
    void aLargeSnapshotIsEncodedOnce() throws Exception {
        publisher.publish(SyntheticSnapshots.generate(3000, 11));
        ScrapeBodies.Body first = bodies.body(TEXT_GZIP);
        assertThat(first.bulk().length).isGreaterThan(50_000);
        assertThat(bodies.body(TEXT_GZIP).bulk()).isSameAs(first.bulk());
        assertSameExposition(text(first), encode(TEXT, registry.scrape()));
    }

    static String text(ScrapeBodies.Body body) throws IOException {
        byte[] all = GzipSpliceTest.concat(body.bulk(), body.perScrape());
        if (all.length > 1 && all[0] == 0x1f && all[1] == (byte) 0x8b) {
            all = GzipSpliceTest.gunzip(all);
        }
        return new String(all, StandardCharsets.UTF_8);
    }

    private static byte[] encodeBytes(ScrapeFormat f, MetricSnapshots families) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.writer().write(out, families, EscapingScheme.DEFAULT);
        return out.toByteArray();
    }

    private static String encode(ScrapeFormat f, MetricSnapshots families) throws IOException {
        return new String(encodeBytes(f, families), StandardCharsets.UTF_8);
    }

    /** Same families, HELP, TYPE and samples; values of the per-scrape families may differ. */
    static void assertSameExposition(String actual, String expected) {
        Exposition a = Exposition.parse(actual);
        Exposition e = Exposition.parse(expected);
        assertThat(a.help()).isEqualTo(e.help());
        assertThat(a.type()).isEqualTo(e.type());
        assertThat(stable(a)).containsExactlyInAnyOrderElementsOf(stable(e));
        assertThat(names(a)).isEqualTo(names(e));
    }

    private static List<Exposition.Sample> stable(Exposition x) {
        return x.samples().stream().filter(s -> !CHANGES_PER_SCRAPE.test(s.name())).toList();
    }

    private static Set<String> names(Exposition x) {
        Set<String> names = new HashSet<>();
        x.samples().forEach(s -> names.add(s.name()));
        return names;
    }

    /** Every {@code # TYPE} once, and no family's lines interrupted by another family's. */
    static void assertFamiliesContiguous(String text) {
        List<String> order = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                order.add(line.split(" ")[2]);
            } else if (!line.startsWith("#") && !line.isEmpty() && !order.isEmpty()) {
                String family = order.get(order.size() - 1);
                assertThat(line).as("a sample after # TYPE " + family).startsWith(family);
            }
        }
        assertThat(new HashSet<>(order)).hasSameSizeAs(order);
    }
}
