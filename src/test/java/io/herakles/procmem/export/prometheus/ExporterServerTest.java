package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.TestSnapshots.DB;
import static io.herakles.procmem.export.prometheus.TestSnapshots.proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.health.HealthThresholds;
import io.herakles.procmem.health.HealthState;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.testsupport.Poll;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExporterServerTest {

    static final ExporterConfig CONFIG = ExporterConfig.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private SnapshotPublisher publisher;
    private ExporterServer server;

    @BeforeEach
    void start() throws IOException {
        publisher = TestSnapshots.publisher(TestSnapshots.snapshot(List.of(proc(42, "postgres", DB, 3000, 2000L, 1000L))));
        server = ExporterServer.builder(CONFIG, publisher).bind("127.0.0.1").port(0).version("9.9.9")
                .route("/subgroups", "text/plain; charset=utf-8", () -> "SUBGROUPS".getBytes(StandardCharsets.UTF_8))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static HttpResponse<byte[]> send(ExporterServer s, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void metricsServesTheSnapshotAsPrometheusText() throws Exception {
        HttpResponse<byte[]> r = send(server, "GET", "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(body(r)).contains("herakles_proc_mem_uss_bytes{group=\"db\",name=\"postgres\",pid=\"42\",subgroup=\"postgres\"} 1000.0")
                .contains("herakles_exporter_build_info{version=\"9.9.9\"} 1");
    }

    @Test
    void metricsSpeaksOpenMetricsAndGzipWhenAsked() throws Exception {
        HttpResponse<byte[]> om = send(server, "GET", "/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
        assertThat(om.headers().firstValue("Content-Type").orElseThrow()).contains("openmetrics");
        assertThat(body(om)).endsWith("# EOF\n");
        HttpResponse<byte[]> gz = send(server, "GET", "/metrics", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("herakles_proc_mem_rss_bytes{");
    }

    @Test
    void pathsMatchExactly() throws Exception {
        for (String path : List.of("/metricsXYZ", "/metrics/x", "/", "/health/", "/nope", "/METRICS", "/subgroupsX")) {
            HttpResponse<byte[]> r = send(server, "GET", path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).isEmpty();
        }
        assertThat(send(server, "GET", "/metrics?name[]=herakles_proc_mem_rss_bytes").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "PATCH")) {
            HttpResponse<byte[]> r = send(server, method, "/metrics");
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
        HttpResponse<byte[]> head = send(server, "HEAD", "/metrics", "Accept-Encoding", "gzip");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(send(server, "HEAD", "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void configDocAndCallerRoutes() throws Exception {
        String config = body(send(server, "GET", "/config"));
        assertThat(config).startsWith("HERAKLES PROC MEM EXPORTER - CONFIGURATION\n" + "=".repeat(42) + "\n\n")
                .contains("\nport:                       9215\n")
                .contains("cache_ttl:                  30 seconds\n")
                .contains("tls_cert_path:              none\n")
                .contains("max_processes:              unlimited\n")
                .endsWith("\n\n" + TextPages.FOOTER);
        String doc = body(send(server, "GET", "/doc"));
        assertThat(doc).contains("VERSION: 9.9.9").contains("./herakles-proc-mem-exporter.{yaml,yml,json,toml}")
                .contains("~/.config/herakles/config.yaml").contains("/etc/herakles/config.yaml")
                .contains("/etc/herakles/proc-mem-exporter.").endsWith(TextPages.FOOTER);
        HttpResponse<byte[]> sub = send(server, "GET", "/subgroups");
        assertThat(body(sub)).isEqualTo("SUBGROUPS");
        assertThat(sub.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void healthTextHasUpstreamsStructure() throws Exception {
        send(server, "GET", "/metrics");
        // the /metrics call is counted after its answer is written, so the client may ask /health first
        String calledOnce = "\nmetrics_endpoint_calls     |      1       |";
        HttpResponse<byte[]> r = Poll.atMost(Duration.ofSeconds(10)).every(Duration.ofMillis(20)).until(
                "/health counting the /metrics call", () -> {
                    HttpResponse<byte[]> health = send(server, "GET", "/health");
                    return body(health).contains(calledOnce) ? Optional.of(health) : Optional.empty();
                });
        assertThat(r.statusCode()).isEqualTo(200);
        String text = body(r);
        assertThat(text).startsWith("OK\n\nHEALTH ENDPOINT - EXPORTER INTERNAL STATS\n" + "=".repeat(42) + "\n\n");
        for (String row : List.of("scanned_processes", "scan_duration (s)", "scan_success_rate (%)", "used_subgroups",
                "cache_update_duration (s)", "cache_hit_ratio (%)", "cache_size", "http_requests_last_minute",
                "avg_request_duration (ms)", "label_cardinality_total", "metrics_endpoint_calls",
                "exporter_memory_usage (MB)", "exporter_cpu_usage (%)")) {
            assertThat(text).contains("\n" + TextPages.left(row, 26) + " | ");
        }
        assertThat(text).contains("\nSCAN PERFORMANCE\n----------------\n")
                .contains("\nscanned_processes          |     120      |    120.0     |     120      |     120     \n")
                .contains("\nmetrics_endpoint_calls     |      1       |     N/A      |     N/A      |     N/A     \n")
                .contains("number of done scans: 5 | last scan: ")
                .contains("\nBUFFER HEALTH\n=============\n\n")
                .contains("\nio_buffer_kb              |          0 |          256 |         ok\n")
                .contains("\nOverall Buffer Status: ok\n\n")
                .endsWith(TextPages.FOOTER);
    }

    @Test
    void healthJsonCarriesBufferApiFields() throws Exception {
        for (HttpResponse<byte[]> r : List.of(send(server, "GET", "/health?format=json"),
                send(server, "GET", "/health", "Accept", "application/json"))) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode json = new ObjectMapper().readTree(r.body());
            assertThat(json.get("status").asText()).isEqualTo("ok");
            assertThat(json.get("snapshot").get("processes").asInt()).isEqualTo(1);
            assertThat(json.get("buffers").get(2).get("name").asText()).isEqualTo("smaps_rollup_buffer_kb");
            assertThat(json.get("overall_status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void healthIs503BeforeTheFirstSnapshotAndAfterAFailedOne() throws Exception {
        SnapshotPublisher empty = new SnapshotPublisher();
        try (ExporterServer s = ExporterServer.builder(CONFIG, empty).bind("127.0.0.1").port(0).start()) {
            HttpResponse<byte[]> r = send(s, "GET", "/health");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(body(r)).startsWith("Waiting for first collection\n\n");
            HttpResponse<byte[]> json = send(s, "GET", "/health?format=json");
            assertThat(json.statusCode()).isEqualTo(503);
            JsonNode node = new ObjectMapper().readTree(json.body());
            assertThat(node.get("status").asText()).isEqualTo("unavailable");
            assertThat(node.get("snapshot").isNull()).isTrue();
            assertThat(send(s, "GET", "/metrics").statusCode()).isEqualTo(200);
            empty.publish(new Snapshot(1, Instant.now(), "/proc", List.of(), TestSnapshots.system(), TestSnapshots.stats(false)));
            HttpResponse<byte[]> failed = send(s, "GET", "/health");
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(body(failed)).startsWith("Cache update failed: boom\n");
            empty.publish(TestSnapshots.snapshot(List.of()));
            assertThat(send(s, "GET", "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void healthCanBeDisabled() throws Exception {
        ExporterConfig noHealth = ExporterConfig.builder().build().toBuilder().build();
        ExporterConfig.Builder b = noHealth.toBuilder();
        b.enableHealth(false);
        try (ExporterServer s = ExporterServer.builder(b.build(), publisher).bind("127.0.0.1").port(0).start()) {
            assertThat(send(s, "GET", "/health").statusCode()).isEqualTo(404);
            assertThat(send(s, "GET", "/metrics").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void bufferHealthFromTheCallersState() throws Exception {
        HealthState health = new HealthState(HealthThresholds.ofCapacities(10, 10, 10));
        health.updateIoBufferKb(9);
        try (ExporterServer s = ExporterServer.builder(CONFIG, publisher).bind("127.0.0.1").port(0).health(health).start()) {
            String text = body(send(s, "GET", "/health"));
            assertThat(text).contains("\nio_buffer_kb              |          9 |           10 |       warn\n")
                    .contains("Overall Buffer Status: warn");
        }
    }

    @Test
    void portInUseIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> ExporterServer.builder(CONFIG, publisher).bind("127.0.0.1").port(port).start())
                    .isInstanceOf(ListenException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + port + ": address already in use");
        }
    }

    @Test
    void badBindAddressIsOneClearLine() {
        assertThatThrownBy(() -> ExporterServer.builder(CONFIG, publisher).bind("999.1.2.3").port(0).start())
                .isInstanceOf(ListenException.class)
                .hasMessageStartingWith("cannot listen on 999.1.2.3:0: ");
        assertThatThrownBy(() -> ExporterServer.builder(CONFIG, publisher).bind("127.0.0.1").port(70000).start())
                .isInstanceOf(ListenException.class)
                .hasMessage("cannot listen on 127.0.0.1:70000: port must be 0-65535");
    }

    @Test
    void duplicateRouteIsRefused() {
        assertThatThrownBy(() -> ExporterServer.builder(CONFIG, publisher).bind("127.0.0.1").port(0)
                .route("/metrics", "text/plain", () -> new byte[0]).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/metrics");
    }
}
