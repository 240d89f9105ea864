package io.herakles.procmem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {

    @TempDir
    Path root;

    private Path cwd;
    private Path home;
    private Path etc;
    private ConfigResolver resolver;

    @BeforeEach
    void roots() throws IOException {
        cwd = Files.createDirectories(root.resolve("work"));
        home = Files.createDirectories(root.resolve("home"));
        etc = Files.createDirectories(root.resolve("etc"));
        resolver = new ConfigResolver(new ConfigSearchPaths(cwd, home, etc));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private ResolvedConfig resolve() {
        return resolver.resolve(null, false, Map.of(), ConfigOverrides.none());
    }

    @Test
    void noFileAnywhereGivesDefaults() {
        ResolvedConfig r = resolve();
        assertThat(r.config()).isEqualTo(ExporterConfig.defaults());
        assertThat(r.file()).isEmpty();
        assertThat(r.fileValues()).isEmpty();
        assertThat(r.searched()).hasSize(10).first().isEqualTo(cwd.resolve("herakles-proc-mem-exporter.yaml"));
    }

    @Test
    void searchOrderIsDocumented() {
        assertThat(new ConfigSearchPaths(cwd, home, etc).candidates()).containsExactly(
                cwd.resolve("herakles-proc-mem-exporter.yaml"),
                cwd.resolve("herakles-proc-mem-exporter.yml"),
                cwd.resolve("herakles-proc-mem-exporter.json"),
                cwd.resolve("herakles-proc-mem-exporter.toml"),
                home.resolve(".config/herakles/config.yaml"),
                etc.resolve("herakles/config.yaml"),
                etc.resolve("herakles/proc-mem-exporter.yaml"),
                etc.resolve("herakles/proc-mem-exporter.yml"),
                etc.resolve("herakles/proc-mem-exporter.json"),
                etc.resolve("herakles/proc-mem-exporter.toml"));
        assertThat(new ConfigSearchPaths(cwd, null, etc).candidates()).hasSize(9)
                .noneMatch(p -> p.toString().contains(".config"));
    }

    @Test
    void eachLocationIsFoundAndTheFirstWins() throws IOException {
        List<Path> candidates = new ConfigSearchPaths(cwd, home, etc).candidates();
        // Fill from the last candidate to the first: each new file must take over.
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Path file = candidates.get(i);
            int port = 10000 + i;
            String text = file.toString().endsWith(".json") ? "{\"port\": " + port + "}"
                    : file.toString().endsWith(".toml") ? "port = " + port + "\n" : "port: " + port + "\n";
            write(file, text);
            ResolvedConfig r = resolve();
            assertThat(r.filePath()).as("candidate %d", i).contains(file);
            assertThat(r.config().port()).isEqualTo(port);
            assertThat(r.fileValues()).containsExactly(Map.entry("port", port));
        }
    }

    @Test
    void tomlInWorkingDirectoryIsFound() throws IOException {
        Path toml = write(cwd.resolve("herakles-proc-mem-exporter.toml"), "cache_ttl = 7\n");
        write(etc.resolve("herakles/config.yaml"), "cache_ttl: 8\n");
        ResolvedConfig r = resolve();
        assertThat(r.filePath()).contains(toml);
        assertThat(r.config().cacheTtlSeconds()).isEqualTo(7);
    }

    @Test
    void explicitFileBeatsSearchAndResolvesAgainstWorkingDirectory() throws IOException {
        write(cwd.resolve("herakles-proc-mem-exporter.yaml"), "port: 1111\n");
        write(cwd.resolve("conf/mine.json"), "{\"port\": 2222}");
        ResolvedConfig r = resolver.resolve(Path.of("conf/mine.json"), false, Map.of(), ConfigOverrides.none());
        assertThat(r.config().port()).isEqualTo(2222);
        assertThat(r.filePath()).contains(cwd.resolve("conf/mine.json"));
        assertThat(r.searched()).isEmpty();
    }

    @Test
    void explicitMissingFileIsAnError() {
        assertThatThrownBy(() -> resolver.resolve(Path.of("missing.yaml"), false, Map.of(), ConfigOverrides.none()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file not found: missing.yaml");
        assertThatThrownBy(() -> resolver.resolve(Path.of("."), false, Map.of(), ConfigOverrides.none()))
                .hasMessage("config file is a directory: .");
    }

    @Test
    void noConfigIgnoresEveryFileEvenAnExplicitOne() throws IOException {
        write(cwd.resolve("herakles-proc-mem-exporter.yaml"), "port: 1111\n");
        write(etc.resolve("herakles/config.yaml"), "port: 2222\n");
        ResolvedConfig r = resolver.resolve(Path.of("missing.yaml"), true, Map.of(), ConfigOverrides.none());
        assertThat(r.config()).isEqualTo(ExporterConfig.defaults());
        assertThat(r.file()).isEmpty();
        assertThat(r.noConfig()).isTrue();
    }

    @Test
    void aBrokenSearchedFileIsAnErrorNotSkipped() throws IOException {
        Path bad = write(home.resolve(".config/herakles/config.yaml"), "prot: 1\n");
        write(etc.resolve("herakles/config.yaml"), "port: 2\n");
        assertThatThrownBy(this::resolve)
                .hasMessage(bad + ":1: unknown key 'prot' (did you mean 'port'?)");
    }

    @Test
    void environmentVariablesOfEveryType() {
        Map<String, String> env = Map.of(
                "HERAKLES_PORT", "9400",
                "HERAKLES_CACHE_TTL", " 12 ",
                "HERAKLES_INCLUDE_NAMES", "java, nginx ,,postgres",
                "HERAKLES_ENABLE_HEALTH", "no",
                "HERAKLES_ENABLE_PPROF", "YES",
                "HERAKLES_DISABLE_OTHERS", "1",
                "HERAKLES_ENABLE_RSS", "0",
                "HERAKLES_LOG_FILE", "/tmp/h.log",
                "HERAKLES_PROCFS", "/host/proc",
                "HERAKLES_MAX_PROCESSES", "");
        ExporterConfig c = resolver.resolve(null, false, env, ConfigOverrides.none()).config();
        assertThat(c.port()).isEqualTo(9400);
        assertThat(c.cacheTtlSeconds()).isEqualTo(12);
        assertThat(c.includeNames()).containsExactly("java", "nginx", "postgres");
        assertThat(c.enableHealth()).isFalse();
        assertThat(c.enablePprof()).isTrue();
        assertThat(c.disableOthers()).isTrue();
        assertThat(c.enableRss()).isFalse();
        assertThat(c.logFile()).isEqualTo("/tmp/h.log");
        assertThat(c.procfs()).isEqualTo("/host/proc");
        assertThat(c.maxProcesses()).as("empty value = not set").isNull();
    }

    @Test
    void everyKeyHasAnEnvironmentVariable() {
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(key.envVar()).isEqualTo("HERAKLES_" + key.key().toUpperCase(java.util.Locale.ROOT));
        }
        Map<String, String> env = Map.of("HERAKLES_TOP_N_OTHERS", "4", "HERAKLES_WEB_CONFIG_FILE", "/w.yml",
                "HERAKLES_SMAPS_ROLLUP_BUFFER_KB", "32", "HERAKLES_SEARCH_SUBGROUPS", "nginx");
        ExporterConfig c = resolver.resolve(null, false, env, ConfigOverrides.none()).config();
        assertThat(c.topNOthers()).isEqualTo(4);
        assertThat(c.webConfigFile()).isEqualTo("/w.yml");
        assertThat(c.smapsRollupBufferKb()).isEqualTo(32);
        assertThat(c.searchSubgroups()).containsExactly("nginx");
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> resolver.resolve(null, false, Map.of("HERAKLES_PORT", "abc"), ConfigOverrides.none()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable HERAKLES_PORT expects an integer, got \"abc\"");
        assertThatThrownBy(() -> resolver.resolve(null, false, Map.of("HERAKLES_ENABLE_TLS", "maybe"),
                ConfigOverrides.none()))
                .hasMessage("environment variable HERAKLES_ENABLE_TLS expects a boolean (true/false), got \"maybe\"");
        assertThatThrownBy(() -> resolver.resolve(null, false, Map.of("HERAKLES_CACHE_TTL", "1.5"),
                ConfigOverrides.none()))
                .hasMessage("environment variable HERAKLES_CACHE_TTL expects an integer, got \"1.5\"");
    }

    @Test
    void unknownHeraklesVariableIsAWarningWithSuggestion() {
        ResolvedConfig r = resolver.resolve(null, false, Map.of("HERAKLES_CACHE_TLL", "5", "PATH", "/bin"),
                ConfigOverrides.none());
        assertThat(r.config().cacheTtlSeconds()).isEqualTo(30);
        assertThat(r.warnings()).containsExactly(
                "ignoring unknown environment variable HERAKLES_CACHE_TLL (did you mean HERAKLES_CACHE_TTL?)");
    }

    @Test
    void precedenceFlagsOverEnvironmentOverFileOverDefaults() throws IOException {
        write(cwd.resolve("herakles-proc-mem-exporter.yaml"),
                "port: 1001\ncache_ttl: 11\ntop_n_others: 21\nbind: 10.0.0.1\n");
        Map<String, String> env = Map.of("HERAKLES_PORT", "1002", "HERAKLES_CACHE_TTL", "12");
        ConfigOverrides flags = ConfigOverrides.none().set("port", 1003);
        ExporterConfig c = resolver.resolve(null, false, env, flags).config();
        assertThat(c.port()).as("flag").isEqualTo(1003);
        assertThat(c.cacheTtlSeconds()).as("env over file").isEqualTo(12);
        assertThat(c.topNOthers()).as("file over default").isEqualTo(21);
        assertThat(c.bind()).as("file").isEqualTo("10.0.0.1");
        assertThat(c.topNSubgroup()).as("default").isEqualTo(3);
    }

    @Test
    void flagOverlayFollowsUpstreamMapping() {
        boolean disableHealth = true;
        boolean debug = true;
        boolean enableTls = false;
        ConfigOverrides flags = ConfigOverrides.none()
                .setIf(disableHealth, "enable_health", false)
                .setIf(debug, "enable_pprof", true)
                .setIf(enableTls, "enable_tls", true)
                .set("include_names", " a, b ,c")
                .set("test_data_file", Path.of("/tmp/t.json"))
                .set("tls_cert_path", Path.of("/tmp/c.pem"))
                .set("cache_ttl", 9)
                .set("min_uss_kb", 1024L)
                .set("parallelism", null)
                .set("exclude_names", List.of("x", "", " y "))
                .set("search_groups", new String[] {"db", "web"});
        Map<String, String> env = Map.of("HERAKLES_ENABLE_TLS", "true", "HERAKLES_PARALLELISM", "2");
        ExporterConfig c = resolver.resolve(null, false, env, flags).config();
        assertThat(c.enableHealth()).isFalse();
        assertThat(c.enablePprof()).isTrue();
        assertThat(c.enableTls()).as("absent switch leaves env alone").isTrue();
        assertThat(c.includeNames()).containsExactly("a", "b", "c");
        assertThat(c.excludeNames()).containsExactly("x", "y");
        assertThat(c.searchGroups()).containsExactly("db", "web");
        assertThat(c.testDataFile()).isEqualTo("/tmp/t.json");
        assertThat(c.tlsCertPath()).isEqualTo("/tmp/c.pem");
        assertThat(c.cacheTtlSeconds()).isEqualTo(9);
        assertThat(c.minUssKb()).isEqualTo(1024);
        assertThat(c.parallelism()).as("null flag = not given").isEqualTo(2);
        assertThat(flags.asMap()).containsKeys("enable_health", "include_names").doesNotContainKey("parallelism");
    }

    @Test
    void overridesFromAMapAndTheirErrors() {
        ConfigOverrides flags = ConfigOverrides.of(Map.of("port", "8080", "enable_cpu", "false"));
        assertThat(flags.asMap()).containsExactly(Map.entry("port", 8080), Map.entry("enable_cpu", false));
        assertThatThrownBy(() -> ConfigOverrides.none().set("port", "eighty"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value for port on the command line: expects an integer, got \"eighty\"");
        assertThatThrownBy(() -> ConfigOverrides.none().set("cache_tll", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigOverrides.none().set("port", true))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void bracketedIpv6BindIsStoredBare() throws IOException {
        write(cwd.resolve("herakles-proc-mem-exporter.yaml"), "bind: \"[::1]\"\n");
        assertThat(resolve().config().bind()).isEqualTo("::1");
    }

    @Test
    void fileValuesAreOnlyWhatTheFileSet() throws IOException {
        write(cwd.resolve("herakles-proc-mem-exporter.yaml"), "top-n-others: 4\nport: 9999\nlog_file: null\n");
        ResolvedConfig r = resolver.resolve(null, false, Map.of("HERAKLES_PORT", "1"), ConfigOverrides.none());
        assertThat(r.fileValues()).containsExactly(Map.entry("port", 9999), Map.entry("top_n_others", 4));
        assertThat(r.config().port()).isEqualTo(1);
    }
}
