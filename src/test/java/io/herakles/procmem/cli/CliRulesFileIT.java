package io.herakles.procmem.cli;

import static io.herakles.procmem.cli.CliAssertions.assertFailsWithOneLine;
import static io.herakles.procmem.cli.CliAssertions.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.testsupport.HeraklesLauncher.Result;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A custom {@code subgroups.toml} found in the search path (here {@code ./subgroups.toml}, the
 * child's working directory) that cannot be parsed or read stops {@code --exporter} and
 * {@code check} with exit 1 and one {@code file:line:} message, never a stack trace. Running on
 * without the user's rules would misclassify every process they were written for.
 */
class CliRulesFileIT extends LauncherTestBase {

    private static final String MALFORMED = """
            subgroups = [
              { group = "mine", subgroup = "tool", matches = ["mytool"] },
              { group = "mine" subgroup = "broken" },
            ]
            """;

    @Test
    void exporterRefusesToStartOnAMalformedRulesFile() throws Exception {
        Files.writeString(dir.resolve("subgroups.toml"), MALFORMED);
        Result r = herakles.run("--exporter", "--no-config", "--bind", "127.0.0.1", "--port", "59215");
        String line = assertFailsWithOneLine(r, 1, "subgroups.toml:3:", "cannot parse subgroups file");
        assertThat(r.stderrLines()).as(r.describe()).containsExactly(line);
        assertThat(r.stdout()).as(r.describe()).isEmpty();
    }

    @Test
    void exporterRefusesToStartOnAnUnreadableRulesFile() throws Exception {
        // a directory cannot be read as a file, even by root (chmod 000 would not stop root)
        Files.createDirectory(dir.resolve("subgroups.toml"));
        Result r = herakles.run("--exporter", "--no-config", "--bind", "127.0.0.1", "--port", "59215");
        String line = assertFailsWithOneLine(r, 1, "subgroups.toml:", "cannot read subgroups file");
        assertThat(r.stderrLines()).as(r.describe()).containsExactly(line);
    }

    @Test
    void anEntryMistakeNamesTheEntrysLine() throws Exception {
        Files.writeString(dir.resolve("subgroups.toml"), """
                subgroups = [
                  { group = "mine", subgroup = "tool", matches = ["mytool"] },
                  { group = "mine", subgroup = "bad", cmdline_matches = ["node.*(frontend"] },
                ]
                """);
        assertFailsWithOneLine(herakles.run("--exporter", "--no-config", "--bind", "127.0.0.1", "--port", "59215"),
                1, "subgroups.toml:3:", "invalid cmdline_matches regex", "node.*(frontend");
    }

    @Test
    void checkFailsNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve("subgroups.toml"), MALFORMED);
        Result r = herakles.run("check");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stdoutLines()).as(r.describe())
                .filteredOn(l -> l.contains("subgroups.toml:3:")).singleElement().asString().contains("❌");
        assertThat(r.stdout()).contains("❌ Some checks failed");
        assertNoStackTrace(r);
    }

    @Test
    void theOtherCommandsThatClassifyRefuseToo() throws Exception {
        Files.writeString(dir.resolve("subgroups.toml"), MALFORMED);
        assertFailsWithOneLine(herakles.run("test"), 1, "subgroups.toml:3:");
        assertFailsWithOneLine(herakles.run("generate-testdata", "-o", "out.json"), 1, "subgroups.toml:3:");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }
}
