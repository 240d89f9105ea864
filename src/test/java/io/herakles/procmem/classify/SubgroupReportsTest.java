package io.herakles.procmem.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code /subgroups} body, the {@code subgroups} listing and the {@code check} line. */
class SubgroupReportsTest {

    private static final RuleSet UPSTREAM = RuleLoader.upstreamOnly().load();

    @Test
    void endpointBodyHasUpstreamsStructure() {
        String body = SubgroupReports.endpointBody(UPSTREAM);
        List<String> lines = body.lines().toList();
        assertThat(lines.subList(0, 6)).containsExactly(
                "HERAKLES PROC MEM EXPORTER - SUBGROUPS",
                "======================================",
                "",
                "Total patterns: 274 | Unique subgroups: 124",
                "",
                "GROUP: backup");
        assertThat(lines.get(6)).isEqualTo("-".repeat(40));
        assertThat(lines.get(7)).isEqualTo("  bacula               -> bacula-dir, bacula-fd, bacula-sd");
        assertThat(lines).contains(
                "  tsm                  -> com.tivoli.dsmc, dsmagent, dsmc, dsmcad, dsmcsvc, dsmsched",
                "  couchbase            -> cbq-engine, couchbase-server, memcached",
                "  tomcat               -> catalina.sh, org.apache.catalina.startup.Bootstrap, tomcat");
        assertThat(lines).doesNotContain("GROUP: other").noneMatch(l -> l.contains("spectrum_protect"))
                .noneMatch(l -> l.startsWith("  memcached"));
        assertThat(body).endsWith("\n\n" + SubgroupReports.FOOTER).doesNotEndWith("\n");
    }

    @Test
    void endpointBodyIsSortedByGroupThenSubgroup() {
        List<String> lines = SubgroupReports.endpointBody(UPSTREAM).lines().toList();
        List<String> groups = lines.stream().filter(l -> l.startsWith("GROUP: ")).toList();
        assertThat(groups).hasSize(16).isSorted();
        assertThat(groups.get(0)).isEqualTo("GROUP: backup");
        assertThat(groups.get(15)).isEqualTo("GROUP: web");
        int cacheAt = lines.indexOf("GROUP: cache");
        assertThat(lines.subList(cacheAt + 2, cacheAt + 5)).containsExactly(
                "  redis                -> redis-sentinel, redis-server",
                "  varnish              -> varnishd",
                "");
        List<String> subgroupLines = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("GROUP: ")) {
                assertThat(subgroupLines).isSorted();
                subgroupLines.clear();
            } else if (line.startsWith("  ")) {
                subgroupLines.add(line);
            }
        }
        assertThat(lines.stream().filter(l -> l.startsWith("  ")).count()).isEqualTo(124);
    }

    @Test
    void commandListingIsSortedAndCountsSubgroups() {
        String out = SubgroupReports.commandListing(UPSTREAM, false, null);
        List<String> groups = out.lines().filter(l -> l.startsWith("🏷️  Group: ")).toList();
        assertThat(groups).hasSize(16).isSorted();
        assertThat(out).contains("""
                🏷️  Group: cache
                ──────────────────────────────────────────────────
                  ├─ 📂 Subgroup: redis
                  │    2 patterns
                  │    Examples: redis-sentinel, redis-server
                  ├─ 📂 Subgroup: varnish
                  │    1 pattern
                  │    Examples: varnishd
                """);
        assertThat(out).endsWith("\n📋 Total: 124 subgroups (274 patterns) in 16 groups\n");
    }

    @Test
    void commandListingFiltersGroupsBySubstringAndVerboseListsEveryPattern() {
        String out = SubgroupReports.commandListing(UPSTREAM, true, "d");
        assertThat(out.lines().filter(l -> l.startsWith("🏷️  Group: ")))
                .containsExactly("🏷️  Group: cicd", "🏷️  Group: db");
        assertThat(out).contains("  │    🔍 Matches: postgres\n", "  │    🔍 Matches: yb-\n")
                .doesNotContain("Group: web");
        String tomcat = SubgroupReports.commandListing(UPSTREAM, true, "web");
        assertThat(tomcat).contains("""
                  ├─ 📂 Subgroup: tomcat
                  │    🔍 Matches: tomcat
                  │    🔍 Cmdline: catalina.sh
                  │    🔍 Cmdline: org.apache.catalina.startup.Bootstrap
                """);
        assertThat(SubgroupReports.commandListing(UPSTREAM, false, "nope"))
                .endsWith("📋 Total: 0 subgroups (0 patterns) in 0 groups\n");
    }

    @Test
    void checkLineCountsSubgroupsNotPatterns() {
        assertThat(SubgroupReports.checkLine(UPSTREAM)).isEqualTo("✅ 124 subgroups loaded");
        assertThat(SubgroupReports.checkLine(RuleSet.of(List.of()))).isEqualTo("⚠️ No subgroups configured");
    }
}
