package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line builds only the subcommand it names, and that one is the same as in the whole tree. */
class SubcommandsTest {

    @Test
    void exactlyOneNamedSubcommandIsAllThatIsBuilt() {
        assertThat(Subcommands.needed(new String[] {"diff", "a.json", "b.json"})).containsExactly(DiffCommand.class);
        assertThat(Subcommands.needed(new String[] {"-c", "my.yaml", "--no-config", "leaks", "r.jsonl.gz"}))
                .containsExactly(LeaksCommand.class);
        assertThat(Subcommands.needed(new String[] {"diff", "maps.json", "test.json"})).containsExactly(DiffCommand.class);
    }

    @Test
    void noneSeveralOrATreeDescribingSubcommandBuildAll() {
        assertThat(Subcommands.needed(new String[0])).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed(new String[] {"--exporter"})).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed(new String[] {"dif", "a", "b"})).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed(new String[] {"diff", "test", "b"})).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed(new String[] {"completion", "bash"})).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed(new String[] {"man"})).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.ALL).hasSize(13);
    }

    @Test
    void aSubcommandBuiltAloneHasTheHelpAndOptionsItHasInTheWholeTree() {
        for (Class<?> sub : Subcommands.ALL) {
            String name = sub.getAnnotation(CommandLine.Command.class).name();
            CommandLine whole = root(Subcommands.ALL);
            CommandLine alone = root(java.util.List.of(sub));
            assertThat(alone.getSubcommands()).containsOnlyKeys(name);
            assertThat(alone.getSubcommands().get(name).getUsageMessage())
                    .as(name).isEqualTo(whole.getSubcommands().get(name).getUsageMessage());
            assertThat(alone.getSubcommands().get(name).getCommandSpec().options()).as(name)
                    .hasSameSizeAs(whole.getSubcommands().get(name).getCommandSpec().options());
        }
    }

    @Test
    void aMisspelledSubcommandStillGetsItsSuggestion() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true);
        Launch launch = HeraklesCli.launch(new String[] {"--no-config", "dif", "a", "b"}, Map.of(), System.out, errStream);
        assertThat(launch.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("diff");
    }

    private static CommandLine root(java.util.List<Class<?>> subs) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine cli = new CommandLine(new RootCommand(Map.of(), sink, sink));
        subs.forEach(cli::addSubcommand);
        SubcommandOptions.hideInapplicable(cli);
        return cli;
    }
}
