package io.herakles.procmem.fleet;

import static io.herakles.procmem.fleet.CannedPrometheus.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herakles.procmem.remote.RemoteTarget;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fleet read from canned query answers, and every kind of wrong answer as one line. */
class FleetReaderTest {

    private final CannedPrometheus prom;
    private final FleetQueries q = FleetQueries.ALL;

    FleetReaderTest() throws Exception {
        prom = new CannedPrometheus();
    }

    @AfterEach
    void stop() {
        prom.close();
    }

    private Fleet read() throws Exception {
        return new FleetReader(new PrometheusClient(RemoteTarget.parse(prom.url()), Duration.ofSeconds(2)), q).read();
    }

    private void twoHosts() {
        prom.results.put(q.hosts(), "[" + series(120, "job", "herakles", "instance", "b:9215") + ","
                + series(40, "job", "herakles", "instance", "a:9215") + "]");
        prom.results.put(q.up(), "[" + series(1, "__name__", "up", "job", "herakles", "instance", "a:9215", "env", "prod")
                + "," + series(0, "__name__", "up", "job", "herakles", "instance", "b:9215") + ","
                + series(1, "__name__", "up", "job", "node", "instance", "c:9100") + "]");
        prom.results.put(q.memoryTotal(), "[" + series(16e9, "job", "herakles", "instance", "a:9215") + "]");
        prom.results.put(q.memoryAvailable(), "[" + series(6e9, "job", "herakles", "instance", "a:9215") + "]");
        prom.results.put(q.cpuCores(), "[" + series(1.25, "job", "herakles", "instance", "a:9215") + "]");
        prom.results.put(q.subgroups("uss"), "["
                + series(300, "job", "herakles", "instance", "a:9215", "group", "db", "subgroup", "postgres") + ","
                + series(700, "job", "herakles", "instance", "a:9215", "group", "web", "subgroup", "nginx") + ","
                + series(50, "job", "herakles", "instance", "b:9215", "group", "db", "subgroup", "redis") + "]");
        prom.results.put(q.subgroups("rss"), "["
                + series(900, "job", "herakles", "instance", "a:9215", "group", "web", "subgroup", "nginx") + "]");
        prom.results.put(q.grewMost("1h"), "["
                + series(4096, "job", "herakles", "instance", "a:9215", "group", "db", "subgroup", "postgres") + "]");
    }

    @Test
    void hostsJoinedByJobAndInstanceWithAbsentFiguresAbsent() throws Exception {
        twoHosts();
        Fleet fleet = read();
        assertThat(fleet.hosts()).extracting(Fleet.Host::instance).containsExactly("a:9215", "b:9215");
        Fleet.Host a = fleet.hosts().get(0);
        assertThat(a.up()).hasValue(1.0);
        assertThat(a.labels()).containsEntry("env", "prod").doesNotContainKey("__name__");
        assertThat(a.processes()).isEqualTo(40);
        assertThat(a.memoryTotal()).hasValue(16_000_000_000L);
        assertThat(a.memoryUsed()).hasValue(10_000_000_000L);
        assertThat(a.cpuCores()).hasValue(1.25);
        assertThat(a.subgroups()).extracting(Fleet.Subgroup::subgroup).containsExactly("nginx", "postgres");
        assertThat(a.total(Fleet.Kind.USS)).hasValue(1000);
        assertThat(a.total(Fleet.Kind.RSS)).hasValue(900);
        assertThat(a.total(Fleet.Kind.PSS)).isEmpty();
        assertThat(a.grew1h()).hasValue(new Fleet.Growth("db", "postgres", 4096));
        assertThat(a.grew24h()).isEmpty();

        Fleet.Host b = fleet.hosts().get(1);
        assertThat(b.up()).hasValue(0.0);
        assertThat(b.memoryTotal()).isEmpty();
        assertThat(b.memoryUsed()).isEmpty();
        assertThat(b.cpuCores()).isEmpty();
    }

    @Test
    void eachExporterIsWherePrometheusScrapesItAndGuessedWhereItDoesNotSay() throws Exception {
        twoHosts();
        assertThat(read().hosts()).extracting(Fleet.Host::exporterUrl).as("no targets endpoint: guessed")
                .containsExactly("http://a:9215", "http://b:9215");

        prom.activeTargets = "[" + CannedPrometheus.target("herakles", "a:9215", "https://a:9215/herakles/metrics?x=1")
                + "," + CannedPrometheus.target("node", "b:9215", "http://b:9100/metrics") + "]";
        Fleet fleet = read();

        assertThat(fleet.hosts()).extracting(Fleet.Host::exporterUrl)
                .as("a from its scrape URL; b's target is another job's").containsExactly("https://a:9215/herakles/", "http://b:9215");
        assertThat(new ObjectMapper().readTree(FleetReport.json(fleet, 1)).path("hosts").get(0).path("exporter_url")
                .asText()).isEqualTo("https://a:9215/herakles/");
    }

