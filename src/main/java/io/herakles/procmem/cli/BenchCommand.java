package io.herakles.procmem.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/** {@code bench}: timed complete collection passes over the live /proc (see README, "Performance"). */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Time collection passes: bench [-n PASSES] [-j THREADS] [-P PIDFILE] [-w WARMUP] [--procfs DIR] [-q]"
                + " [--max-age SECONDS [--tick MS]] (change-driven steady state)")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    /**
     * Everything after {@code bench}, in order, for the benchmark's own parser: its options
     * ({@code -n}, {@code -q}, ...) are not picocli options, and a {@code @Parameters} list would
     * have picocli reject them as unknown options.
     */
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return BenchmarkCommand.run(args.toArray(String[]::new), root.out);
    }
}
