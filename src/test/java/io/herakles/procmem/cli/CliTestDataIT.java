package io.herakles.procmem.cli;

import static io.herakles.procmem.cli.CliAssertions.assertFailsWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herakles.procmem.testsupport.Exposition;
import io.herakles.procmem.testsupport.Exposition.Sample;
import io.herakles.procmem.testsupport.HeraklesLauncher.Result;
import io.herakles.procmem.testsupport.HttpProbe;
import io.herakles.procmem.testsupport.HttpProbe.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Test-data mode ({@code -t FILE}, upstream's test-data mode) of the packaged exporter: every process of the
 * file is served with exactly its values, a malformed file stops the start-up with one line, a bad
 * live edit keeps the last good data and shows in {@code /health}, a good edit recovers, and a
 * {@code /snapshot} download loads back with {@code -t}.
 */
class CliTestDataIT extends LauncherTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);
    private static final List<String> PER_PROCESS = List.of("herakles_proc_mem_rss_bytes", "herakles_proc_mem_pss_bytes",
            "herakles_proc_mem_uss_bytes", "herakles_proc_mem_cpu_percent", "herakles_proc_mem_cpu_time_seconds");

    /** Names a label escaper must get right; "postgres" is classified by name (the file's group is ignored). */
    private static final String AWKWARD = """
            {"version": "1.0", "generated_at": "2025-12-01T10:00:00Z", "processes": [
              {"pid": 1000, "name": "postgres", "group": "wrong", "subgroup": "wrong",
               "rss": 536870912, "pss": 469762048, "uss": 402653184, "cpu_percent": 2.5, "cpu_time_seconds": 1234.5},
              {"pid": 1001, "name": "we\\"ird\\\\name\\nx", "group": "other", "subgroup": "other",
               "rss": 20971520, "pss": 18874368, "uss": 14680064, "cpu_percent": 0.0, "cpu_time_seconds": 12.0},
              {"pid": 1002, "name": "it's {a,b}=c", "group": "other", "subgroup": "other",
               "rss": 3, "pss": 2, "uss": 1, "cpu_percent": 99.75, "cpu_time_seconds": 0.25},
              {"pid": 1003, "name": "ünïcødé ✓", "group": "other", "subgroup": "other",
               "rss": 9007199254740992, "pss": 4096, "uss": 0, "cpu_percent": 250.5, "cpu_time_seconds": 86400.125}
            ]}
            """;


    @Test
    void generatedDataIsServedExactly() throws Exception {
        Result gen = herakles.run("generate-testdata", "-o", "gen.json", "--seed", "7", "--min-per-subgroup", "1",
                "--others-count", "5");
        assertThat(gen.exitCode()).as(gen.describe()).isZero();
        JsonNode file = JSON.readTree(dir.resolve("gen.json").toFile());
        try (ExporterChild exporter = ExporterChild.start(herakles, "-t", "gen.json", "--top-n-others", "1000")) {
            Exposition metrics = exporter.metrics();
            assertServesExactly(metrics, file.path("processes"));
            assertThat(metrics.value("herakles_proc_mem_processes")).hasValue((double) file.path("processes").size());
            // the file's group/subgroup are ignored, but the generator wrote what the classifier decides
            for (JsonNode p : file.path("processes")) {
                Sample s = metrics.find("herakles_proc_mem_rss_bytes", "pid", p.path("pid").asText()).orElseThrow();
                assertThat(s.label("group") + "/" + s.label("subgroup")).as(p.toString())
                        .isEqualTo(p.path("group").asText() + "/" + p.path("subgroup").asText());
            }
        }
    }

    @Test
    void awkwardNamesLiveEditsAndSnapshotRoundTrip() throws Exception {
        Path data = dir.resolve("awkward.json");
        Files.writeString(data, AWKWARD, StandardCharsets.UTF_8);
        Map<String, Set<String>> served;
        try (ExporterChild exporter = ExporterChild.start(herakles, "-t", "awkward.json", "--cache-ttl", "1")) {
            Exposition metrics = exporter.metrics();
            assertServesExactly(metrics, JSON.readTree(AWKWARD).path("processes"));
            Sample postgres = metrics.find("herakles_proc_mem_rss_bytes", "pid", "1000").orElseThrow();
            assertThat(postgres.label("group")).isEqualTo("db");
            assertThat(postgres.label("subgroup")).isEqualTo("postgres");
            served = perProcessSeries(metrics);

            // a bad edit: the last good data stays, the failure shows
            Files.writeString(data, "{\"version\": \"1.0\", \"processes\": [ {\"pid\": oops", StandardCharsets.UTF_8);
            Exposition failed = exporter.awaitMetrics(
                    e -> e.value("herakles_proc_mem_cache_update_success").orElse(1.0) == 0.0, RELOAD_WAIT,
                    "cache_update_success 0 after a bad edit");
            assertThat(perProcessSeries(failed)).isEqualTo(served);
            Reply health = exporter.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().lines().findFirst().orElse("")).startsWith("Cache update failed").contains("awkward.json");

            // a good edit recovers, with the new values
            Files.writeString(data, AWKWARD.replace("536870912", "536870913"), StandardCharsets.UTF_8);
            Exposition recovered = exporter.awaitMetrics(
                    e -> e.value("herakles_proc_mem_cache_update_success").orElse(0.0) == 1.0
                            && e.find("herakles_proc_mem_rss_bytes", "pid", "1000").map(Sample::value).orElse(0.0) == 536870913.0,
                    RELOAD_WAIT, "recovery after a good edit");
            assertThat(recovered.value("herakles_proc_mem_processes")).hasValue(4.0);
            assertThat(exporter.get("/health").status()).isEqualTo(200);
            served = perProcessSeries(recovered);

            Reply snapshot = exporter.get("/snapshot");
            assertThat(snapshot.status()).isEqualTo(200);
            Files.writeString(dir.resolve("saved.json"), snapshot.body(), StandardCharsets.UTF_8);
        }
        try (ExporterChild reloaded = ExporterChild.start(herakles, "-t", "saved.json")) {
            assertThat(perProcessSeries(reloaded.metrics())).isEqualTo(served);
        }
    }

    @Test
    void filtersAndTheOtherCapApplyToFileData() throws Exception {
        Files.writeString(dir.resolve("filters.json"), """
                {"version": "1.0", "generated_at": "2025-12-01T10:00:00Z", "processes": [
                  %s, %s, %s, %s, %s, %s, %s
                ]}
                """.formatted(proc(1000, "postgres", 3000), proc(1001, "nginx", 500_000), proc(1002, "p1", 900),
                proc(1003, "p2", 800_000), proc(1004, "p3", 700_000), proc(1005, "p4", 600_000), proc(1006, "p5", 2000)),
                StandardCharsets.UTF_8);
        try (ExporterChild exporter = ExporterChild.start(herakles, "-t", "filters.json", "--top-n-others", "2",
                "--exclude-names", "nginx", "--min-uss-kb", "1", "--disable-health", "--disable-telemetry", "--disable-default-collectors")) {
            Exposition metrics = exporter.metrics();
            assertThat(metrics.help().keySet()).noneMatch(f -> f.startsWith("herakles_exporter_"))
                    .noneMatch(f -> f.startsWith("jvm_") || f.startsWith("process_"))
                    .contains("herakles_proc_mem_cache_update_success");
            // nginx excluded by name, p1 below 1 KiB USS, and of the other four "other" processes the 2 largest by USS
            assertThat(metrics.samples("herakles_proc_mem_uss_bytes").stream().map(s -> s.label("name")))
                    .containsExactlyInAnyOrder("postgres", "p2", "p3");
            assertThat(metrics.value("herakles_proc_mem_processes")).hasValue(3.0);
            assertThat(metrics.find("herakles_proc_mem_group_uss_bytes_sum", "group", "other").orElseThrow().value())
                    .isEqualTo(1_500_000.0);
            assertThat(exporter.get("/health").status()).isEqualTo(404);
        }
    }

    private static String proc(int pid, String name, long uss) {
        return """
                {"pid": %d, "name": "%s", "group": "g", "subgroup": "s", "rss": %d, "pss": %d, "uss": %d,
                 "cpu_percent": 1.0, "cpu_time_seconds": 2.0}""".formatted(pid, name, uss * 2, uss + 1, uss);
    }

    @Test
    void malformedFileAtStartUpIsOneLine() throws Exception {
        String port = Integer.toString(HttpProbe.freePort());
        Files.writeString(dir.resolve("bad.json"), AWKWARD.replace("\"rss\": 20971520", "\"rss\": \"lots\""),
                StandardCharsets.UTF_8);
        String line = assertFailsWithOneLine(herakles.run("--exporter", "--bind", "127.0.0.1", "-p", port, "-t", "bad.json"),
                1, "bad.json");
        assertThat(line).contains("processes[1]").contains("rss").contains("1001");

        Files.writeString(dir.resolve("dup.json"), AWKWARD.replace("\"pid\": 1001", "\"pid\": 1000"), StandardCharsets.UTF_8);
        assertFailsWithOneLine(herakles.run("--exporter", "--bind", "127.0.0.1", "-p", port, "-t", "dup.json"),
                1, "dup.json", "processes[1]", "1000");

        Files.writeString(dir.resolve("notjson.json"), "<xml/>", StandardCharsets.UTF_8);
        assertFailsWithOneLine(herakles.run("--exporter", "--bind", "127.0.0.1", "-p", port, "-t", "notjson.json"),
                1, "notjson.json");
    }

    /** Every process of the file is exported, labelled with its exact name, with exactly its values. */
    private static void assertServesExactly(Exposition metrics, JsonNode processes) {
        assertThat(processes.size()).isPositive();
        for (JsonNode p : processes) {
            String pid = p.path("pid").asText();
            Map<String, Double> expected = Map.of(
                    "herakles_proc_mem_rss_bytes", (double) p.path("rss").asLong(),
                    "herakles_proc_mem_pss_bytes", (double) p.path("pss").asLong(),
                    "herakles_proc_mem_uss_bytes", (double) p.path("uss").asLong(),
                    "herakles_proc_mem_cpu_percent", p.path("cpu_percent").asDouble(),
                    "herakles_proc_mem_cpu_time_seconds", p.path("cpu_time_seconds").asDouble());
            for (String family : PER_PROCESS) {
                Sample s = metrics.find(family, "pid", pid)
                        .orElseThrow(() -> new AssertionError(family + " missing for " + p));
                assertThat(s.label("name")).as(family + " name of pid " + pid).isEqualTo(p.path("name").asText());
                assertThat(s.value()).as(family + " of pid " + pid).isEqualTo(expected.get(family));
            }
        }
        assertThat(metrics.samples("herakles_proc_mem_rss_bytes")).hasSize(processes.size());
    }

    /** Per-process series as family → sorted "labels value" strings, for whole-output comparisons. */
    private static Map<String, Set<String>> perProcessSeries(Exposition metrics) {
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        for (String family : PER_PROCESS) {
            Set<String> series = new TreeSet<>();
            metrics.samples(family).forEach(s -> series.add(new java.util.TreeMap<>(s.labels()) + " " + s.value()));
            out.put(family, series);
        }
        return out;
    }
}
