package io.herakles.procmem.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * A real Prometheus server for end-to-end tests: its own temp directory (config and TSDB),
 * listening on 127.0.0.1 at a free port, scraping the given targets every second. Always
 * {@link #close()} it (try-with-resources): the process is killed and the directory deleted.
 *
 * <pre>{@code
 * try (PrometheusServerFixture prom = PrometheusServerFixture.builder().target("127.0.0.1:" + port).start()) {
 *     double v = prom.awaitValue("herakles_proc_mem_uss_bytes{pid=\"42\"}", Duration.ofSeconds(60));
 * }
 * }</pre>
 *
 * The binary is {@code /usr/bin/prometheus} unless the system property {@code prometheus.binary}
 * or the environment variable {@code PROMETHEUS_BINARY} names another; {@link #available()} says
 * whether it exists (CI installs it). Not thread-safe; one test thread uses it.
 */
public final class PrometheusServerFixture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final Path dir;
    private final int port;

    private PrometheusServerFixture(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The Prometheus binary this fixture runs. */
    public static Path binary() {
        String p = System.getProperty("prometheus.binary", System.getenv("PROMETHEUS_BINARY"));
        return Path.of(p == null || p.isBlank() ? "/usr/bin/prometheus" : p);
    }

    public static boolean available() {
        return Files.isExecutable(binary());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Prometheus's own port on 127.0.0.1. */
    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Runs an instant query; returns the {@code data.result} array. */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        URI uri = baseUri().resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode root = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !"success".equals(root.path("status").asText())) {
            throw new IOException("query " + promql + " failed: HTTP " + r.statusCode() + " " + r.body());
        }
        return root.path("data").path("result");
    }

    /** The value of the first series an instant query returns, absent when it returns none. */
    public OptionalDouble queryValue(String promql) throws IOException, InterruptedException {
        JsonNode result = query(promql);
        if (!result.isArray() || result.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(result.get(0).path("value").get(1).asText()));
    }

    /** Polls {@code promql} every 500 ms until it returns a series; fails after {@code timeout}. */
    public double awaitValue(String promql, Duration timeout) throws InterruptedException {
        return Poll.atMost(timeout).every(Duration.ofMillis(500)).until("result for " + promql, () -> {
            assertAlive();
            OptionalDouble v = queryValue(promql);
            return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
        }, () -> "targets: " + targets() + "\nprometheus log:\n" + log());
    }

    /** The {@code /api/v1/targets} answer (scrape health and last error of each target), for diagnostics. */
    public String targets() {
        try {
            return HTTP.send(HttpRequest.newBuilder(baseUri().resolve("/api/v1/targets")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "unavailable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The last 4 KiB of Prometheus's log. */
    public String log() {
        try {
            String all = Files.readString(dir.resolve("prometheus.log"), StandardCharsets.UTF_8);
            return all.length() > 4096 ? all.substring(all.length() - 4096) : all;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("prometheus exited with " + process.exitValue() + "\n" + log());
        }
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
        deleteTree(dir);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** What to scrape and how; defaults: plain HTTP, {@code /metrics}, every second. */
    public static final class Builder {
        private final List<String> targets = new ArrayList<>();
        private String scheme = "http";
        private String metricsPath = "/metrics";
        private boolean insecureSkipVerify;
        private String basicAuthUser;
        private String basicAuthPassword;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {}

        /** {@code host:port} to scrape, e.g. {@code 127.0.0.1:9215}. */
        public Builder target(String hostPort) {
            targets.add(hostPort);
            return this;
        }

        /** {@code http} or {@code https}. */
        public Builder scheme(String scheme) {
            this.scheme = scheme;
            return this;
        }

        public Builder metricsPath(String path) {
            this.metricsPath = path;
            return this;
        }

        /** For HTTPS targets with a self-signed test certificate. */
        public Builder insecureSkipVerify() {
            this.insecureSkipVerify = true;
            return this;
        }

        public Builder basicAuth(String user, String password) {
            this.basicAuthUser = user;
            this.basicAuthPassword = password;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Starts Prometheus and waits (bounded) until {@code /-/ready} answers 200. */
        public PrometheusServerFixture start() throws IOException, InterruptedException {
            if (targets.isEmpty()) {
                throw new IllegalStateException("no scrape target");
            }
            Path dir = Files.createTempDirectory("herakles-prometheus-");
            int port = freePort();
            Files.writeString(dir.resolve("prometheus.yml"), config(), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(binary().toString(),
                    "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=info")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("prometheus.log").toFile())
                    .start();
            PrometheusServerFixture fixture = new PrometheusServerFixture(process, dir, port);
            try {
                awaitReady(fixture);
                return fixture;
            } catch (InterruptedException | RuntimeException | AssertionError e) {
                fixture.close();
                throw e;
            }
        }

        private void awaitReady(PrometheusServerFixture f) throws InterruptedException {
            HttpRequest ready = HttpRequest.newBuilder(f.baseUri().resolve("/-/ready")).timeout(Duration.ofSeconds(5))
                    .GET().build();
            Poll.atMost(startTimeout).every(Duration.ofMillis(250)).untilTrue("ready prometheus", () -> {
                f.assertAlive();
                return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            }, f::log);
        }

        private String config() {
            StringBuilder sb = new StringBuilder();
            sb.append("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n");
            sb.append("scrape_configs:\n  - job_name: herakles\n");
            sb.append("    scheme: ").append(scheme).append('\n');
            sb.append("    metrics_path: ").append(quote(metricsPath)).append('\n');
            if (insecureSkipVerify) {
                sb.append("    tls_config:\n      insecure_skip_verify: true\n");
            }
            Optional.ofNullable(basicAuthUser).ifPresent(u -> sb.append("    basic_auth:\n      username: ")
                    .append(quote(u)).append("\n      password: ").append(quote(basicAuthPassword)).append('\n'));
            sb.append("    static_configs:\n      - targets:\n");
            for (String t : targets) {
                sb.append("          - ").append(quote(t)).append('\n');
            }
            return sb.toString();
        }

        private static String quote(String s) {
            return "'" + s.replace("'", "''") + "'";
        }
    }
}
