package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.classify.Classification;
import io.herakles.procmem.classify.EffectiveRule;
import io.herakles.procmem.classify.RuleClassifier;
import io.herakles.procmem.classify.RuleLoader;
import io.herakles.procmem.classify.RuleSet;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.snapshot.SnapshotJsonReader;
import io.herakles.procmem.export.snapshot.TestDataGenerator;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise, in process: a file written by {@code generate-testdata} and served with
 * {@code -t} under the same configuration classifies every process back to the group/subgroup the
 * file says, with the real built-in rules (upstream's and the workstation rules).
 */
class GenerateTestdataClassifiesBackTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private Snapshot generate(String... extra) throws Exception {
        return generate(List.of("--no-config"), extra);
    }

    private Snapshot generate(List<String> globalOptions, String... extra) throws Exception {
        Path file = dir.resolve("testdata.json");
        List<String> args = new ArrayList<>(globalOptions);
        args.addAll(List.of("generate-testdata", "-o", file.toString()));
        args.addAll(List.of(extra));
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        Launch launch = HeraklesCli.launch(args.toArray(String[]::new), Map.of(), out, err);
        assertThat(launch.exitCode()).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.isRegularFile(file)).isTrue();
        return SnapshotJsonReader.read(file);
    }

    @Test
    void everyGeneratedProcessClassifiesBackToItsGroupWithTheBuiltInRules() throws Exception {
        Snapshot s = generate("--seed", "1");
        RuleSet rules = RuleLoader.defaults().load();
        RuleClassifier classifier = new RuleClassifier(rules, ExporterConfig.defaults());

        assertThat(s.processes()).isNotEmpty().allSatisfy(p -> assertThat(
                classifier.classify(p.name(), p.cmdline()).map(Classification::group))
                .as("%s / %s", p.name(), p.cmdline())
                .contains(p.group()));
        // nothing lost: every bucket with patterns is in the file, six processes each, plus the others
        Set<GroupKey> withPatterns = rules.effectiveRules().stream()
                .filter(r -> !r.namePatterns().isEmpty() || !r.cmdlinePatterns().isEmpty())
                .map(EffectiveRule::key).collect(Collectors.toSet());
        Map<GroupKey, Long> counts = s.processes().stream()
                .collect(Collectors.groupingBy(ProcessSample::group, Collectors.counting()));
        assertThat(counts.keySet()).containsAll(withPatterns);
        assertThat(counts).allSatisfy((key, n) -> assertThat(n).isEqualTo(key.equals(GroupKey.OTHER)
                ? TestDataGenerator.DEFAULT_OTHERS_COUNT : TestDataGenerator.DEFAULT_MIN_PER_SUBGROUP));
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).doesNotContain("Warning");
    }

    @Test
    void processesFromCommandLinePatternsHavePlainNamesAndCommandLines() throws Exception {
        List<ProcessSample> fromRegexes = generate("--seed", "1").processes().stream()
                .filter(p -> p.matchedRule().startsWith("cmdline ~")).toList();

        assertThat(fromRegexes).hasSizeGreaterThan(100).allSatisfy(p -> {
            assertThat(p.name()).isNotBlank().doesNotContainPattern("[()|\\[\\]?*+\\\\^$]");
            assertThat(p.cmdline()).doesNotContainPattern("[()|\\[\\]\\\\^$]|[^ ]\\?");
        });
        assertThat(fromRegexes).extracting(ProcessSample::name)
                .contains("google-chrome", "clion", "android-studio", "node", "java");
    }

    @Test
    void underSearchModeIncludeOnlyIncludedBucketsAreWrittenAndTheyClassifyBack() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "search_mode: include\nsearch_groups: [ide]\n");
        Snapshot s = generate(List.of("-c", config.toString()), "--seed", "2");
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.searchMode("include");
        b.searchGroups(List.of("ide"));
        ExporterConfig effective = b.build();
        RuleClassifier classifier = new RuleClassifier(RuleLoader.defaults().load(), effective);

        assertThat(s.processes()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.group().group()).isEqualTo("ide");
            assertThat(classifier.classify(p.name(), p.cmdline()).map(Classification::group))
                    .as("%s / %s", p.name(), p.cmdline()).contains(p.group());
        });
        assertThat(s.processes()).extracting(ProcessSample::group)
                .contains(new GroupKey("ide", "clion"), new GroupKey("ide", "android_studio"));
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).doesNotContain("Warning");
    }
}
