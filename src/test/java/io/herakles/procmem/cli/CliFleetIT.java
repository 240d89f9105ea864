package io.herakles.procmem.cli;

import static io.herakles.procmem.cli.CliAssertions.assertFailsWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herakles.procmem.testsupport.HeraklesLauncher.Result;
import io.herakles.procmem.testsupport.PrometheusServerFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fleet end to end: three packaged exporters on 127.0.0.1, each serving its own snapshot file
 * ({@code -t}) as one "host", scraped by a real Prometheus server; {@code fleet --format json}
 * shows three hosts whose subgroup totals are exactly the sums of their files (grouped as each
 * exporter classified them, read from its {@code /snapshot}), and their system memory.
 */
class CliFleetIT extends LauncherTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] NAMES = {
        {"postgres", "nginx", "java", "sshd"},
        {"redis-server", "mysqld", "bash", "python3", "node"},
        {"dockerd", "containerd", "prometheus"}};

    private Path file(int host) throws Exception {
        StringBuilder json = new StringBuilder("{\"version\": \"1.0\", \"generated_at\": \"2026-12-01T10:00:00Z\",")
                .append(" \"system\": {\"mem_total\": ").append((host + 1) * 8L << 30).append(", \"mem_available\": ")
                .append((host + 1) * 3L << 30).append("}, \"processes\": [");
        String[] names = NAMES[host];
        for (int i = 0; i < names.length; i++) {
            long uss = (host + 1) * 1_000_000L + i * 12_345L;
            json.append(i == 0 ? "" : ",").append("{\"pid\": ").append(100 * (host + 1) + i).append(", \"name\": \"")
                    .append(names[i]).append("\", \"group\": \"other\", \"subgroup\": \"other\", \"rss\": ").append(uss * 3)
                    .append(", \"pss\": ").append(uss * 2).append(", \"uss\": ").append(uss)
                    .append(", \"cpu_percent\": 0.5, \"cpu_time_seconds\": 1.0}");
        }
        return Files.writeString(dir.resolve("host" + host + ".json"), json.append("]}\n").toString(),
                StandardCharsets.UTF_8);
    }

    /** USS per "group/subgroup" as the exporter classified its file (its /snapshot). */
    private static Map<String, Long> ussBySubgroup(ExporterChild exporter) throws Exception {
        JsonNode snapshot = JSON.readTree(exporter.get("/snapshot").body());
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode p : snapshot.path("processes")) {
            out.merge(p.path("group").asText() + "/" + p.path("subgroup").asText(), p.path("uss").asLong(), Long::sum);
        }
        return out;
    }

    @Test
    void threeExportersScrapedByPrometheusAreThreeHostsWithTheirFilesSums() throws Exception {
        assumeTrue(PrometheusServerFixture.available(), "prometheus not installed (CI installs it)");
        List<ExporterChild> exporters = new ArrayList<>();
        try {
            for (int h = 0; h < NAMES.length; h++) {
                exporters.add(ExporterChild.start(herakles, "-t", file(h).toString()));
            }
            PrometheusServerFixture.Builder b = PrometheusServerFixture.builder();
            exporters.forEach(e -> b.target("127.0.0.1:" + e.port()));
            try (PrometheusServerFixture prom = b.start()) {
                prom.awaitValue("count(herakles_proc_mem_processes) == 3", Duration.ofSeconds(90));
                prom.awaitValue("count(herakles_system_memory_available_bytes) == 3", Duration.ofSeconds(30));
                String url = "http://127.0.0.1:" + prom.port();

                Result r = herakles.run("fleet", "--prometheus", url, "--format", "json", "--top", "1000");
                assertThat(r.exitCode()).as(r.describe()).isZero();
                JsonNode hosts = JSON.readTree(r.stdout()).path("hosts");
                assertThat(hosts).hasSize(3);
                for (int h = 0; h < exporters.size(); h++) {
                    ExporterChild e = exporters.get(h);
                    JsonNode host = find(hosts, "127.0.0.1:" + e.port());
                    Map<String, Long> shown = new TreeMap<>();
                    for (JsonNode s : host.path("subgroups")) {
                        shown.put(s.path("group").asText() + "/" + s.path("subgroup").asText(), s.path("uss_bytes").asLong());
                    }
                    assertThat(shown).as("host %d subgroups", h).isEqualTo(ussBySubgroup(e));
                    long fileSum = 0;
                    for (int i = 0; i < NAMES[h].length; i++) {
                        fileSum += (h + 1) * 1_000_000L + i * 12_345L;
                    }
                    assertThat(host.path("uss_bytes").asLong()).isEqualTo(fileSum);
                    assertThat(host.path("pss_bytes").asLong()).isEqualTo(2 * fileSum);
                    assertThat(host.path("rss_bytes").asLong()).isEqualTo(3 * fileSum);
                    assertThat(host.path("processes").asInt()).isEqualTo(NAMES[h].length);
                    assertThat(host.path("up").asDouble()).isEqualTo(1.0);
                    assertThat(host.path("exporter_url").asText()).as("from the real /api/v1/targets")
                            .isEqualTo("http://127.0.0.1:" + e.port() + "/");
                    assertThat(host.path("memory_total_bytes").asLong()).isEqualTo((h + 1) * 8L << 30);
                    assertThat(host.path("memory_used_bytes").asLong()).isEqualTo((h + 1) * 5L << 30);
                }

                // the desktop's host trend: a range query the real server answers with a matrix
                String instance0 = "127.0.0.1:" + exporters.get(0).port();
                java.time.Instant now = java.time.Instant.now();
                List<io.herakles.procmem.fleet.Fleet.Point> trend = new io.herakles.procmem.fleet.PrometheusClient(
                        io.herakles.procmem.remote.RemoteTarget.parse(url)).range(
                        io.herakles.procmem.fleet.FleetQueries.hostMemoryUsed(find(hosts, instance0).path("job").asText(),
                                instance0), now.minus(Duration.ofMinutes(5)), now, Duration.ofSeconds(5));
                assertThat(trend).isNotEmpty();
                assertThat(trend.get(trend.size() - 1).value()).isEqualTo((double) (5L << 30));

                Result text = herakles.run("fleet", "--prometheus", url, "--top", "2");
                assertThat(text.exitCode()).as(text.describe()).isZero();
                assertThat(text.stdout()).contains("INSTANCE").contains("127.0.0.1:" + exporters.get(2).port());

                Result none = herakles.run("fleet", "--prometheus", url, "--selector", "job=\"nobody\"");
                assertFailsWithOneLine(none, 1, "no herakles metrics found; is the exporter scraped?");

                Result notPrometheus = herakles.run("fleet", "--prometheus", "http://127.0.0.1:" + exporters.get(0).port());
                assertFailsWithOneLine(notPrometheus, 1, "not the Prometheus query API");
            }
        } finally {
            exporters.forEach(ExporterChild::close);
        }
    }

    private static JsonNode find(JsonNode hosts, String instance) {
        for (JsonNode h : hosts) {
            if (h.path("instance").asText().equals(instance)) {
                return h;
            }
        }
        throw new AssertionError("no host " + instance + " in " + hosts);
    }
}
