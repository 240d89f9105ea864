package io.herakles.procmem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smaps_max_age_seconds}: unset by default, set from a file, the environment or a flag, validated. */
class SmapsMaxAgeKeyTest {

    @TempDir
    Path dir;

    private ConfigResolver resolver() throws IOException {
        return new ConfigResolver(new ConfigSearchPaths(Files.createDirectories(dir.resolve("cwd")),
                Files.createDirectories(dir.resolve("home")), Files.createDirectories(dir.resolve("etc"))));
    }

    private static ExporterConfig withMaxAge(long seconds) {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.smapsMaxAgeSeconds(seconds);
        return b.build();
    }

    @Test
    void unsetByDefaultSoEachFaceUsesItsOwn() {
        assertThat(ExporterConfig.defaults().smapsMaxAgeSeconds()).isNull();
        assertThat(ConfigKey.SMAPS_MAX_AGE_SECONDS.nullable()).isTrue();
        assertThat(ConfigKey.byKey("smaps_max_age_seconds")).contains(ConfigKey.SMAPS_MAX_AGE_SECONDS);
    }

    @Test
    void fromAFileTheEnvironmentAndAFlagWithFlagsWinning() throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), "smaps_max_age_seconds: 20\n");
        ConfigResolver resolver = resolver();
        assertThat(resolver.resolve(file, false, Map.of(), ConfigOverrides.none()).config()
                .smapsMaxAgeSeconds()).isEqualTo(20);
        Map<String, String> env = Map.of("HERAKLES_SMAPS_MAX_AGE_SECONDS", " 15 ");
        assertThat(resolver.resolve(file, false, env, ConfigOverrides.none()).config()
                .smapsMaxAgeSeconds()).isEqualTo(15);
        ConfigOverrides flag = ConfigOverrides.none().set("smaps_max_age_seconds", "0");
        assertThat(resolver.resolve(file, false, env, flag).config().smapsMaxAgeSeconds()).isZero();
    }

    @Test
    void aNonNumberNamesTheVariable() {
        assertThatThrownBy(() -> resolver().resolve(null, false, Map.of("HERAKLES_SMAPS_MAX_AGE_SECONDS", "10s"),
                ConfigOverrides.none()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable HERAKLES_SMAPS_MAX_AGE_SECONDS expects an integer, got \"10s\"");
    }

    @Test
    void validationGivesOneLineNamingKeyAndValue() {
        assertThat(ConfigValidator.validate(withMaxAge(0))).isEmpty();
        assertThat(ConfigValidator.validate(withMaxAge(86_400))).isEmpty();
        assertThat(ConfigValidator.firstError(withMaxAge(-1)))
                .hasValue("smaps_max_age_seconds must be between 0 and 86400 (seconds), got -1");
        assertThat(ConfigValidator.firstError(withMaxAge(10_000_000)))
                .hasValue("smaps_max_age_seconds must be between 0 and 86400 (seconds), got 10000000");
    }

    @Test
    void listedInTheCommentedTemplateAndTheEffectiveConfig() {
        String commented = ConfigRenderer.defaults(ConfigFormat.YAML, true);
        assertThat(commented).contains("smaps_max_age_seconds").contains("10 on the desktop");
        assertThat(ConfigRenderer.effective(withMaxAge(12), ConfigFormat.YAML)).contains("\nsmaps_max_age_seconds: 12\n");
        assertThat(ConfigRenderer.effective(ExporterConfig.defaults(), ConfigFormat.JSON))
                .contains("\"smaps_max_age_seconds\" : null");
    }
}
