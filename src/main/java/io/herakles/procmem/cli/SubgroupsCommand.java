package io.herakles.procmem.cli;

import io.herakles.procmem.classify.SubgroupReports;
import io.herakles.procmem.runtime.Rules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code subgroups}: the effective classification rules, sorted (upstream listed them unsorted). */
@Command(name = "subgroups", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the classification groups and subgroups (built-in, workstation and custom rules).")
final class SubgroupsCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--verbose", description = "Show every pattern.")
    boolean verbose;

    @Option(names = {"-g", "--group"}, paramLabel = "GROUP", description = "Only groups whose name contains GROUP.")
    String group;

    @Override
    public Integer call() {
        if (root.validConfig().isEmpty()) {
            return ExitCodes.FAILURE;
        }
        root.out.print(SubgroupReports.commandListing(Rules.strict().set(), verbose, group));
        root.out.flush();
        return ExitCodes.OK;
    }
}
