package io.herakles.procmem.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example alerting rules in {@code assets/prometheus/alerts.yml}: {@code promtool} accepts them,
 * their unit tests ({@code alerts.test.yml}) pass, and they only use metric names we export.
 * Needs {@code promtool} on the PATH (Debian/Ubuntu: {@code apt-get install prometheus}; CI installs it).
 */
class AlertRulesTest {

    static final Path ASSETS = Path.of(System.getProperty("basedir", ".")).resolve("assets");
    static final Path ALERTS = ASSETS.resolve("prometheus/alerts.yml");
    static final Path ALERT_TESTS = ASSETS.resolve("prometheus/alerts.test.yml");

    /**
     * Every family our exporter serves (upstream's, with {@code _processes_total} renamed to
     * {@code _processes}), plus Prometheus' synthetic {@code up}.
     */
    static final Set<String> EXPORTED_METRICS = Set.of(
            "herakles_proc_mem_rss_bytes",
            "herakles_proc_mem_pss_bytes",
            "herakles_proc_mem_uss_bytes",
            "herakles_proc_mem_cpu_percent",
            "herakles_proc_mem_cpu_time_seconds",
            "herakles_proc_mem_group_rss_bytes_sum",
            "herakles_proc_mem_group_pss_bytes_sum",
            "herakles_proc_mem_group_uss_bytes_sum",
            "herakles_proc_mem_group_cpu_percent_sum",
            "herakles_proc_mem_group_cpu_time_seconds_sum",
            "herakles_proc_mem_top_rss_bytes",
            "herakles_proc_mem_top_pss_bytes",
            "herakles_proc_mem_top_uss_bytes",
            "herakles_proc_mem_top_cpu_percent",
            "herakles_proc_mem_top_cpu_time_seconds",
            "herakles_proc_mem_top_cpu_percent_of_subgroup",
            "herakles_proc_mem_top_rss_percent_of_subgroup",
            "herakles_proc_mem_top_pss_percent_of_subgroup",
            "herakles_proc_mem_top_uss_percent_of_subgroup",
            "herakles_system_memory_total_bytes",
            "herakles_system_memory_available_bytes",
            "herakles_system_memory_used_ratio",
            "herakles_system_cpu_usage_ratio",
            "herakles_system_load1",
            "herakles_system_load5",
            "herakles_system_load15",
            "herakles_proc_mem_scrape_duration_seconds",
            "herakles_proc_mem_processes",
            "herakles_proc_mem_cache_update_duration_seconds",
            "herakles_proc_mem_cache_update_success",
            "herakles_proc_mem_cache_updating",
            "up");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Result check = promtool("check", "rules", ALERTS.toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + alertExpressions().size() + " rules found");
    }

    @Test
    void theRulesPassTheirUnitTests() throws Exception {
        Result test = promtool("test", "rules", ALERT_TESTS.toString());

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertTheIssueAsksForIsThere() throws IOException {
        String rules = Files.readString(ALERTS);

        assertThat(alertExpressions()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(rules).contains("deriv(herakles_proc_mem_group_uss_bytes_sum")
                .contains("predict_linear(herakles_proc_mem_group_uss_bytes_sum")
                .contains("absent(herakles_proc_mem_group_rss_bytes_sum")
                .contains("herakles_proc_mem_cache_update_success{job=\"herakles\"} == 0")
                .contains("up{job=\"herakles\"} == 0");
    }

    @Test
    void theRulesUseOnlyMetricsWeExport() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String expr : alertExpressions()) {
            used.addAll(metricNames(expr));
        }

        assertThat(used).isNotEmpty().isSubsetOf(EXPORTED_METRICS);
    }

    @Test
    void metricNamesAreFoundAndEverythingElseIsSkipped() {
        assertThat(metricNames("""
                topk($topn, sum by (group, subgroup) (rate(foo_total{a="b c", d=~"$x"}[5m] offset 1h)))
                  > on (job) group_left () bar:recorded * 1e3 and up == 1 unless absent(baz{x="}"})"""))
                .containsExactlyInAnyOrder("foo_total", "bar:recorded", "up", "baz");
    }

    // ---------------------------------------------------------------- shared with DashboardRulesTest

    record Result(int exitCode, String output) {}

    static Result promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        return run(command);
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is not installed (Debian/Ubuntu: apt-get install prometheus)", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish within 2 minutes");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static List<String> alertExpressions() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile());
        List<String> exprs = new ArrayList<>();
        for (JsonNode group : root.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                exprs.add(rule.path("expr").asText());
            }
        }
        return exprs;
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?\\w+");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w:])\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "unless", "bool", "by", "without", "on", "ignoring", "group_left", "group_right",
            "offset", "inf", "nan");

    /** The metric names a PromQL expression selects (functions, keywords, labels and strings left out). */
    static Set<String> metricNames(String expr) {
        String s = STRING.matcher(expr).replaceAll("\"\"");
        s = MATCHERS.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = LABEL_LIST.matcher(s).replaceAll(" ");
        s = OFFSET.matcher(s).replaceAll(" ");
        s = VARIABLE.matcher(s).replaceAll(" ");
        s = NUMBER.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            boolean function = m.group(1) != null;
            String word = m.group().replaceAll("\\s*\\($", "");
            if (!function && !KEYWORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }
}
