package io.herakles.procmem.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The subcommands, and which of them a run builds. Building picocli's model of a subcommand (its
 * options, the global options it inherits, their help texts) is interpreted reflection at start-up:
 * all thirteen took about a third of the 170 ms that {@code new CommandLine} cost a {@code diff}.
 * A command line can only run a subcommand whose name it contains, so when exactly one subcommand's
 * name appears among the arguments, only that one is built. Otherwise (none, several, or one of
 * those that print the whole tree: {@code completion}, {@code man}) all are, so root help, "did you
 * mean" suggestions and every error message stay what they were.
 */
final class Subcommands {
    private Subcommands() {}

    /** In help order. */
    static final List<Class<?>> ALL = List.of(CheckCommand.class, ConfigCommand.class, TestCommand.class,
            SubgroupsCommand.class, GenerateTestdataCommand.class, BenchCommand.class, MapsCommand.class,
            FleetCommand.class, RecordCommand.class, DiffCommand.class, LeaksCommand.class, CompletionCommand.class,
            ManCommand.class);

    /** Subcommands that describe the whole command tree and so need all of it. */
    private static final Set<String> WHOLE_TREE = Set.of("completion", "man");

    private static final Map<String, Class<?>> BY_NAME = byName();

    /** Adds to {@code root} the subcommands that {@code args} can reach. */
    static void addTo(CommandLine root, String[] args) {
        for (Class<?> c : needed(args)) {
            root.addSubcommand(c);
        }
    }

    /** The subcommand classes to build for {@code args}, in help order. */
    static List<Class<?>> needed(String[] args) {
        Set<String> named = new TreeSet<>();
        for (String a : args) {
            if (BY_NAME.containsKey(a)) {
                named.add(a);
            }
        }
        if (named.size() != 1 || WHOLE_TREE.contains(named.iterator().next())) {
            return ALL;
        }
        return List.of(BY_NAME.get(named.iterator().next()));
    }

    private static Map<String, Class<?>> byName() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> c : ALL) {
            m.put(c.getAnnotation(Command.class).name(), c);
        }
        return Map.copyOf(m);
    }
}
