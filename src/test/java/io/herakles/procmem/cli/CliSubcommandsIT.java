package io.herakles.procmem.cli;

import static io.herakles.procmem.cli.CliAssertions.assertFailsWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.herakles.procmem.testsupport.HeraklesLauncher.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The subcommands of the packaged launcher, end to end. */
class CliSubcommandsIT extends LauncherTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FOOTER = Pattern.compile("📋 Total: (\\d+) subgroups \\((\\d+) patterns\\) in (\\d+) groups");


    @Test
    void checkAllPassesOnThisMachine() throws Exception {
        Result r = herakles.run("check", "--all");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        // up to 5 entries are tried; a CI container may hold fewer processes than that
        assertThat(r.stdout()).containsPattern("✅ Can read [1-5] process entries");
        assertThat(r.stdout()).contains("✅ /proc exists",
                "smaps_rollup available (fast path)", "✅ Configuration is valid", "subgroups loaded",
                "✅ All checks passed - system is ready");
        assertThat(r.stdout()).containsPattern("✅ RSS: [1-9]\\d* MB, PSS: \\d+ MB, USS: \\d+ MB");
        assertThat(r.stdout()).doesNotContain("❌");
    }

    @Test
    void checkFailsOnAnInvalidConfig() throws Exception {
        Result r = herakles.run("--top-n-others", "-5", "check");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stdout()).contains("❌ Configuration invalid", "❌ Some checks failed");
        CliAssertions.assertNoStackTrace(r);
    }

    @Test
    void customRulesFileInTheWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve("subgroups.toml"), "[[subgroups]]\ngroup = \"mine\"\nsubgroup = \"tool\"\n"
                + "matches = [\"mytool\", \"othertool\"]\n");
        Result ok = herakles.run("subgroups", "-g", "mine", "--verbose");
        assertThat(ok.exitCode()).as(ok.describe()).isZero();
        assertThat(ok.stdout()).contains("Group: mine", "Subgroup: tool", "mytool", "othertool");
        // log records are one line each (not the JDK's two-line default format)
        assertThat(ok.stderrLines()).as(ok.describe()).allMatch(l -> l.contains("subgroups.toml"))
                .noneMatch(l -> l.startsWith("INFO:"));

        Files.writeString(dir.resolve("subgroups.toml"), "[[subgroups]]\ngroup = \"db\"\nsubgroup = [\n");
        Result check = herakles.run("check");
        assertThat(check.exitCode()).as(check.describe()).isEqualTo(1);
        assertThat(check.stdout()).containsPattern("❌ .*subgroups\\.toml").contains("❌ Some checks failed");
        CliAssertions.assertNoStackTrace(check);

        // a listing without the user's rules would mislead: the broken file is an error here too
        CliAssertions.assertFailsWithOneLine(herakles.run("subgroups", "-g", "db"), 1, "subgroups.toml:4:");
    }

    @Test
    void configWritesDefaultsAndNeverOverwritesWithoutForce() throws Exception {
        Path file = dir.resolve("written.yaml");
        Result first = herakles.run("config", "-o", "written.yaml");
        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(first.stdout()).contains("✅ Configuration written to: written.yaml");
        String defaults = Files.readString(file);
        JsonNode parsed = new YAMLMapper().readTree(defaults);
        assertThat(parsed.path("port").asInt()).isEqualTo(9215);
        assertThat(parsed.path("cache_ttl").asInt()).isEqualTo(30);

        Files.writeString(file, "port: 9999 # mine\n");
        String line = assertFailsWithOneLine(herakles.run("config", "-o", "written.yaml"), 1, "written.yaml");
        assertThat(line).contains("--force");
        assertThat(Files.readString(file)).isEqualTo("port: 9999 # mine\n");

        Result forced = herakles.run("config", "-o", "written.yaml", "--force");
        assertThat(forced.exitCode()).as(forced.describe()).isZero();
        assertThat(Files.readString(file)).isEqualTo(defaults);

        String noDir = assertFailsWithOneLine(herakles.run("config", "-o", "no/such/dir.yaml"), 1, "no/such/dir.yaml");
        assertThat(noDir).contains("no such directory");

        // what `config` writes is a config file the launcher itself accepts
        Result check = herakles.run("-c", "written.yaml", "--check-config");
        assertThat(check.exitCode()).as(check.describe()).isZero();
    }

    @Test
    void configDefaultFileNameFollowsTheFormatSoItLoadsBack() throws Exception {
        Result toml = herakles.run("config", "--format", "toml");
        assertThat(toml.exitCode()).as(toml.describe()).isZero();
        assertThat(toml.stdout()).contains("herakles-proc-mem-exporter.toml");
        assertThat(dir.resolve("herakles-proc-mem-exporter.yaml")).doesNotExist();
        // found by the default search in the working directory, and valid
        Result check = herakles.run("--check-config");
        assertThat(check.exitCode()).as(check.describe()).isZero();

        String line = assertFailsWithOneLine(herakles.run("config", "-o", "mine.yml", "--format", "toml"), 1, "mine.yml");
        assertThat(line).contains("toml");
        assertThat(dir.resolve("mine.yml")).doesNotExist();
    }

    @Test
    void configToStandardOutput() throws Exception {
        Result json = herakles.run("config", "-o", "-", "--format", "json", "--commented");
        assertThat(json.exitCode()).as(json.describe()).isZero();
        JsonNode j = JSON.readTree(json.stdout());
        assertThat(j.path("port").asInt()).isEqualTo(9215);
        assertThat(j.path("top_n_others").asInt()).isEqualTo(10);
        assertThat(Files.exists(dir.resolve("-"))).isFalse();

        Result yaml = herakles.run("config", "-o", "-", "--commented");
        assertThat(yaml.exitCode()).as(yaml.describe()).isZero();
        assertThat(yaml.stdout()).startsWith("#").contains("# ").contains("cache_ttl");
        assertThat(new YAMLMapper().readTree(yaml.stdout()).path("bind").asText()).isEqualTo("0.0.0.0");
    }

    @Test
    void subgroupsAreSortedAndCounted() throws Exception {
        Result all = herakles.run("subgroups");
        assertThat(all.exitCode()).as(all.describe()).isZero();
        Listing listing = Listing.of(all.stdout());
        assertThat(listing.groups).hasSizeGreaterThan(5).isSorted().doesNotHaveDuplicates();
        listing.subgroupsByGroup.values().forEach(subs -> assertThat(subs).isSorted().doesNotHaveDuplicates());
        assertThat(listing.groups).contains("db", "web", "system");
        listing.assertFooterMatches();

        Result db = herakles.run("subgroups", "-g", "db");
        assertThat(db.exitCode()).as(db.describe()).isZero();
        Listing dbListing = Listing.of(db.stdout());
        assertThat(dbListing.groups).isNotEmpty().allMatch(g -> g.contains("db")).contains("db");
        assertThat(dbListing.subgroupsByGroup.get("db")).contains("postgres").isEqualTo(listing.subgroupsByGroup.get("db"));
        dbListing.assertFooterMatches();
    }

    /** The text listing of `subgroups`, read back. */
    private record Listing(List<String> groups, Map<String, List<String>> subgroupsByGroup, Matcher footer) {
        static Listing of(String text) {
            List<String> groups = new ArrayList<>();
            Map<String, List<String>> subs = new HashMap<>();
            String current = null;
            Matcher footer = null;
            for (String line : text.lines().toList()) {
                if (line.startsWith("🏷️  Group: ")) {
                    current = line.substring("🏷️  Group: ".length()).strip();
                    groups.add(current);
                    subs.put(current, new ArrayList<>());
                } else if (line.contains("📂 Subgroup: ")) {
                    subs.get(current).add(line.substring(line.indexOf("📂 Subgroup: ") + "📂 Subgroup: ".length()).strip());
                } else if (FOOTER.matcher(line).matches()) {
                    footer = FOOTER.matcher(line);
                    footer.matches();
                }
            }
            assertThat(footer).as("footer line in\n" + text).isNotNull();
            return new Listing(groups, subs, footer);
        }

        void assertFooterMatches() {
            int subgroups = subgroupsByGroup.values().stream().mapToInt(List::size).sum();
            assertThat(Integer.parseInt(footer.group(1))).as("subgroups in footer").isEqualTo(subgroups);
            assertThat(Integer.parseInt(footer.group(2))).as("patterns in footer").isGreaterThanOrEqualTo(subgroups);
            assertThat(Integer.parseInt(footer.group(3))).as("groups in footer").isEqualTo(groups.size());
        }
    }

    @Test
    void generateTestdataWritesPlausibleReproducibleData() throws Exception {
        Result r = herakles.run("generate-testdata", "-o", "td.json", "--seed", "1", "--min-per-subgroup", "2",
                "--others-count", "3");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        JsonNode root = JSON.readTree(dir.resolve("td.json").toFile());
        assertThat(root.path("version").asText()).isEqualTo("1.0");
        assertThat(root.path("generated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        JsonNode processes = root.path("processes");
        assertThat(r.stdout()).contains("✅ Generated test data: " + processes.size() + " processes in td.json");

        Map<String, Integer> perSubgroup = new HashMap<>();
        List<String> others = new ArrayList<>();
        int expectedPid = 1000;
        for (JsonNode p : processes) {
            assertThat(p.path("pid").asInt()).isEqualTo(expectedPid++);
            for (String field : List.of("name", "group", "subgroup", "rss", "pss", "uss", "cpu_percent", "cpu_time_seconds")) {
                assertThat(p.has(field)).as(field + " in " + p).isTrue();
            }
            long rss = p.path("rss").asLong();
            assertThat(rss).isBetween(10L << 20, (2L << 30) - 1);
            assertThat((double) p.path("pss").asLong() / rss).isBetween(0.79, 0.951);
            assertThat((double) p.path("uss").asLong() / rss).isBetween(0.59, 0.801);
            assertThat(p.path("cpu_percent").asDouble()).isBetween(0.0, 100.0);
            assertThat(p.path("cpu_time_seconds").asDouble()).isBetween(0.0, 10000.0);
            String key = p.path("group").asText() + "/" + p.path("subgroup").asText();
            if (key.equals("other/other")) {
                others.add(p.path("name").asText());
            } else {
                perSubgroup.merge(key, 1, Integer::sum);
            }
        }
        assertThat(others).containsExactly("process-1", "process-2", "process-3");
        assertThat(perSubgroup).hasSizeGreaterThan(100).containsEntry("db/postgres", 2);
        assertThat(perSubgroup.values()).containsOnly(2);

        // same seed, same data; and no overwrite without --force
        Files.writeString(dir.resolve("again.json"), "keep me");
        assertFailsWithOneLine(herakles.run("generate-testdata", "-o", "again.json", "--seed", "1"), 1, "again.json");
        assertThat(Files.readString(dir.resolve("again.json"))).isEqualTo("keep me");
        Result again = herakles.run("generate-testdata", "-o", "again.json", "--seed", "1", "--min-per-subgroup", "2",
                "--others-count", "3", "--force");
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(JSON.readTree(dir.resolve("again.json").toFile()).path("processes")).isEqualTo(processes);
    }

    @Test
    void benchTakesItsOwnOptions() throws Exception {
        Result r = herakles.run("bench", "-n", "1", "-w", "0", "-j", "1", "-q");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdoutLines()).hasSize(1);
        assertThat(r.stdout()).startsWith("RESULT impl=java").contains(" threads=1 ", " passes=1 ");

        Result bad = herakles.run("bench", "-n", "abc");
        assertThat(bad.exitCode()).as(bad.describe()).isEqualTo(2);
        assertThat(bad.stdout() + bad.stderr()).contains("-n", "abc");
        CliAssertions.assertNoStackTrace(bad);
    }

    @Test
    void testSubcommandTextWithANameFilter() throws Exception {
        Result r = herakles.run("--include-names", "java", "test", "-n", "2");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("🔄 Iteration 1:", "🔄 Iteration 2:", "✅ Test completed successfully");
        List<String> rows = r.stdoutLines().stream().filter(l -> l.matches("\\s*\\d+  \\S.*")).toList();
        // at least this test's own child JVM, in both iterations; nothing that is not named *java*
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(row -> assertThat(row.strip().split("\\s+")[1]).contains("java"));
    }

    @Test
    void globalFlagsWorkAfterTheSubcommandToo() throws Exception {
        Result r = herakles.run("test", "--include-names", "java", "--format", "json");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        JsonNode top = JSON.readTree(r.stdout()).path("top_by_uss");
        assertThat(top.size()).isPositive();
        top.forEach(p -> assertThat(p.path("name").asText()).contains("java"));
    }

    @Test
    void testSubcommandPrintsJson() throws Exception {
        Result r = herakles.run("test", "--format", "json");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        JsonNode root = JSON.readTree(r.stdout());
        assertThat(root.path("processes_found").asInt()).isPositive();
        JsonNode top = root.path("top_by_uss");
        assertThat(top.isArray()).isTrue();
        assertThat(top.size()).isBetween(1, 10);
        long previous = Long.MAX_VALUE;
        for (JsonNode p : top) {
            assertThat(p.path("pid").asInt()).isPositive();
            assertThat(p.path("name").asText()).isNotEmpty();
            // on a quiet machine fewer than ten processes may have a USS; the rest of the ten are then
            // ranked by RSS and can be kernel threads with no memory at all
            assertThat(p.path("rss").asLong()).isNotNegative();
            if (!p.path("uss").isNull()) {
                assertThat(p.path("rss").asLong()).isPositive();
                assertThat(p.path("uss").asLong()).isLessThanOrEqualTo(previous);
                previous = p.path("uss").asLong();
            }
        }
    }
}
