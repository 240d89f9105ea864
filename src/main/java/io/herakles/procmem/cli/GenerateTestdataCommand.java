package io.herakles.procmem.cli;

import io.herakles.procmem.classify.ClassificationPolicy;
import io.herakles.procmem.classify.EffectiveRule;
import io.herakles.procmem.classify.RuleSet;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.testdata.SnapshotJsonWriter;
import io.herakles.procmem.export.testdata.SubgroupPatterns;
import io.herakles.procmem.export.testdata.TestDataGenerator;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.Snapshot;
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

/** {@code generate-testdata}: synthetic processes for every subgroup, as upstream's §4.3. */
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
        RuleSet rules = Engines.loadRules(root.err);
        ClassificationPolicy policy = new ClassificationPolicy(config.get());
        List<SubgroupPatterns> patterns = rules.effectiveRules().stream()
                .map(GenerateTestdataCommand::patterns).toList();
        long s = seed != null ? seed : System.nanoTime();
        TestDataGenerator generator = new TestDataGenerator(minPerSubgroup, othersCount,
                !config.get().disableOthers(), s);
        Snapshot snapshot = generator.generate(patterns, key -> policy.apply(key).isPresent(), Instant.now());
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