    @Test
    void theExporterBaseDropsTheMetricsSegmentAndTheQuery() {
        assertThat(Fleet.Host.exporterBase("https://db1:9215/metrics")).isEqualTo("https://db1:9215/");
        assertThat(Fleet.Host.exporterBase("http://h:1/x/metrics?a=b#c")).isEqualTo("http://h:1/x/");
        assertThat(Fleet.Host.exporterBase("http://h:1/probe")).isEqualTo("http://h:1/probe");
    }

    @Test
    void reportsForScriptsAndTerminals() throws Exception {
        twoHosts();
        Fleet fleet = read();
        JsonNode json = new ObjectMapper().readTree(FleetReport.json(fleet, 1));
        assertThat(json.path("hosts")).hasSize(2);
        JsonNode a = json.path("hosts").get(0);
        assertThat(a.path("instance").asText()).isEqualTo("a:9215");
        assertThat(a.path("uss_bytes").asLong()).isEqualTo(1000);
        assertThat(a.path("pss_bytes").isNull()).isTrue();
        assertThat(a.path("subgroups")).hasSize(1);
        assertThat(a.path("subgroup_count").asInt()).isEqualTo(2);
        assertThat(a.path("grew_most_1h").path("subgroup").asText()).isEqualTo("postgres");
        assertThat(json.path("hosts").get(1).path("memory_total_bytes").isNull()).isTrue();

        String text = FleetReport.text(fleet, 5);
        assertThat(text).contains("a:9215").contains("9.3 GiB / 14.9 GiB").contains("db/postgres +4.0 KiB")
                .contains("web/nginx").contains("NO");
    }

    @Test
    void aSelectorNarrowsEveryQuery() {
        FleetQueries prod = new FleetQueries("env=\"prod\"");
        assertThat(prod.hosts()).contains("herakles_proc_mem_processes{env=\"prod\"}[1h]");
        assertThat(prod.subgroups("pss")).contains("herakles_proc_mem_group_pss_bytes_sum{env=\"prod\"}");
        assertThat(prod.grewMost("24h")).contains("{env=\"prod\"}[24h]");
    }

    @Test
    void aPrometheusWithoutHeraklesMetricsSaysSo() {
        prom.results.put(q.up(), "[" + series(1, "job", "node", "instance", "c:9100") + "]");
        assertThatThrownBy(this::read).isInstanceOf(FleetException.class)
                .hasMessage("no herakles metrics found; is the exporter scraped?");
    }

    @Test
    void anHtmlPageIsNotPrometheus() {
        prom.rawContentType = "text/html; charset=utf-8";
        prom.rawReply = "<html><body>Welcome to nginx</body></html>";
        assertThatThrownBy(this::read).hasMessageContaining("answered HTTP 200 with text/html")
                .hasMessageContaining("is this a Prometheus URL?");
        prom.rawStatus = 502;
        assertThatThrownBy(this::read).hasMessageContaining("HTTP 502 with text/html");
    }

    @Test
    void jsonThatIsNotTheQueryApi() {
        prom.rawContentType = "application/json";
        prom.rawReply = "{\"hello\": \"world\"}";
        assertThatThrownBy(this::read).hasMessageContaining("not a Prometheus query API answer");
        prom.rawReply = "[1, 2";
        assertThatThrownBy(this::read).hasMessageContaining("invalid JSON");
    }

    @Test
    void errorsThePrometheusReports() {
        prom.rawContentType = "application/json";
        prom.rawStatus = 400;
        prom.rawReply = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}";
        assertThatThrownBy(this::read).hasMessageStartingWith("Prometheus refused the query (bad_data): parse error at char 5");
    }

    @Test
    void answersOfTheWrongShape() {
        prom.rawContentType = "application/json";
        prom.rawReply = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";
        assertThatThrownBy(this::read).hasMessageContaining("unexpected answer shape")
                .hasMessageContaining("resultType 'matrix'");
        prom.rawReply = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":5}]}}";
        assertThatThrownBy(this::read).hasMessageContaining("unexpected answer shape");
    }

    @Test
    void aSlowServerIsATimeoutAndNoServerIsUnreachable() throws Exception {
        prom.delayMillis = 4000;
        assertThatThrownBy(this::read).hasMessageContaining("did not answer within 2.0 s");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> new FleetReader(new PrometheusClient(RemoteTarget.parse("127.0.0.1:" + port)), q).read())
                .hasMessage("cannot reach Prometheus at 127.0.0.1:" + port + ": connection refused");
    }
}
