package io.herakles.procmem.cli;

import static io.herakles.procmem.cli.CliAssertions.assertFailsWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herakles.procmem.testsupport.Exposition;
import io.herakles.procmem.testsupport.Exposition.Sample;
import io.herakles.procmem.testsupport.HeraklesLauncher;
import io.herakles.procmem.testsupport.HttpProbe;
import io.herakles.procmem.testsupport.HttpProbe.Reply;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless exporter of the packaged jar: what it serves on every route, the metric families
 * and HELP texts of upstream, the exporter's own process among the series, promtool's verdict
 * on the real output, a busy port, SIGTERM, and that no JavaFX class is loaded. One exporter JVM
 * for all of it (each launch costs about a second on the CI machine).
 */
class CliExporterIT {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    /** Upstream's families with HELP verbatim; {@code _processes_total} is {@code _processes} here (docs/UPSTREAM.md#u2-process-count-gauge-renamed). */
    static final Map<String, String> UPSTREAM_HELP = upstreamHelp();

    @TempDir
    Path dir;

    @Test
    void servesUpstreamFamiliesRoutesAndStopsGracefully() throws Exception {
        HeraklesLauncher herakles = new HeraklesLauncher(dir).jvmArg("-verbose:class");
        try (ExporterChild exporter = ExporterChild.start(herakles, "--cache-ttl", "1")) {
            // CPU ratios need two readings of /proc/stat, so wait for the second collection
            Exposition metrics = exporter.awaitMetrics(e -> !e.samples("herakles_system_cpu_usage_ratio").isEmpty()
                    && e.find("herakles_proc_mem_uss_bytes", "pid", Long.toString(exporter.pid())).isPresent(),
                    Duration.ofSeconds(60), "CPU usage ratio and own process");
            assertUpstreamFamilies(metrics);
            assertOwnProcess(metrics, exporter.pid());
            assertPromtoolAccepts(exporter.get("/metrics").body());
            assertRoutes(exporter);
            assertSecondExporterOnSamePortFails(herakles, exporter.port());

            int code = exporter.running().terminate(30);
            assertThat(code).as(exporter.diagnostics()).isZero();
            String stderr = exporter.running().stderr();
            assertThat(stderr).contains("stopped gracefully").doesNotContain("Exception").doesNotContain("\tat ");
            String classes = exporter.running().stdout();
            assertThat(classes).as("-verbose:class output").contains("io.herakles.procmem.cli.ExporterMode");
            assertThat(classes.lines().filter(l -> l.contains("javafx.") || l.contains("com.sun.javafx")).toList())
                    .as("JavaFX classes loaded by the headless exporter").isEmpty();
        }
    }

    private static void assertUpstreamFamilies(Exposition metrics) {
        for (Map.Entry<String, String> family : UPSTREAM_HELP.entrySet()) {
            assertThat(metrics.help()).as("HELP of " + family.getKey()).containsEntry(family.getKey(), family.getValue());
            assertThat(metrics.type()).as("TYPE of " + family.getKey()).containsEntry(family.getKey(), "gauge");
            assertThat(metrics.samples(family.getKey())).as("samples of " + family.getKey()).isNotEmpty();
        }
        assertThat(metrics.help()).doesNotContainKey("herakles_proc_mem_processes_total");
        // our self-metrics are on by default (--disable-telemetry removes them, see CliTestDataIT)
        assertThat(metrics.help()).containsKeys("herakles_exporter_collections_total", "herakles_exporter_snapshot_age_seconds");
        // and the exporter JVM's own metrics (--disable-default-collectors removes them)
        assertThat(metrics.help()).containsKeys("jvm_memory_used_bytes", "process_cpu_seconds_total");
        assertThat(metrics.value("herakles_proc_mem_cache_update_success")).hasValue(1.0);
        assertThat(metrics.value("herakles_proc_mem_processes")).hasValueSatisfying(v -> assertThat(v).isPositive());
        Set<String> cpus = metrics.samples("herakles_system_cpu_usage_ratio").stream().map(s -> s.label("cpu"))
                .collect(Collectors.toSet());
        assertThat(cpus).contains("cpu", "cpu0"); // upstream: the /proc/stat line's first token
        metrics.samples("herakles_system_cpu_usage_ratio").forEach(s -> assertThat(s.value()).isBetween(0.0, 1.0));
        assertThat(metrics.value("herakles_system_memory_used_ratio")).hasValueSatisfying(v -> assertThat(v).isBetween(0.0, 1.0));
        // Top-N series carry a rank 1..N (top_n_subgroup defaults to 3)
        metrics.samples("herakles_proc_mem_top_uss_bytes").forEach(s -> assertThat(s.label("rank")).isIn("1", "2", "3",
                "4", "5", "6", "7", "8", "9", "10"));
    }

