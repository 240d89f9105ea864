package io.herakles.procmem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigFileTest {

    @TempDir
    Path dir;

    /** Every key set to a value different from its default. */
    static final ExporterConfig ALL_SET = allSet();

    static ExporterConfig allSet() {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.port(9300);
        b.bind("127.0.0.1");
        b.minUssKb(2048);
        b.includeNames(List.of("java", "nginx"));
        b.excludeNames(List.of("kworker"));
        b.parallelism(4);
        b.maxProcesses(5000);
        b.cacheTtlSeconds(15);
        b.ioBufferKb(128);
        b.smapsBufferKb(1024);
        b.smapsRollupBufferKb(64);
        b.enableHealth(false);
        b.enableTelemetry(false);
        b.enableDefaultCollectors(false);
        b.enablePprof(true);
        b.logLevel("debug");
        b.enableFileLogging(true);
        b.logFile("/var/log/herakles.log");
        b.searchMode("include");
        b.searchGroups(List.of("db", "web"));
        b.searchSubgroups(List.of("postgres"));
        b.disableOthers(true);
        b.topNSubgroup(5);
        b.topNOthers(20);
        b.enableRss(false);
        b.enablePss(false);
        b.enableUss(false);
        b.enableCpu(false);
        b.testDataFile("/tmp/testdata.json");
        b.enableTls(true);
        b.tlsCertPath("/etc/herakles/cert.pem");
        b.tlsKeyPath("/etc/herakles/key.pem");
        b.procfs("/host/proc");
        b.webConfigFile("/etc/herakles/web.yml");
        b.smapsMaxAgeSeconds(7L);
        return b.build();
    }

    static final String ALL_YAML = """
            port: 9300
            bind: "127.0.0.1"
            min_uss_kb: 2048
            include_names: [java, nginx]
            exclude_names:
              - kworker
            parallelism: 4
            max_processes: 5000
            cache_ttl: 15
            io_buffer_kb: 128
            smaps_buffer_kb: 1024
            smaps_rollup_buffer_kb: 64
            enable_health: false
            enable_telemetry: false
            enable_default_collectors: false
            enable_pprof: true
            log_level: debug
            enable_file_logging: true
            log_file: /var/log/herakles.log
            search_mode: include
            search_groups: [db, web]
            search_subgroups: [postgres]
            disable_others: true
            top_n_subgroup: 5
            top_n_others: 20
            enable_rss: false
            enable_pss: false
            enable_uss: false
            enable_cpu: false
            test_data_file: /tmp/testdata.json
            enable_tls: true
            tls_cert_path: /etc/herakles/cert.pem
            tls_key_path: /etc/herakles/key.pem
            procfs: /host/proc
            web_config_file: /etc/herakles/web.yml
            smaps_max_age_seconds: 7
            """;

    static final String ALL_JSON = """
            {
              "port": 9300, "bind": "127.0.0.1", "min_uss_kb": 2048,
              "include_names": ["java", "nginx"], "exclude_names": ["kworker"],
              "parallelism": 4, "max_processes": 5000, "cache_ttl": 15,
              "io_buffer_kb": 128, "smaps_buffer_kb": 1024, "smaps_rollup_buffer_kb": 64,
              "enable_health": false, "enable_telemetry": false, "enable_default_collectors": false,
              "enable_pprof": true, "log_level": "debug", "enable_file_logging": true,
              "log_file": "/var/log/herakles.log", "search_mode": "include",
              "search_groups": ["db", "web"], "search_subgroups": ["postgres"], "disable_others": true,
              "top_n_subgroup": 5, "top_n_others": 20,
              "enable_rss": false, "enable_pss": false, "enable_uss": false, "enable_cpu": false,
              "test_data_file": "/tmp/testdata.json", "enable_tls": true,
              "tls_cert_path": "/etc/herakles/cert.pem", "tls_key_path": "/etc/herakles/key.pem",
              "procfs": "/host/proc", "web_config_file": "/etc/herakles/web.yml",
              "smaps_max_age_seconds": 7
            }
            """;

    static final String ALL_TOML = """
            port = 9300
            bind = "127.0.0.1"
            min_uss_kb = 2048
            include_names = ["java", "nginx"]
            exclude_names = ['kworker']
            parallelism = 4
            max_processes = 5000
            cache_ttl = 15
            io_buffer_kb = 128
            smaps_buffer_kb = 1024
            smaps_rollup_buffer_kb = 64
            enable_health = false
            enable_telemetry = false
            enable_default_collectors = false
            enable_pprof = true
            log_level = "debug"
            enable_file_logging = true
            log_file = "/var/log/herakles.log"
            search_mode = "include"
            search_groups = ["db", "web"]
            search_subgroups = ["postgres"]
            disable_others = true
            top_n_subgroup = 5
            top_n_others = 20
            enable_rss = false
            enable_pss = false
            enable_uss = false
            enable_cpu = false
            test_data_file = "/tmp/testdata.json"
            enable_tls = true
            tls_cert_path = "/etc/herakles/cert.pem"
            tls_key_path = "/etc/herakles/key.pem"
            procfs = "/host/proc"
            web_config_file = "/etc/herakles/web.yml"
            smaps_max_age_seconds = 7
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static ExporterConfig applied(ConfigFile file) {
        ExporterConfig.Builder b = ExporterConfig.builder();
        file.values().forEach((k, v) -> k.set(b, v));
        return b.build();
    }

    @Test
    void fixtureSetsEveryKeyToANonDefault() {
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(key.get(ALL_SET)).as(key.key()).isNotEqualTo(key.defaultValue());
        }
    }

    @Test
    void everyKeyInYaml() throws IOException {
        ConfigFile file = ConfigFile.read(write("all.yaml", ALL_YAML));
        assertThat(file.format()).isEqualTo(ConfigFormat.YAML);
        assertThat(file.values()).hasSize(ConfigKey.values().length);
        assertThat(applied(file)).isEqualTo(ALL_SET);
    }

    @Test
    void everyKeyInJson() throws IOException {
        ConfigFile file = ConfigFile.read(write("all.json", ALL_JSON));
        assertThat(file.format()).isEqualTo(ConfigFormat.JSON);
        assertThat(applied(file)).isEqualTo(ALL_SET);
    }

    @Test
    void everyKeyInToml() throws IOException {
        ConfigFile file = ConfigFile.read(write("all.toml", ALL_TOML));
        assertThat(file.format()).isEqualTo(ConfigFormat.TOML);
        assertThat(applied(file)).isEqualTo(ALL_SET);
    }

    @Test
    void otherOrNoExtensionIsYaml() throws IOException {
        assertThat(applied(ConfigFile.read(write("herakles.conf", ALL_YAML)))).isEqualTo(ALL_SET);
        assertThat(applied(ConfigFile.read(write("herakles", ALL_YAML)))).isEqualTo(ALL_SET);
        assertThat(ConfigFile.read(write("x.yml", "port: 1\n")).values()).containsEntry(ConfigKey.PORT, 1);
    }

    static Stream<Arguments> everyAliasInEveryFormat() {
        List<Arguments> out = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            for (String alias : key.aliases()) {
                for (ConfigFormat format : ConfigFormat.values()) {
                    out.add(Arguments.of(key, alias, format));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} in {2}")
    @MethodSource
    void everyAliasInEveryFormat(ConfigKey key, String alias, ConfigFormat format) throws IOException {
        Object expected = key.get(ALL_SET);
        String text = switch (format) {
            case YAML -> "\"" + alias + "\": " + literal(expected, format) + "\n";
            case JSON -> "{\"" + alias + "\": " + literal(expected, format) + "}";
            case TOML -> "\"" + alias + "\" = " + literal(expected, format) + "\n";
        };
        ConfigFile file = ConfigFile.read(write("alias." + format.id(), text));
        assertThat(file.values()).containsExactly(org.assertj.core.api.Assertions.entry(key, expected));
        assertThat(file.valuesByName()).containsOnlyKeys(key.key());
    }

    private static String literal(Object value, ConfigFormat format) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof List<?> list) {
            List<String> quoted = new ArrayList<>();
            list.forEach(e -> quoted.add("\"" + e + "\""));
            return "[" + String.join(", ", quoted) + "]";
        }
        return String.valueOf(value);
    }

    @Test
    void nullMeansUnsetAndEmptyFileSetsNothing() throws IOException {
        ConfigFile file = ConfigFile.read(write("n.yaml", "port: null\nlog_file: ~\ncache_ttl: 5\n"));
        assertThat(file.values()).containsOnlyKeys(ConfigKey.CACHE_TTL);
        assertThat(ConfigFile.read(write("empty.yaml", "")).values()).isEmpty();
        assertThat(ConfigFile.read(write("comments.yaml", "# nothing here\n")).values()).isEmpty();
        assertThat(ConfigFile.read(write("empty.toml", "")).values()).isEmpty();
        assertThat(ConfigFile.read(write("null.json", "{\"parallelism\": null}")).values()).isEmpty();
    }

    @Test
    void scalarsAreConvertedLeniently() throws IOException {
        ConfigFile file = ConfigFile.read(write("s.yaml", "port: \"9300\"\nenable_rss: \"no\"\nlog_level: 1\n"));
        assertThat(file.values()).containsEntry(ConfigKey.PORT, 9300)
                .containsEntry(ConfigKey.ENABLE_RSS, false)
                .containsEntry(ConfigKey.LOG_LEVEL, "1");
    }

    @ParameterizedTest
    @EnumSource(ConfigFormat.class)
    void unknownKeyNamesFileLineAndNearestKey(ConfigFormat format) throws IOException {
        String text = switch (format) {
            case YAML -> "port: 9300\n\ncache_tll: 10\n";
            case JSON -> "{\n  \"port\": 9300,\n  \"cache_tll\": 10\n}\n";
            case TOML -> "port = 9300\n\ncache_tll = 10\n";
        };
        Path file = write("typo." + format.id(), text);
        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3: unknown key 'cache_tll' (did you mean 'cache_ttl'?)");
    }

    @Test
    void suggestionsCoverAliasesAndFarNamesGetNone() throws IOException {
        Path alias = write("a.yaml", "top-n-subgrup: 3\n");
        assertThatThrownBy(() -> ConfigFile.read(alias))
                .hasMessage(alias + ":1: unknown key 'top-n-subgrup' (did you mean 'top-n-subgroup'?)");
        Path far = write("b.yaml", "port: 1\ncolour: blue\n");
        assertThatThrownBy(() -> ConfigFile.read(far)).hasMessage(far + ":2: unknown key 'colour'");
        Path hyphen = write("c.yaml", "cache-ttl: 3\n");
        assertThatThrownBy(() -> ConfigFile.read(hyphen)).hasMessageEndingWith("(did you mean 'cache_ttl'?)");
    }

    @Test
    void tomlTableIsAnUnknownKeyAtItsHeader() throws IOException {
        Path file = write("t.toml", "port = 1\n\n[server]\nport = 2\n");
        assertThatThrownBy(() -> ConfigFile.read(file)).hasMessage(file + ":3: unknown key 'server'");
    }

    @ParameterizedTest
    @EnumSource(ConfigFormat.class)
    void wrongTypeNamesKeyFileLineAndExpectedType(ConfigFormat format) throws IOException {
        String text = switch (format) {
            case YAML -> "bind: 0.0.0.0\nport: abc\n";
            case JSON -> "{\"bind\": \"0.0.0.0\",\n\"port\": \"abc\"}";
            case TOML -> "bind = '0.0.0.0'\nport = 'abc'\n";
        };
        Path file = write("type." + format.id(), text);
        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2: key 'port' expects an integer, got \"abc\"");
    }

    @Test
    void otherWrongTypes() throws IOException {
        Path list = write("l.yaml", "include_names: java\n");
        assertThatThrownBy(() -> ConfigFile.read(list))
                .hasMessage(list + ":1: key 'include_names' expects a list of strings, got \"java\"");
        Path bool = write("b.yaml", "\n\nenable-tls: maybe\n");
        assertThatThrownBy(() -> ConfigFile.read(bool))
                .hasMessage(bool + ":3: key 'enable-tls' expects a boolean (true/false), got \"maybe\"");
        Path fraction = write("f.json", "{\"cache_ttl\": 1.5}");
        assertThatThrownBy(() -> ConfigFile.read(fraction))
                .hasMessage(fraction + ":1: key 'cache_ttl' expects an integer, got 1.5");
        Path map = write("m.yaml", "bind:\n  ip: 1.2.3.4\n");
        assertThatThrownBy(() -> ConfigFile.read(map))
                .hasMessage(map + ":1: key 'bind' expects a string, got {\"ip\":\"1.2.3.4\"}");
        Path huge = write("h.yaml", "port: 99999999999\n");
        assertThatThrownBy(() -> ConfigFile.read(huge))
                .hasMessage(huge + ":1: key 'port' expects an integer up to 2147483647, got 99999999999");
    }

    @Test
    void keyGivenTwiceDirectlyOrViaAlias() throws IOException {
        Path twice = write("t.yaml", "groups: [db]\nport: 1\nsearch_groups: [web]\n");
        assertThatThrownBy(() -> ConfigFile.read(twice))
                .hasMessage(twice + ":3: key 'search_groups' repeats 'groups' from line 1");
    }

    @Test
    void malformedFilesGiveOneLineWithFileAndLine() throws IOException {
        Path yaml = write("bad.yaml", "port: 1\nbind: [1.2.3.4\n");
        assertThatThrownBy(() -> ConfigFile.read(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(yaml + ":3: not valid YAML: ")
                .hasMessageNotContaining("\n");
        Path json = write("bad.json", "{\n\"port\": 1,,\n}");
        assertThatThrownBy(() -> ConfigFile.read(json))
                .hasMessageStartingWith(json + ":2: not valid JSON: ")
                .hasMessageNotContaining("\n");
        Path toml = write("bad.toml", "port = 1\nbind = = 2\n");
        assertThatThrownBy(() -> ConfigFile.read(toml))
                .hasMessageStartingWith(toml + ":2: not valid TOML: ")
                .hasMessageNotContaining("\n");
        Path twoDocs = write("two.yaml", "port: 1\n---\nport: 2\n");
        assertThatThrownBy(() -> ConfigFile.read(twoDocs))
                .hasMessage(twoDocs + ":3: unexpected content after the configuration (a second document?)");
        Path trailing = write("trailing.json", "{\"port\": 1}\n{}");
        assertThatThrownBy(() -> ConfigFile.read(trailing))
                .hasMessage(trailing + ":2: unexpected content after the configuration (a second document?)");
        Path list = write("list.yaml", "- port\n- bind\n");
        assertThatThrownBy(() -> ConfigFile.read(list))
                .hasMessage(list + ":1: expected key/value pairs at the top level, found a list");
    }

    @Test
    void binaryFileIsAnError() throws IOException {
        Path binary = dir.resolve("bin.yaml");
        Files.write(binary, new byte[] {'p', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        assertThatThrownBy(() -> ConfigFile.read(binary)).hasMessage(binary + ": not valid UTF-8 text");
    }

    @Test
    void missingFileIsAnError() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigFile.read(missing)).hasMessage("config file not found: " + missing);
    }

    @Test
    void suggestionDistanceCountsSwapsOnce() {
        assertThat(Suggestions.distance("cache_tll", "cache_ttl")).isEqualTo(1);
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggestions.distance("port", "")).isEqualTo(4);
        assertThat(Suggestions.nearest("prot", ConfigKey.fileNames())).contains("port");
        assertThat(Suggestions.nearest("zzzzzz", ConfigKey.fileNames())).isEmpty();
    }
}
