package io.herakles.procmem.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConfigRendererTest {

    @TempDir
    Path dir;

    private ExporterConfig readBack(String text, ConfigFormat format) throws IOException {
        Path file = Files.writeString(dir.resolve("back." + format.id()), text);
        ExporterConfig.Builder b = ExporterConfig.builder();
        ConfigFile.read(file).values().forEach((k, v) -> k.set(b, v));
        return b.build();
    }

    private static ExporterConfig tricky() {
        ExporterConfig.Builder b = ConfigFileTest.ALL_SET.toBuilder();
        b.includeNames(List.of("yes", "123", "null", "a: b", "#hash", "it's", "\"q\"", "ünï", ""));
        b.logFile("/tmp/with space: and colon.log");
        b.searchMode("true");
        b.tlsKeyPath("0x10");
        return b.build();
    }

    @ParameterizedTest
    @EnumSource(ConfigFormat.class)
    void showConfigParsesBackToTheSameConfig(ConfigFormat format) throws IOException {
        for (ExporterConfig config : List.of(ExporterConfig.defaults(), ConfigFileTest.ALL_SET, tricky())) {
            String text = ConfigRenderer.effective(config, format);
            assertThat(text).endsWith("\n").doesNotEndWith("\n\n");
            assertThat(readBack(text, format)).isEqualTo(config);
        }
    }

    @ParameterizedTest
    @EnumSource(ConfigFormat.class)
    void showConfigListsKeysInUpstreamOrder(ConfigFormat format) {
        String text = ConfigRenderer.effective(ExporterConfig.defaults(), format);
        List<Integer> positions = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            int at = text.indexOf(key.key());
            if (format == ConfigFormat.TOML && key.defaultValue() == null) {
                assertThat(at).as("TOML has no null: %s left out", key.key()).isEqualTo(-1);
                continue;
            }
            assertThat(at).as(key.key()).isNotNegative();
            positions.add(at);
        }
        assertThat(positions).isSorted();
    }

    @Test
    void showConfigYamlLooksLikeUpstream() {
        String yaml = ConfigRenderer.effective(ExporterConfig.defaults(), ConfigFormat.YAML);
        assertThat(yaml).startsWith("port: 9215\nbind: 0.0.0.0\nmin_uss_kb: 0\n")
                .contains("\nparallelism: null\n", "\ncache_ttl: 30\n", "\nlog_level: info\n", "\nprocfs: /proc\n")
                .doesNotContain("---");
        String json = ConfigRenderer.effective(ExporterConfig.defaults(), ConfigFormat.JSON);
        assertThat(json).startsWith("{").contains("\"port\" : 9215", "\"parallelism\" : null");
        String toml = ConfigRenderer.effective(ExporterConfig.defaults(), ConfigFormat.TOML);
        assertThat(toml).startsWith("port = 9215\n").doesNotContain("null");
    }

    @Test
    void userConfigShowsPathAndOnlyTheFileValues() throws IOException {
        Path file = Files.writeString(dir.resolve("herakles-proc-mem-exporter.yaml"), "top-n-others: 4\nport: 9999\n");
        ConfigResolver resolver = new ConfigResolver(new ConfigSearchPaths(dir, null, dir.resolve("etc")));
        ResolvedConfig r = resolver.resolve(null, false, Map.of("HERAKLES_CACHE_TTL", "5"), ConfigOverrides.none());
        assertThat(ConfigRenderer.userConfig(r, ConfigFormat.YAML))
                .isEqualTo("User configuration file: " + file + "\nport: 9999\ntop_n_others: 4\n");
        assertThat(ConfigRenderer.userConfig(r, ConfigFormat.JSON))
                .startsWith("User configuration file: " + file + "\n{")
                .contains("\"top_n_others\" : 4").doesNotContain("cache_ttl");
        assertThat(ConfigRenderer.userConfig(r, ConfigFormat.TOML))
                .isEqualTo("User configuration file: " + file + "\nport = 9999\ntop_n_others = 4\n");
    }

    @Test
    void userConfigWithoutAFileSaysSo() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing\n");
        ConfigResolver resolver = new ConfigResolver(new ConfigSearchPaths(dir, null, dir.resolve("etc")));
        ResolvedConfig withEmpty = resolver.resolve(empty, false, Map.of(), ConfigOverrides.none());
        assertThat(ConfigRenderer.userConfig(withEmpty, ConfigFormat.YAML))
                .isEqualTo("User configuration file: " + empty + "\n(the file sets no keys)\n");

        ResolvedConfig none = resolver.resolve(null, false, Map.of(), ConfigOverrides.none());
        String text = ConfigRenderer.userConfig(none, ConfigFormat.YAML);
        assertThat(text).startsWith("No user configuration file found; searched:\n  " + dir.resolve("herakles-proc-mem-exporter.yaml"))
                .contains(dir.resolve("etc/herakles/proc-mem-exporter.toml").toString());

        ResolvedConfig off = resolver.resolve(null, true, Map.of(), ConfigOverrides.none());
        assertThat(ConfigRenderer.userConfig(off, ConfigFormat.YAML))
                .isEqualTo("No user configuration file: --no-config ignores all configuration files.\n");
    }

    @Test
    void checkConfigLines() {
        assertThat(ConfigRenderer.checkResult(ExporterConfig.defaults())).isEqualTo("✅ Configuration is valid");
        ExporterConfig bad = ExporterConfig.builder().build().toBuilder().build();
        ExporterConfig.Builder b = bad.toBuilder();
        b.searchMode("include");
        assertThat(ConfigRenderer.checkResult(b.build())).isEqualTo(
                "❌ Configuration invalid: search_mode is set to include/exclude, but no search_groups or search_subgroups defined");
        assertThat(ConfigRenderer.checkResult(Optional.of("x.yaml:1: unknown key 'a'")))
                .isEqualTo("❌ Configuration invalid: x.yaml:1: unknown key 'a'");
    }

    @ParameterizedTest
    @EnumSource(ConfigFormat.class)
    void configSubcommandWritesBuiltInDefaults(ConfigFormat format) throws IOException {
        String text = ConfigRenderer.defaults(format, false);
        assertThat(text).isEqualTo(ConfigRenderer.effective(ExporterConfig.defaults(), format));
        assertThat(readBack(text, format)).isEqualTo(ExporterConfig.defaults());
        if (format != ConfigFormat.YAML) {
            assertThat(ConfigRenderer.defaults(format, true)).as("comments are YAML only").isEqualTo(text);
        }
    }

    @Test
    void commentedDefaultsListEveryKeyWithDefaultAndDescription() throws IOException {
        String text = ConfigRenderer.defaults(ConfigFormat.YAML, true);
        String[] lines = text.split("\n");
        for (ConfigKey key : ConfigKey.values()) {
            String prefix = "# " + key.key() + ": ";
            String line = java.util.Arrays.stream(lines).filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no comment line for " + key.key()));
            assertThat(line).contains("# " + key.description());
            key.aliases().forEach(alias -> assertThat(line).contains(alias));
        }
        assertThat(text).contains("# port: 9215 ", "# bind: \"0.0.0.0\" ", "# parallelism: null ", "# cache_ttl: 30 ",
                "# include_names: [] ");
        assertThat(text).endsWith(ConfigRenderer.effective(ExporterConfig.defaults(), ConfigFormat.YAML));
        assertThat(readBack(text, ConfigFormat.YAML)).as("still a valid config file").isEqualTo(ExporterConfig.defaults());
    }

    @Test
    void formatNamesParse() {
        assertThat(ConfigFormat.parse("YAML")).isEqualTo(ConfigFormat.YAML);
        assertThat(ConfigFormat.parse("yml")).isEqualTo(ConfigFormat.YAML);
        assertThat(ConfigFormat.parse("json")).isEqualTo(ConfigFormat.JSON);
        assertThat(ConfigFormat.parse("toml")).isEqualTo(ConfigFormat.TOML);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigFormat.parse("xml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid config format 'xml', expected yaml, json or toml");
        assertThat(ConfigFormat.ofPath(Path.of("/etc/x.JSON"))).isEqualTo(ConfigFormat.JSON);
    }
}
