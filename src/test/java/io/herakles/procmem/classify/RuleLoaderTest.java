package io.herakles.procmem.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom files: order, overrides, errors that name the file, the rest still loading. */
class RuleLoaderTest {

    @TempDir
    Path dir;

    @Test
    void customFilesOverrideBuiltInsAndEachOtherInOrder() throws IOException {
        Path etc = write("etc.toml", """
                subgroups = [
                  { group = "myapp", subgroup = "api", matches = ["myapp-api", "api-server"] },
                  { group = "mydb", subgroup = "pg", matches = ["postgres"] },
                ]
                """);
        Path cwd = write("cwd.toml", """
                subgroups = [
                  { group = "myapp", subgroup = "worker", matches = [
                      "myapp-worker",
                      "api-server",
                  ], cmdline_matches = ["node.*myapp-frontend"], owner = "team-a" },
                ]
                """);
        RuleSet rules = RuleLoader.withCustomFiles(List.of(etc, dir.resolve("missing.toml"), cwd)).load();
        assertThat(rules.errors()).isEmpty();
        assertThat(rules.sourceNames()).containsExactly("built-in subgroups.toml", "built-in workstation.toml",
                etc.toString(), cwd.toString());
        RuleClassifier c = new RuleClassifier(rules, ExporterConfig.defaults());
        assertThat(c.classifyRaw("postgres", "").group()).isEqualTo(new GroupKey("mydb", "pg"));
        assertThat(c.classifyRaw("postgres", "").rule()).isEqualTo("name = postgres (" + etc + ")");
        assertThat(c.classifyRaw("api-server", "").group()).isEqualTo(new GroupKey("myapp", "worker"));
        assertThat(c.classifyRaw("myapp-api", "").group()).isEqualTo(new GroupKey("myapp", "api"));
        assertThat(c.classifyRaw("node", "node /srv/myapp-frontend/main.js").rule())
                .isEqualTo("cmdline ~ node.*myapp-frontend (" + cwd + ")");
    }

    @Test
    void aBrokenFileIsNamedWithItsLineAndContributesNothing() throws IOException {
        Path broken = write("broken.toml", """
                subgroups = [
                  { group = "x", subgroup = "y", matches = ["nginx"] },
                  { group = "x" subgroup = "z" },
                ]
                """);
        Path good = write("good.toml", """
                subgroups = [ { group = "myapp", subgroup = "api", matches = ["myapp-api"] } ]
                """);
        RuleSet rules = RuleLoader.withCustomFiles(List.of(broken, good)).load();
        assertThat(rules.errors()).singleElement().satisfies(e -> {
            assertThat(e).startsWith(broken + ":3: cannot parse subgroups file: ");
            assertThat(e).doesNotContain("\n");
        });
        RuleClassifier c = new RuleClassifier(rules, ExporterConfig.defaults());
        assertThat(c.classifyRaw("nginx", "").group()).isEqualTo(new GroupKey("web", "nginx"));
        assertThat(c.classifyRaw("myapp-api", "").group()).isEqualTo(new GroupKey("myapp", "api"));
        assertThat(rules.sourceNames()).doesNotContain(broken.toString());
    }

    @Test
    void anInvalidRegexNamesFileAndPatternAndRejectsTheFile() throws IOException {
        Path file = write("regex.toml", """
                subgroups = [
                  { group = "a", subgroup = "ok", matches = ["a-ok"] },
                  { group = "a", subgroup = "bad", cmdline_matches = ["node.*(frontend"] },
                ]
                """);
        RuleSet rules = RuleLoader.withCustomFiles(List.of(file)).load();
        assertThat(rules.errors()).singleElement().asString()
                .startsWith(file + ":3: subgroups entry 2 (a/bad): invalid cmdline_matches regex \"node.*(frontend\": ")
                .contains("Unclosed group");
        assertThat(new RuleClassifier(rules, ExporterConfig.defaults()).classifyRaw("a-ok", "").group())
                .isEqualTo(ClassificationPolicy.UNCLASSIFIED);
    }

