package io.herakles.procmem.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BuiltInRuleReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {RuleLoader.UPSTREAM_RESOURCE, RuleLoader.WORKSTATION_RESOURCE})
    void readsEachBuiltInFileExactlyAsTheGeneralTomlParserDoes(String resource) throws Exception {
        String text = resource(resource);

        RuleSource light = BuiltInRuleReader.read(text, resource);
        RuleSource general = RuleFileParser.parse(text, resource);

        assertThat(light.definitions()).isNotEmpty().isEqualTo(general.definitions());
    }

    @Test
    void readsBothStringKindsEscapesCommentsAndTrailingCommas() {
        String text = "# rules\nsubgroups = [\n"
                + "  { group = \"db\", subgroup = \"pg # not a comment\", matches = [\"postgres\", \"a\\\"b\",], },\n"
                + "  { group = 'web', subgroup = 'x', cmdline_matches = ['^(\\S*/)?node '] }, # end\n"
                + "]\n";

        RuleSource source = BuiltInRuleReader.read(text, "t.toml");

        assertThat(source.definitions()).hasSize(2);
        assertThat(source.definitions().get(0).key().subgroup()).isEqualTo("pg # not a comment");
        assertThat(source.definitions().get(0).matches()).containsExactly("postgres", "a\"b");
        assertThat(source.definitions().get(1).matches()).isEmpty();
        assertThat(source.definitions().get(1).cmdlineMatches()).containsExactly("^(\\S*/)?node ");
    }

    @Test
    void textOutsideTheSupportedPartNamesFileAndLine() {
        assertThatThrownBy(() -> BuiltInRuleReader.read("subgroups = [\n { group = 1 } ]", "b.toml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("b.toml:2: expected a string");
        assertThatThrownBy(() -> BuiltInRuleReader.read("subgroups = [\n { subgroup = \"x\" } ]", "c.toml"))
                .hasMessageContaining("without \"group\"");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RuleLoader.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
