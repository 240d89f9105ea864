package io.herakles.procmem.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/CONFIG.md is generated from {@link ConfigKey}: this test fails when the file is stale and
 * says the command that regenerates it; with {@code -Dherakles.writeDocs=true} it rewrites it.
 */
class ConfigReferenceTest {

    static final Path FILE = Path.of(System.getProperty("basedir", ".")).resolve("docs/CONFIG.md");

    @Test
    void configDocMatchesTheKeyTable() throws IOException {
        String expected = ConfigReference.markdown();
        if (Boolean.getBoolean("herakles.writeDocs")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
        assertThat(actual)
                .as("docs/CONFIG.md is stale (a config key was added or changed); regenerate it with:%n  %s",
                        ConfigReference.REGENERATE)
                .isEqualTo(expected);
    }

    @Test
    void everyKeyHasARowWithItsEnvironmentVariable() {
        String md = ConfigReference.markdown();
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(md).contains("| `" + key.key() + "` |", "`" + key.envVar() + "`");
        }
        assertThat(md).contains("`modify-search-engine`", "| `port` | an integer | `9215` |");
    }
}
