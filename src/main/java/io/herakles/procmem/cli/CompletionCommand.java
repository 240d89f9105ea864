package io.herakles.procmem.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code completion bash|zsh}: prints a completion script generated from the same command model
 * that parses the arguments, so it can never list a flag that does not exist.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a shell completion script for bash or zsh.",
            "bash: source <(herakles-proc-mem completion bash)   (the packages install it for you)",
            "zsh:  source <(herakles-proc-mem completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new UserError("completion: unknown shell '" + shell + "' (bash or zsh)");
        }
        String script = AutoComplete.bash(CommandName.NAME, spec.root().commandLine());
        if (shell.equals("zsh")) {
            // picocli's script is bash; zsh runs it through its bash-completion emulation
            root.out.println("autoload -U +X compinit && compinit");
            root.out.println("autoload -U +X bashcompinit && bashcompinit");
        }
        root.out.print(script);
        root.out.flush();
        return ExitCodes.OK;
    }
}
