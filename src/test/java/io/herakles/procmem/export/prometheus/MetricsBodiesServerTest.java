package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.ExporterServerTest.body;
import static io.herakles.procmem.export.prometheus.ExporterServerTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.snapshot.SyntheticSnapshots;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.testsupport.Exposition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} served from kept bodies, over HTTP: exact lengths, HEAD, and clients that leave
 * early or ask for something unusual, none of which may spoil what the next scraper gets. A
 * synthetic snapshot of 3000 processes makes the body large enough (megabytes) that a client can
 * really leave in the middle of it.
 */
class MetricsBodiesServerTest {

    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";
    private static final ExporterConfig EVERY_PROCESS = everyProcess();

    private SnapshotPublisher publisher;
    private ExporterServer server;

    @BeforeEach
    void start() throws IOException {
        publisher = TestSnapshots.publisher(SyntheticSnapshots.generate(3000, 3));
        server = ExporterServer.builder(EVERY_PROCESS, publisher).bind("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void contentLengthIsExactAndHeadSendsHeadersOnly() throws Exception {
        HttpResponse<byte[]> plain = send(server, "GET", "/metrics");
        assertThat(plain.headers().firstValueAsLong("Content-Length")).hasValue(plain.body().length);
        HttpResponse<byte[]> gz = send(server, "GET", "/metrics", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValueAsLong("Content-Length")).hasValue(gz.body().length);
        assertThat(gz.body().length).isLessThan(plain.body().length / 3);
        ScrapeBodiesTest.assertSameExposition(new String(GzipSpliceTest.gunzip(gz.body()), StandardCharsets.UTF_8),
                body(plain));
        for (String encoding : List.of("identity", "gzip")) {
            HttpResponse<byte[]> head = send(server, "HEAD", "/metrics", "Accept-Encoding", encoding);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValueAsLong("Content-Length").orElseThrow()).as(encoding).isPositive();
        }
        assertThat(send(server, "GET", "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void clientsThatLeaveMidBodyDoNotSpoilTheNextScrape() throws Exception {
        String before = body(send(server, "GET", "/metrics"));
        assertThat(before.length()).isGreaterThan(1_000_000);
        for (String encoding : List.of("identity", "gzip")) {
            for (int i = 0; i < 3; i++) {
                leaveAfter(20_000, encoding);
            }
        }
        String after = body(send(server, "GET", "/metrics"));
        ScrapeBodiesTest.assertSameExposition(after, before);
        HttpResponse<byte[]> gz = send(server, "GET", "/metrics", "Accept-Encoding", "gzip");
        ScrapeBodiesTest.assertSameExposition(new String(GzipSpliceTest.gunzip(gz.body()), StandardCharsets.UTF_8),
                before);
    }

    @Test
    void gzipWithWeightZeroGetsPlainTextAndTheNextGzipClientGzip() throws Exception {
        HttpResponse<byte[]> refused = send(server, "GET", "/metrics", "Accept-Encoding", "gzip;q=0");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(body(refused)).startsWith("# HELP ");
        HttpResponse<byte[]> gz = send(server, "GET", "/metrics", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        ScrapeBodiesTest.assertSameExposition(new String(GzipSpliceTest.gunzip(gz.body()), StandardCharsets.UTF_8),
                body(refused));
    }

    @Test
    void anUnknownAcceptGetsTextAndTheNextOpenMetricsClientOpenMetrics() throws Exception {
        HttpResponse<byte[]> odd = send(server, "GET", "/metrics", "Accept", "application/x-nonsense;q=\"");
        assertThat(odd.statusCode()).isEqualTo(200);
        assertThat(odd.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        HttpResponse<byte[]> om = send(server, "GET", "/metrics", "Accept", OPENMETRICS, "Accept-Encoding", "gzip");
        assertThat(om.headers().firstValue("Content-Type").orElseThrow()).contains("openmetrics");
        String text = new String(GzipSpliceTest.gunzip(om.body()), StandardCharsets.UTF_8);
        assertThat(text).endsWith("# EOF\n");
        assertThat(text.indexOf("# EOF")).isEqualTo(text.length() - 6);
        ScrapeBodiesTest.assertFamiliesContiguous(text);
    }

    @Test
    void nameFiltersBypassTheKeptBodiesAndLeaveThemWhole() throws Exception {
        String full = body(send(server, "GET", "/metrics"));
        HttpResponse<byte[]> none = send(server, "GET", "/metrics?name[]=no_such_family");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(Exposition.parse(body(none)).samples()).isEmpty();
        HttpResponse<byte[]> one = send(server, "GET", "/metrics?name[]=herakles_proc_mem_processes");
        assertThat(Exposition.parse(body(one)).samples()).extracting(Exposition.Sample::name)
                .containsExactly("herakles_proc_mem_processes");
        ScrapeBodiesTest.assertSameExposition(body(send(server, "GET", "/metrics")), full);
    }

    /** Many scrapers of a large snapshot at once: each gets the whole body or a deliberate 503. */
    @Test
    void fiftyConcurrentScrapersGetWholeBodiesOr503() throws Exception {
        publisher.publish(SyntheticSnapshots.generate(3000, 4)); // all of them meet a snapshot not yet encoded
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<HttpResponse<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String encoding = i % 2 == 0 ? "gzip" : "identity";
                String accept = i % 3 == 0 ? OPENMETRICS : "text/plain";
                results.add(pool.submit(() -> send(server, "GET", "/metrics", "Accept-Encoding", encoding,
                        "Accept", accept)));
            }
            List<HttpResponse<byte[]>> answers = new ArrayList<>();
            for (Future<HttpResponse<byte[]>> f : results) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            int expectedSamples = Exposition.parse(body(send(server, "GET", "/metrics"))).samples().size();
            for (HttpResponse<byte[]> r : answers) {
                assertThat(r.statusCode()).isIn(200, 503);
                if (r.statusCode() == 200) {
                    byte[] bytes = r.headers().firstValue("Content-Encoding").isPresent()
                            ? GzipSpliceTest.gunzip(r.body()) : r.body();
                    int samples = Exposition.parse(new String(bytes, StandardCharsets.UTF_8)).samples().size();
                    assertThat(samples).isEqualTo(expectedSamples);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void promtoolAcceptsTheServedBody() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool not installed (CI installs it)");
        HttpResponse<byte[]> gz = send(server, "GET", "/metrics", "Accept-Encoding", "gzip");
        for (byte[] text : List.of(send(server, "GET", "/metrics").body(), GzipSpliceTest.gunzip(gz.body()))) {
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text);
            }
            String report;
            try (InputStream out = p.getInputStream()) {
                report = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // the five upstream group *_sum gauges are the only finding we keep on purpose (PromtoolCheckTest)
            assertThat(report.lines().filter(l -> !l.contains("_sum non-histogram")).toList()).isEmpty();
            assertThat(report.lines().count()).isEqualTo(5);
        }
    }

    private static ExporterConfig everyProcess() {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.topNOthers(100_000);
        return b.build();
    }

    /** Sends a GET, reads {@code bytes} of the answer, and closes the connection. */
    private void leaveAfter(int bytes, String encoding) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: " + encoding + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (got.size() < bytes) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
            }
            assertThat(got.toString(StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
        }
    }
}
