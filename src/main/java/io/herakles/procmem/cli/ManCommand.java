package io.herakles.procmem.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code man}: prints the manual page (troff); the packages install it as herakles-proc-mem(1). */
@Command(name = "man", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the manual page (troff). Read it with: herakles-proc-mem man | man -l -"})
final class ManCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        root.out.print(ManPage.render(spec.root().commandLine(), VersionProvider.version()));
        root.out.flush();
        return ExitCodes.OK;
    }
}
