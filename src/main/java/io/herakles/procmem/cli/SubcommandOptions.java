package io.herakles.procmem.cli;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Keeps each subcommand's {@code --help} to the global flags that change what it does.
 *
 * <p>The global flags are inherited by every subcommand so that they work before or after it
 * ({@code test --include-names java}, as upstream's global flags do). Inherited flags that a
 * subcommand ignores — the listen address, TLS and web-config flags for {@code generate-testdata},
 * say — stay accepted (a script that passes them keeps working) but are hidden from its help, so
 * the help lists only what applies.
 */
final class SubcommandOptions {

    /** Every subcommand reads the configuration and logs. */
    private static final Set<String> CONFIG = Set.of("--config", "--no-config", "--log-level", "--debug");

    /** What a collection pass reads and keeps. */
    private static final Set<String> COLLECTION = Set.of("--procfs", "--include-names", "--exclude-names",
            "--min-uss-kb", "--parallelism", "--max-processes", "--test-data-file");

    /** Subcommands that read no configuration at all: they print what the command model holds. */
    private static final Set<String> CONFIG_FREE = Set.of("completion", "man", "fleet", "leaks");

    private static final Map<String, Set<String>> EXTRA = Map.of(
            "check", Set.of("--procfs"),
            "test", COLLECTION,
            "bench", Set.of("--procfs", "--parallelism", "--max-processes"),
            "maps", Set.of("--procfs"),
            "diff", COLLECTION,
            "record", Set.of("--procfs", "--include-names", "--exclude-names", "--min-uss-kb", "--parallelism",
                    "--max-processes"));

    private SubcommandOptions() {}

    /** Hides, in every subcommand's help, the inherited flags that do not apply to it. */
    static void hideInapplicable(CommandLine root) {
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            Set<String> applies = applicable(spec.name());
            for (OptionSpec option : spec.options().toArray(OptionSpec[]::new)) {
                if (option.inherited() && !option.hidden() && !applies.contains(option.longestName())) {
                    spec.remove(option);
                    spec.addOption(OptionSpec.builder(option).hidden(true).build());
                }
            }
        }
    }

    static Set<String> applicable(String subcommand) {
        if (CONFIG_FREE.contains(subcommand)) {
            return Set.of();
        }
        return Stream.concat(CONFIG.stream(), EXTRA.getOrDefault(subcommand, Set.of()).stream())
                .collect(Collectors.toUnmodifiableSet());
    }
}