    private static void assertOwnProcess(Exposition metrics, long pid) {
        String p = Long.toString(pid);
        Sample rss = metrics.find("herakles_proc_mem_rss_bytes", "pid", p).orElseThrow();
        Sample pss = metrics.find("herakles_proc_mem_pss_bytes", "pid", p).orElseThrow();
        Sample uss = metrics.find("herakles_proc_mem_uss_bytes", "pid", p).orElseThrow();
        assertThat(rss.labels().keySet()).containsExactlyInAnyOrder("pid", "name", "group", "subgroup");
        assertThat(rss.label("name")).isEqualTo("java");
        assertThat(rss.value()).isGreaterThan(1 << 20);
        assertThat(uss.value()).isPositive().isLessThanOrEqualTo(pss.value());
        assertThat(pss.value()).isLessThanOrEqualTo(rss.value());
        assertThat(metrics.find("herakles_proc_mem_cpu_time_seconds", "pid", p)).isPresent();
    }

    /** promtool may only object to upstream's five {@code group_*_sum} names (kept for dashboard parity). */
    private static void assertPromtoolAccepts(String text) throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed (CI installs it)");
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            try (InputStream out = p.getInputStream()) {
                out.transferTo(report);
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        List<String> findings = report.toString(StandardCharsets.UTF_8).lines().sorted().toList();
        assertThat(findings).as("promtool check metrics").containsExactly(
                sumFinding("cpu_percent"), sumFinding("cpu_time_seconds"), sumFinding("pss_bytes"),
                sumFinding("rss_bytes"), sumFinding("uss_bytes"));
    }

    private static String sumFinding(String what) {
        return "herakles_proc_mem_group_" + what + "_sum non-histogram and non-summary metrics should not have \"_sum\" suffix";
    }

    private static void assertRoutes(ExporterChild exporter) throws Exception {
        Reply metrics = exporter.get("/metrics");
        assertThat(metrics.contentType()).startsWith("text/plain");

        Reply unknown = exporter.get("/metricsXYZ");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEmpty();
        assertThat(exporter.get("/nothing-here").status()).isEqualTo(404);
        assertThat(HttpProbe.post(exporter.port(), "/metrics", "x").status()).isEqualTo(405);

        Reply health = exporter.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.contentType()).startsWith("text/plain");
        assertThat(health.body()).startsWith("OK").contains("HEALTH ENDPOINT - EXPORTER INTERNAL STATS", "BUFFER HEALTH");

        Reply healthJson = exporter.get("/health?format=json");
        assertThat(healthJson.status()).isEqualTo(200);
        assertThat(healthJson.contentType()).startsWith("application/json");
        assertThat(new ObjectMapper().readTree(healthJson.body()).path("status").asText()).isEqualTo("ok");

        Reply subgroups = exporter.get("/subgroups");
        assertThat(subgroups.status()).isEqualTo(200);
        assertThat(subgroups.body()).contains("SUBGROUPS", "GROUP: db", "postgres");

        Reply config = exporter.get("/config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("CONFIGURATION", "127.0.0.1", Integer.toString(exporter.port()), "1 seconds");

        Reply doc = exporter.get("/doc");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body()).contains("VERSION", "/metrics", "herakles_proc_mem_uss_bytes");

