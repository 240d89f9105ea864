package io.herakles.procmem.cli;

import io.herakles.procmem.classify.Classification;
import io.herakles.procmem.classify.ClassificationPolicy;
import io.herakles.procmem.classify.EffectiveRule;
import io.herakles.procmem.classify.RuleClassifier;
import io.herakles.procmem.classify.RuleSet;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.snapshot.SnapshotJsonWriter;
import io.herakles.procmem.export.snapshot.SubgroupPatterns;
import io.herakles.procmem.export.snapshot.TestDataGenerator;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.runtime.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code generate-testdata}: synthetic processes for every subgroup, as upstream's command makes them. */
@Command(name = "generate-testdata", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write a synthetic snapshot JSON with processes for every subgroup (for -t).")
final class GenerateTestdataCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Output file (default testdata.json).")
    Path output = Path.of("testdata.json");

    @Option(names = "--min-per-subgroup", paramLabel = "N", description = "Processes per subgroup (default 6).")
    int minPerSubgroup = 6;

    @Option(names = "--others-count", paramLabel = "M", description = "Unclassified processes (default 12).")
    int othersCount = 12;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: time based).")
    Long seed;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Override
    public Integer call() {
        Optional<ExporterConfig> config = root.validConfig();
        if (config.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        if (minPerSubgroup < 0 || othersCount < 0) {
            throw new UserError("--min-per-subgroup and --others-count must be >= 0");
        }
        RuleSet rules = Rules.strict().set();
        RuleClassifier classifier = new RuleClassifier(rules, config.get());
        ClassificationPolicy policy = classifier.policy();
        List<SubgroupPatterns> patterns = rules.effectiveRules().stream()
                .map(GenerateTestdataCommand::patterns).toList();
        long s = seed != null ? seed : System.nanoTime();
        // process-N entries only where the configuration keeps unclassified processes
        // (disable_others, or a search_mode that filters other/unknown out)
        boolean includeOthers = policy.apply(ClassificationPolicy.UNCLASSIFIED).isPresent();
        TestDataGenerator generator = new TestDataGenerator(minPerSubgroup, othersCount, includeOthers, s);
        // the real classifier checks every generated process, so that -t gives back the file's groups
        TestDataGenerator.Result result = generator.generate(patterns, key -> policy.apply(key).isPresent(),
                (name, cmdline) -> classifier.classify(name, cmdline).map(Classification::group), Instant.now());
        result.rejected().forEach(line -> root.err.println("Warning: left out, would not classify back: " + line));
        result.skipped().forEach(key -> root.err.println("Warning: no process for " + key
                + ": none of its patterns gives a process that classifies back to it"));
        Snapshot snapshot = result.snapshot();
        ConfigCommand.writeFile(output, json(snapshot), force);
        root.out.println("✅ Generated test data: " + snapshot.processes().size() + " processes in " + output);
        return ExitCodes.OK;
    }

    private static SubgroupPatterns patterns(EffectiveRule rule) {
        GroupKey key = rule.key();
        return new SubgroupPatterns(key, rule.namePatterns(), rule.cmdlinePatterns());
    }

    private static String json(Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SnapshotJsonWriter.write(snapshot, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
