package io.herakles.procmem.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bench}: timed complete collection passes over the live /proc (see README, "Performance"). */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Time complete collection passes: bench [-n PASSES] [-j THREADS] [-P PIDFILE] [-w WARMUP] [--procfs DIR] [-q]")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(arity = "0..*", paramLabel = "ARGS", description = "Passed to the benchmark.")
    List<String> args = List.of();

    @Override
    public Integer call() {
        return BenchmarkCommand.run(args.toArray(String[]::new), root.out);
    }
}
