package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataGeneratorTest {

    private static final Instant NOW = Instant.parse("2025-12-01T10:00:00Z");
    private static final GroupKey POSTGRES = new GroupKey("db", "postgres");
    private static final GroupKey TOMCAT = new GroupKey("web", "tomcat");
    private static final GroupKey NGINX = new GroupKey("web", "nginx");
    private static final GroupKey UNKNOWN = new GroupKey("other", "unknown");

    private static final List<SubgroupPatterns> RULES = List.of(
            new SubgroupPatterns(TOMCAT, List.of("tomcat"),
                    List.of("org.apache.catalina.startup.Bootstrap", "catalina.sh")),
            new SubgroupPatterns(POSTGRES, List.of("postgres", "postmaster"), List.of()),
            new SubgroupPatterns(NGINX, List.of("nginx"), List.of()),
            new SubgroupPatterns(UNKNOWN, List.of(), List.of()));

    @TempDir
    Path dir;

    private static Snapshot generate(int n, int m, boolean others, long seed) {
        return new TestDataGenerator(n, m, others, seed).generate(RULES, k -> true, NOW);
    }

    private static Map<GroupKey, Long> countByGroup(Snapshot s) {
        return s.processes().stream().collect(Collectors.groupingBy(ProcessSample::group, Collectors.counting()));
    }

    @Test
    void nPerSubgroupWithPatternsAndMOthersWithPidsFrom1000() {
        Snapshot s = generate(6, 12, true, 1);

        assertThat(countByGroup(s)).containsOnly(Map.entry(POSTGRES, 6L), Map.entry(TOMCAT, 6L),
                Map.entry(NGINX, 6L), Map.entry(GroupKey.OTHER, 12L));
        assertThat(s.processes()).extracting(ProcessSample::pid)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(1000, 1030).boxed().toList());
        assertThat(s.processes().subList(18, 30)).extracting(ProcessSample::name)
                .containsExactly("process-1", "process-2", "process-3", "process-4", "process-5", "process-6",
                        "process-7", "process-8", "process-9", "process-10", "process-11", "process-12");
        assertThat(s.takenAt()).isEqualTo(NOW);
        assertThat(s.source()).isEqualTo(TestDataGenerator.SOURCE);
    }

    @Test
    void namesCycleThroughPatternsInBucketOrder() {
        Snapshot s = generate(5, 0, true, 1);

        assertThat(s.processes()).extracting(p -> p.group() + " " + p.name()).containsExactly(
                "db/postgres postgres", "db/postgres postmaster", "db/postgres postgres",
                "db/postgres postmaster", "db/postgres postgres",
                "web/nginx nginx", "web/nginx nginx", "web/nginx nginx", "web/nginx nginx", "web/nginx nginx",
                "web/tomcat tomcat", "web/tomcat java", "web/tomcat sh", "web/tomcat tomcat", "web/tomcat java");
    }

    @Test
    void cmdlinePatternsBecomeCommandLinesThatTheRegexFinds() {
        List<ProcessSample> tomcat = generate(3, 0, false, 1).processes().stream()
                .filter(p -> p.group().equals(TOMCAT)).toList();

        assertThat(tomcat.get(0).cmdline()).isEqualTo("tomcat");
        assertThat(tomcat.get(0).matchedRule()).isEqualTo("name = tomcat");
        assertThat(tomcat.get(1).cmdline()).isEqualTo("/usr/bin/java -Xmx512m org.apache.catalina.startup.Bootstrap");
        assertThat(tomcat.get(1).matchedRule()).isEqualTo("cmdline ~ org.apache.catalina.startup.Bootstrap");
        assertThat(tomcat.get(2).cmdline()).isEqualTo("/bin/sh catalina.sh");
    }

    @Test
    void acceptAndDisabledOthersFilter() {
        Snapshot s = new TestDataGenerator(2, 12, false, 1).generate(RULES, k -> !k.group().equals("web"), NOW);

        assertThat(countByGroup(s)).containsOnly(Map.entry(POSTGRES, 2L));
        assertThat(s.processes().get(0).pid()).isEqualTo(1000);
    }

    @Test
    void sameSeedSameProcessesOtherSeedOtherValues() {
        assertThat(generate(6, 12, true, 42).processes()).isEqualTo(generate(6, 12, true, 42).processes());
        assertThat(generate(6, 12, true, 42).processes()).isNotEqualTo(generate(6, 12, true, 43).processes());
    }

    @Test
    void valuesFollowUpstreamsDistributions() {
        Snapshot s = generate(200, 400, true, 7);

        assertThat(s.processes()).hasSize(1000).allSatisfy(p -> {
            assertThat(p.rssBytes()).isBetween(10L << 20, (2L << 30) - 1);
            double pssShare = (double) p.pssBytes().getAsLong() / p.rssBytes();
            double ussShare = (double) p.ussBytes().getAsLong() / p.rssBytes();
            assertThat(pssShare).isGreaterThanOrEqualTo(0.7999).isLessThan(0.95);
            assertThat(ussShare).isGreaterThanOrEqualTo(0.5999).isLessThan(0.80);
            assertThat(p.cpuPercent()).isGreaterThanOrEqualTo(0).isLessThan(100);
            assertThat(p.cpuTimeSeconds()).isGreaterThanOrEqualTo(0).isLessThan(10_000);
        });
        // spread, not a constant: the sample covers most of each range
        var rss = s.processes().stream().mapToLong(ProcessSample::rssBytes).summaryStatistics();
        assertThat(rss.getMin()).isLessThan(200L << 20);
        assertThat(rss.getMax()).isGreaterThan(1800L << 20);
        var cpu = s.processes().stream().mapToDouble(ProcessSample::cpuPercent).summaryStatistics();
        assertThat(cpu.getMin()).isLessThan(5);
        assertThat(cpu.getMax()).isGreaterThan(95);
    }

    @Test
    void generatedFileReadsBackUnchanged() throws Exception {
        Snapshot s = generate(6, 12, true, 3);
        Path file = dir.resolve("testdata.json");
        SnapshotJsonWriter.writeFile(s, file);

        Snapshot read = SnapshotJsonReader.read(file);
        assertThat(read.processes()).isEqualTo(s.processes());
        assertThat(read.takenAt()).isEqualTo(NOW);
    }

    @Test
    void duplicateBucketsAreMergedAndEmptyOnesSkipped() {
        List<SubgroupPatterns> rules = List.of(
                new SubgroupPatterns(NGINX, List.of("nginx"), List.of()),
                new SubgroupPatterns(NGINX, List.of("nginx", "openresty"), List.of()));
        Snapshot s = new TestDataGenerator(3, 0, true, 1).generate(rules, k -> true, NOW);

        assertThat(s.processes()).extracting(ProcessSample::name).containsExactly("nginx", "openresty", "nginx");
    }

    @Test
    void entriesTheClassifierPutsElsewhereAreLeftOutAndReported() {
        // a classifier that knows only names: the command-line entries of tomcat do not come back
        Map<String, GroupKey> byName = Map.of("tomcat", TOMCAT, "postgres", POSTGRES, "postmaster", POSTGRES);
        TestDataGenerator.Result r = new TestDataGenerator(4, 2, true, 1).generate(RULES, k -> true,
                (name, cmdline) -> Optional.of(byName.getOrDefault(name, GroupKey.OTHER)), NOW);

        assertThat(r.snapshot().processes()).extracting(p -> p.group() + " " + p.name()).containsExactly(
                "db/postgres postgres", "db/postgres postmaster", "db/postgres postgres", "db/postgres postmaster",
                "web/tomcat tomcat", "web/tomcat tomcat", "web/tomcat tomcat", "web/tomcat tomcat",
                "other/other process-1", "other/other process-2");
        assertThat(r.snapshot().processes()).extracting(ProcessSample::pid)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(1000, 1010).boxed().toList());
        assertThat(r.skipped()).containsExactly(NGINX);
        assertThat(r.rejected()).hasSize(3).anySatisfy(line -> assertThat(line)
                .isEqualTo("web/tomcat: name 'sh', cmdline '/bin/sh catalina.sh' is classified as other/other"));
    }

    @Test
    void unclassifiedProcessesARuleClaimsAreLeftOut() {
        TestDataGenerator.Result r = new TestDataGenerator(2, 3, true, 1).generate(List.of(), k -> true,
                (name, cmdline) -> name.equals("process-2") ? Optional.empty() : Optional.of(GroupKey.OTHER), NOW);

        assertThat(r.snapshot().processes()).extracting(ProcessSample::name).containsExactly("process-1", "process-3");
        assertThat(r.rejected()).containsExactly(
                "other/other: name 'process-2', cmdline 'process-2' is classified as (dropped)");
    }

    @Test
    void negativeCountsAreRefusedWithTheFlagName() {
        assertThatThrownBy(() -> new TestDataGenerator(-1, 0, true, 1))
                .hasMessage("--min-per-subgroup must be 0 or more, got -1");
        assertThatThrownBy(() -> new TestDataGenerator(1, -2, true, 1))
                .hasMessage("--others-count must be 0 or more, got -2");
    }
}
