package io.herakles.procmem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValidatorTest {

    @TempDir
    Path dir;

    private static ExporterConfig with(Consumer<ExporterConfig.Builder> change) {
        ExporterConfig.Builder b = ExporterConfig.builder();
        change.accept(b);
        return b.build();
    }

    private static String first(ExporterConfig c) {
        return ConfigValidator.firstError(c).orElse("<valid>");
    }

    @Test
    void defaultsAreValid() {
        assertThat(ConfigValidator.validate(ExporterConfig.defaults())).isEmpty();
        ConfigValidator.requireValid(ExporterConfig.defaults());
    }

    @Test
    void atLeastOneMetricKind() {
        ExporterConfig c = with(b -> {
            b.enableRss(false);
            b.enablePss(false);
            b.enableUss(false);
            b.enableCpu(false);
        });
        assertThat(first(c)).isEqualTo("At least one of enable_rss/enable_pss/enable_uss/enable_cpu must be true");
        assertThat(ConfigValidator.validate(with(b -> b.enableRss(false)))).isEmpty();
    }

    @Test
    void searchModeMessages() {
        assertThat(first(with(b -> {
            b.searchMode("only");
            b.searchGroups(List.of("db"));
        }))).isEqualTo("Invalid search_mode 'only', expected 'include' or 'exclude'");
        assertThat(first(with(b -> b.searchMode("include"))))
                .isEqualTo("search_mode is set to include/exclude, but no search_groups or search_subgroups defined");
        assertThat(first(with(b -> b.searchMode("exclude"))))
                .isEqualTo("search_mode is set to include/exclude, but no search_groups or search_subgroups defined");
        assertThat(ConfigValidator.validate(with(b -> {
            b.searchMode("exclude");
            b.searchSubgroups(List.of("nginx"));
        }))).isEmpty();
        assertThat(ConfigValidator.validate(with(b -> b.searchGroups(List.of("db")))))
                .as("groups without a mode are ignored").isEmpty();
    }

    @Test
    void tlsPathMessages() {
        assertThat(first(with(b -> b.enableTls(true))))
                .isEqualTo("TLS is enabled but neither tls_cert_path nor tls_key_path are set");
        assertThat(first(with(b -> {
            b.enableTls(true);
            b.tlsCertPath("/c.pem");
        }))).isEqualTo("TLS is enabled but tls_key_path is not set");
        assertThat(first(with(b -> {
            b.enableTls(true);
            b.tlsKeyPath("/k.pem");
        }))).isEqualTo("TLS is enabled but tls_cert_path is not set");
        assertThat(ConfigValidator.validate(with(b -> b.tlsCertPath("/missing.pem"))))
                .as("paths are not checked while TLS is off").isEmpty();
    }

    @Test
    void tlsFileMessages() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
        Path empty = Files.createFile(dir.resolve("empty.pem"));
        String missing = dir.resolve("missing.pem").toString();
        assertThat(first(tls(missing, missing))).isEqualTo("TLS certificate file not found: " + missing);
        assertThat(first(tls(cert.toString(), missing))).isEqualTo("TLS private key file not found: " + missing);
        assertThat(first(tls(empty.toString(), missing))).as("upstream checks existence of both first")
                .isEqualTo("TLS private key file not found: " + missing);
        assertThat(first(tls(empty.toString(), key.toString()))).isEqualTo("TLS certificate file is empty: " + empty);
        assertThat(first(tls(cert.toString(), empty.toString()))).isEqualTo("TLS private key file is empty: " + empty);
        assertThat(first(tls(dir.toString(), key.toString())))
                .startsWith("TLS certificate file is not readable: " + dir + " (");
        assertThat(ConfigValidator.validate(tls(cert.toString(), key.toString()))).isEmpty();
    }

    @Test
    void unreadableKeyFile() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "y");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(key), "running as root: permissions not enforced");
        assertThat(first(tls(cert.toString(), key.toString())))
                .isEqualTo("TLS private key file is not readable: " + key + " (permission denied)");
    }

    private static ExporterConfig tls(String cert, String key) {
        return with(b -> {
            b.enableTls(true);
            b.tlsCertPath(cert);
            b.tlsKeyPath(key);
        });
    }

    @Test
    void rangeChecks() {
        assertThat(first(with(b -> b.port(0)))).isEqualTo("port must be between 1 and 65535, got 0");
        assertThat(first(with(b -> b.port(65536)))).isEqualTo("port must be between 1 and 65535, got 65536");
        assertThat(ConfigValidator.validate(with(b -> b.port(65535)))).isEmpty();
        assertThat(ConfigValidator.validate(with(b -> b.port(1)))).isEmpty();
        assertThat(first(with(b -> b.cacheTtlSeconds(0)))).isEqualTo("cache_ttl must be at least 1 (seconds), got 0");
        assertThat(first(with(b -> b.minUssKb(-1)))).isEqualTo("min_uss_kb must be at least 0, got -1");
        assertThat(first(with(b -> b.parallelism(-2)))).isEqualTo("parallelism must be at least 0, got -2");
        assertThat(first(with(b -> b.maxProcesses(-1)))).isEqualTo("max_processes must be at least 0, got -1");
        assertThat(first(with(b -> b.topNSubgroup(-1)))).isEqualTo("top_n_subgroup must be at least 0, got -1");
        assertThat(first(with(b -> b.topNOthers(-1)))).isEqualTo("top_n_others must be at least 0, got -1");
        assertThat(first(with(b -> b.ioBufferKb(0)))).isEqualTo("io_buffer_kb must be at least 1, got 0");
        assertThat(first(with(b -> b.smapsBufferKb(0)))).isEqualTo("smaps_buffer_kb must be at least 1, got 0");
        assertThat(first(with(b -> b.smapsRollupBufferKb(0))))
                .isEqualTo("smaps_rollup_buffer_kb must be at least 1, got 0");
        assertThat(first(with(b -> b.procfs(" ")))).isEqualTo("procfs must not be empty");
        assertThat(ConfigValidator.validate(with(b -> {
            b.parallelism(0);
            b.maxProcesses(0);
            b.topNSubgroup(0);
            b.topNOthers(0);
        }))).as("zero counts are allowed").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "error", "warn", "info", "debug", "trace"})
    void everyLogLevelIsAccepted(String level) {
        assertThat(ConfigValidator.validate(with(b -> b.logLevel(level)))).isEmpty();
    }

    @Test
    void loggingChecks() {
        assertThat(first(with(b -> b.logLevel("verbose"))))
                .isEqualTo("log_level must be one of off|error|warn|info|debug|trace, got 'verbose'");
        assertThat(first(with(b -> b.logLevel("INFO"))))
                .isEqualTo("log_level must be one of off|error|warn|info|debug|trace, got 'INFO'");
        assertThat(first(with(b -> b.enableFileLogging(true))))
                .isEqualTo("enable_file_logging is true but log_file is not set");
        assertThat(first(with(b -> {
            b.enableFileLogging(true);
            b.logFile("/nonexistent-dir-of-herakles/x.log");
        }))).isEqualTo("cannot open log_file /nonexistent-dir-of-herakles/x.log: directory does not exist");
        assertThat(ConfigValidator.validate(with(b -> {
            b.enableFileLogging(true);
            b.logFile(System.getProperty("java.io.tmpdir") + "/herakles-test.log");
        }))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "255.255.255.255", "::", "::1", "fe80::1%lo", "2001:db8::8a2e:370:7334",
        "::ffff:10.0.0.1"})
    void validBindAddresses(String bind) {
        assertThat(ConfigValidator.validate(with(b -> b.bind(bind)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "256.0.0.1", "1.2.3", "01.2.3.4", "", "[::1]", ":::1", "1.2.3.4:80", "example.com"})
    void invalidBindAddresses(String bind) {
        assertThat(first(with(b -> b.bind(bind)))).isEqualTo("bind must be an IPv4 or IPv6 address, got '" + bind + "'");
    }

    @Test
    void webConfigFileMustExist() throws IOException {
        Path web = Files.writeString(dir.resolve("web.yml"), "tls_server_config: {}\n");
        assertThat(ConfigValidator.validate(with(b -> b.webConfigFile(web.toString())))).isEmpty();
        assertThat(first(with(b -> b.webConfigFile("/nonexistent/web.yml"))))
                .isEqualTo("web_config_file not found: /nonexistent/web.yml");
    }

    @Test
    void upstreamChecksComeFirstAndAllProblemsAreListed() {
        ExporterConfig c = with(b -> {
            b.port(0);
            b.cacheTtlSeconds(0);
            b.searchMode("bogus");
            b.enableTls(true);
        });
        assertThat(ConfigValidator.validate(c)).containsExactly(
                "Invalid search_mode 'bogus', expected 'include' or 'exclude'",
                "TLS is enabled but neither tls_cert_path nor tls_key_path are set",
                "port must be between 1 and 65535, got 0",
                "cache_ttl must be at least 1 (seconds), got 0");
        assertThatThrownBy(() -> ConfigValidator.requireValid(c))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid search_mode 'bogus', expected 'include' or 'exclude'");
    }
}
