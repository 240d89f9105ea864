package io.herakles.procmem.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herakles.procmem.dist.AlertRulesTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard {@code assets/grafana/herakles-dashboard.json}: it parses, every query is
 * valid PromQL (promtool checks each as a recording rule, Grafana variables substituted) and uses
 * only metric names we export, and it covers what its users look for (memory by group and subgroup,
 * top processes, CPU, exporter health).
 */
class DashboardRulesTest {

    static final Path DASHBOARD = AlertRulesTest.ASSETS.resolve("grafana/herakles-dashboard.json");

    @Test
    void parsesAsADashboardWithUniquePanelIdsAndOneDataSourceVariable() throws IOException {
        JsonNode dashboard = read();
        List<JsonNode> panels = panels(dashboard);

        assertThat(dashboard.path("uid").asText()).isEqualTo("herakles-proc-mem");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(panels).hasSizeGreaterThan(10);
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels) {
            assertThat(ids.add(panel.path("id").asInt())).as("duplicate panel id %s", panel.path("id")).isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).as(panel.path("title").asText()).isBetween(1, 24);
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            }
        }
        assertThat(dashboard.at("/templating/list/0/type").asText()).isEqualTo("datasource");
    }

    @Test
    void everyQueryUsesOnlyMetricsWeExport() throws IOException {
        Set<String> used = dashboardMetricNames();

        assertThat(used).isSubsetOf(AlertRulesTest.EXPORTED_METRICS);
    }

    @Test
    void coversMemoryByGroupTopProcessesCpuAndExporterHealth() throws IOException {
        assertThat(dashboardMetricNames()).contains(
                "herakles_proc_mem_group_pss_bytes_sum", "herakles_proc_mem_group_uss_bytes_sum",
                "herakles_proc_mem_uss_bytes", "herakles_proc_mem_cpu_percent",
                "herakles_proc_mem_group_cpu_percent_sum", "herakles_proc_mem_cache_update_success", "up");
    }

    @Test
    void promtoolParsesEveryQuery(@TempDir Path temp) throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        List<String> exprs = expressions(read());
        for (int i = 0; i < exprs.size(); i++) {
            rules.append("      - record: dashboard:query").append(i).append('\n')
                    .append("        expr: '").append(substituteVariables(exprs.get(i)).replace("'", "''")).append("'\n");
        }
        Path file = temp.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);

        Result check = AlertRulesTest.promtool("check", "rules", file.toString());

        assertThat(check.exitCode()).as(check.output() + "\n" + rules).isZero();
        assertThat(check.output()).contains("SUCCESS: " + exprs.size() + " rules found");
    }

    /** Metric names of every panel query and every query variable. */
    static Set<String> dashboardMetricNames() throws IOException {
        JsonNode dashboard = read();
        Set<String> names = new TreeSet<>();
        for (String expr : expressions(dashboard)) {
            names.addAll(AlertRulesTest.metricNames(expr));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                // label_values(selector, label): the selector's metric
                String query = variable.path("query").path("query").asText();
                names.addAll(AlertRulesTest.metricNames(query.replaceFirst("^label_values\\((.*),\\s*\\w+\\)$", "$1")));
            }
        }
        return names;
    }

    private static String substituteVariables(String expr) {
        return expr.replace("$topn", "10").replaceAll("\\$\\{?\\w+}?", ".*");
    }

    private static JsonNode read() throws IOException {
        return new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add); // collapsed rows keep their panels inside
        }
        return all;
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
        }
        return exprs;
    }
}