    @Test
    void structuralMistakesAreOneLineErrors() throws IOException {
        assertThat(errorFor("subgroups = [ { subgroup = \"y\", matches = [\"a\"] } ]"))
                .endsWith(":1: subgroups entry 1: \"group\" must be a non-empty string");
        assertThat(errorFor("subgroups = [ { group = \"x\", subgroup = \"y\", matches = \"a\" } ]"))
                .endsWith(":1: subgroups entry 1: \"matches\" must be an array of strings");
        assertThat(errorFor("subgroups = [ { group = \"x\", subgroup = \"y\", matches = [1] } ]"))
                .endsWith(":1: subgroups entry 1: \"matches\" must contain only non-empty strings");
        assertThat(errorFor("title = \"no rules\""))
                .endsWith(": invalid subgroups file: expected a top-level array \"subgroups\"");
        assertThat(errorFor("subgroups = [ \"nginx\" ]")).endsWith(": subgroups entry 1 is not a table");
        // the line of the offending entry, in a multi-line file and in [[subgroups]] form
        assertThat(errorFor("""
                # my rules
                subgroups = [
                  { group = "a", subgroup = "b", matches = ["x # not a comment", "y"] },
                  { group = "a", subgroup = "c", matches = [
                      "z",
                  ] },
                  { group = "a", matches = ["w"] },
                ]
                """)).endsWith(":7: subgroups entry 3: \"subgroup\" must be a non-empty string");
        assertThat(errorFor("""
                [[subgroups]]
                group = "a"
                subgroup = "b"

                [[subgroups]]
                group = "a"
                matches = "w"
                """)).endsWith(":5: subgroups entry 2: \"subgroup\" must be a non-empty string");
    }

    @Test
    void anUnreadableFileIsAnErrorNotAnException() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("subgroups.toml"));
        RuleSet rules = RuleLoader.withCustomFiles(List.of(directory)).load();
        assertThat(rules.errors()).singleElement().asString()
                .startsWith(directory + ": cannot read subgroups file: ");
        assertThat(rules.subgroupCount()).isGreaterThan(140);
    }

    @Test
    void workstationRulesCanBeLeftOut() throws IOException {
        Path file = write("custom.toml", "subgroups = [ { group = \"myapp\", subgroup = \"api\", matches = [\"myapp-api\"] } ]");
        RuleSet rules = RuleLoader.of(false, List.of(file)).load();
        assertThat(rules.sourceNames()).containsExactly("built-in subgroups.toml", file.toString());
        assertThat(rules.subgroupCount()).isEqualTo(125);
    }

    @Test
    void firstErrorIsTheFirstBrokenFileAndBuiltInOnlyReadsNoCustomFile() throws IOException {
        Path broken = write("broken.toml", "subgroups = [\n");
        RuleSet rules = RuleLoader.withCustomFiles(List.of(broken)).load();
        assertThat(rules.firstError()).hasValueSatisfying(e -> assertThat(e).startsWith(broken + ":"));
        assertThat(RuleLoader.withCustomFiles(List.of()).load().firstError()).isEmpty();
        assertThat(RuleLoader.builtInOnly().load().sourceNames())
                .containsExactly("built-in subgroups.toml", "built-in workstation.toml");
    }

    @Test
    void defaultLocationsAreUpstreams() {
        assertThat(RuleLoader.DEFAULT_CUSTOM_FILES).containsExactly(
                Path.of("/etc/herakles/subgroups.toml"), Path.of("subgroups.toml"));
    }

    private String errorFor(String text) throws IOException {
        Path file = write("f" + System.nanoTime() + ".toml", text);
        List<String> errors = RuleLoader.withCustomFiles(List.of(file)).load().errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains(file.toString());
        return errors.get(0);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