        Reply snapshot = exporter.get("/snapshot");
        assertThat(snapshot.status()).isEqualTo(200);
        assertThat(snapshot.contentType()).startsWith("application/json");
        JsonNode json = new ObjectMapper().readTree(snapshot.body());
        assertThat(json.path("processes").isArray()).isTrue();
        assertThat(json.path("processes").findValuesAsText("pid")).contains(Long.toString(exporter.pid()));
    }

    private void assertSecondExporterOnSamePortFails(HeraklesLauncher herakles, int port) throws Exception {
        HeraklesLauncher plain = new HeraklesLauncher(dir);
        var second = plain.run("--exporter", "--bind", "127.0.0.1", "-p", Integer.toString(port));
        String line = assertFailsWithOneLine(second, 1, "127.0.0.1:" + port);
        assertThat(line).containsIgnoringCase("in use");
    }

    private static Map<String, String> upstreamHelp() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("herakles_proc_mem_rss_bytes", "Resident Set Size per process in bytes");
        m.put("herakles_proc_mem_pss_bytes", "Proportional Set Size per process in bytes");
        m.put("herakles_proc_mem_uss_bytes", "Unique Set Size per process in bytes");
        m.put("herakles_proc_mem_cpu_percent", "CPU usage per process in percent (delta over last scan)");
        m.put("herakles_proc_mem_cpu_time_seconds", "Total CPU time used per process");
        m.put("herakles_proc_mem_group_rss_bytes_sum", "Sum of RSS bytes per subgroup");
        m.put("herakles_proc_mem_group_pss_bytes_sum", "Sum of PSS bytes per subgroup");
        m.put("herakles_proc_mem_group_uss_bytes_sum", "Sum of USS bytes per subgroup");
        m.put("herakles_proc_mem_group_cpu_percent_sum", "Sum of CPU percent per subgroup");
        m.put("herakles_proc_mem_group_cpu_time_seconds_sum", "Sum of CPU time seconds per subgroup");
        m.put("herakles_proc_mem_top_rss_bytes", "Top-N RSS per subgroup");
        m.put("herakles_proc_mem_top_pss_bytes", "Top-N PSS per subgroup");
        m.put("herakles_proc_mem_top_uss_bytes", "Top-N USS per subgroup");
        m.put("herakles_proc_mem_top_cpu_percent", "Top-N CPU percent per subgroup");
        m.put("herakles_proc_mem_top_cpu_time_seconds", "Top-N CPU time seconds per subgroup");
        m.put("herakles_proc_mem_top_cpu_percent_of_subgroup", "Top-N CPU time as percentage of subgroup total CPU time");
        m.put("herakles_proc_mem_top_rss_percent_of_subgroup", "Top-N RSS as percentage of subgroup total RSS");
        m.put("herakles_proc_mem_top_pss_percent_of_subgroup", "Top-N PSS as percentage of subgroup total PSS");
        m.put("herakles_proc_mem_top_uss_percent_of_subgroup", "Top-N USS as percentage of subgroup total USS");
        m.put("herakles_system_memory_total_bytes", "Total system memory in bytes (MemTotal from /proc/meminfo)");
        m.put("herakles_system_memory_available_bytes", "Available system memory in bytes (MemAvailable from /proc/meminfo)");
        m.put("herakles_system_memory_used_ratio",
                "Memory used ratio: 1 - (available_bytes / total_bytes), value between 0.0 and 1.0");
        m.put("herakles_system_cpu_usage_ratio", "CPU usage ratio per core and total, calculated from /proc/stat deltas");
        m.put("herakles_system_load1", "System load average over 1 minute");
        m.put("herakles_system_load5", "System load average over 5 minutes");
        m.put("herakles_system_load15", "System load average over 15 minutes");
        m.put("herakles_proc_mem_scrape_duration_seconds", "Time spent serving /metrics request (reading from cache)");
        m.put("herakles_proc_mem_processes", "Number of processes currently exported by herakles-proc-mem-exporter");
        m.put("herakles_proc_mem_cache_update_duration_seconds", "Time spent updating the process metrics cache in background");
        m.put("herakles_proc_mem_cache_update_success", "Whether the last cache update was successful (1) or failed (0)");
        m.put("herakles_proc_mem_cache_updating", "Whether cache update is currently in progress (1) or idle (0)");
        return Map.copyOf(m);
    }
}
