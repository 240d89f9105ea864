package io.herakles.procmem.cli;

import static io.herakles.procmem.cli.CliAssertions.assertFailsWithOneLine;
import static io.herakles.procmem.cli.CliAssertions.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.herakles.procmem.testsupport.HeraklesLauncher.Result;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The packaged launcher's exit codes and messages (upstream's): 0 ok, 1 bad configuration, 2 usage
 * error; a user mistake is one line naming the flag, file, key or variable, never a stack trace.
 */
class CliExitCodesIT extends LauncherTestBase {


    @Test
    void versionAndHelp() throws Exception {
        Result version = herakles.run("--version");
        assertThat(version.exitCode()).as(version.describe()).isZero();
        assertThat(version.stdout().strip()).matches("herakles-proc-mem \\d+\\.\\d+\\.\\d+.*");

        Result help = herakles.run("--help");
        assertThat(help.exitCode()).as(help.describe()).isZero();
        assertThat(help.stdout()).contains("--exporter", "--port", "--bind", "--config", "--no-config",
                "--show-config", "--show-user-config", "--config-format", "--check-config", "--cache-ttl",
                "--top-n-subgroup", "--top-n-others", "--test-data-file", "--enable-tls", "--version")
                .contains("check", "config", "test", "subgroups", "generate-testdata", "bench")
                .contains("https://github.com/herakles-io/herakles-proc-mem-exporter");

        Result subHelp = herakles.run("generate-testdata", "--help");
        assertThat(subHelp.exitCode()).as(subHelp.describe()).isZero();
        assertThat(subHelp.stdout()).contains("generate-testdata", "--output", "--min-per-subgroup", "--others-count",
                "--force");
    }

    @Test
    void usageErrorsExitTwoWithOneLineNamingTheProblem() throws Exception {
        assertUsageError(herakles.run("--bogus-flag"), "--bogus-flag");
        assertUsageError(herakles.run("--port", "abc"), "--port", "abc");
        assertUsageError(herakles.run("no-such-subcommand"), "no-such-subcommand");
        assertUsageError(herakles.run("config", "--bogus-sub-flag"), "--bogus-sub-flag");
    }

    private static void assertUsageError(Result r, String... fragments) {
        assertFailsWithOneLine(r, 2, fragments);
        // the naming line plus at most a "try --help" hint
        assertThat(r.stderrLines()).as(r.describe()).hasSizeLessThanOrEqualTo(2);
        assertThat(r.stdout()).as(r.describe()).isEmpty();
    }

    @Test
    void checkConfigValidAndInvalid() throws Exception {
        Result ok = herakles.run("--check-config");
        assertThat(ok.exitCode()).as(ok.describe()).isZero();
        assertThat(ok.stdout()).contains("✅ Configuration is valid");

        Result negative = herakles.run("--check-config", "--top-n-subgroup", "-1");
        String line = assertFailsWithOneLine(negative, 1, "❌ Configuration invalid", "top_n_subgroup");
        assertThat(line).contains("-1");
        assertThat(negative.stdout()).doesNotContain("✅");

        Files.writeString(dir.resolve("broken.yaml"), "port: [\n");
        assertFailsWithOneLine(herakles.run("-c", "broken.yaml", "--check-config"), 1, "❌", "broken.yaml");
    }

    @Test
    void missingConfigFileIsAnErrorNamingIt() throws Exception {
        assertFailsWithOneLine(herakles.run("-c", "missing.yaml", "--check-config"), 1, "missing.yaml");
        // also outside the check mode: a subcommand refuses to run on a config it cannot read
        assertFailsWithOneLine(herakles.run("-c", "missing.yaml", "subgroups"), 1, "missing.yaml");
    }

    @Test
    void unknownKeyNamesKeyFileLineAndSuggestion() throws Exception {
        Files.writeString(dir.resolve("typo.yaml"), "port: 9300\ncache_tll: 5\n");
        String line = assertFailsWithOneLine(herakles.run("-c", "typo.yaml", "--check-config"), 1, "cache_tll");
        assertThat(line).contains("typo.yaml").contains(":2").contains("cache_ttl");
    }

    @Test
    void showConfigInEveryFormatParses() throws Exception {
        Result yaml = herakles.run("--show-config", "--top-n-others", "42");
        assertThat(yaml.exitCode()).as(yaml.describe()).isZero();
        JsonNode y = new YAMLMapper().readTree(yaml.stdout());
        assertThat(y.path("port").asInt()).isEqualTo(9215);
        assertThat(y.path("top_n_others").asInt()).isEqualTo(42);
        assertThat(y.path("bind").asText()).isEqualTo("0.0.0.0");

        Result json = herakles.run("--show-config", "--config-format", "json", "--cache-ttl", "7");
        assertThat(json.exitCode()).as(json.describe()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.stdout());
        assertThat(j.path("cache_ttl").asInt()).isEqualTo(7);
        assertThat(j.path("port").asInt()).isEqualTo(9215);

        Result toml = herakles.run("--show-config", "--config-format", "toml", "--bind", "127.0.0.1");
        assertThat(toml.exitCode()).as(toml.describe()).isZero();
        JsonNode t = new TomlMapper().readTree(toml.stdout());
        assertThat(t.path("bind").asText()).isEqualTo("127.0.0.1");
        assertThat(t.path("top_n_subgroup").asInt()).isEqualTo(3);

        // a bad flag value is a usage error, as upstream's clap-validated flags
        assertUsageError(herakles.run("--show-config", "--config-format", "xml"), "--config-format", "xml");
        assertUsageError(herakles.run("config", "-o", "-", "--format", "ini"), "--format", "ini");
    }

    @Test
    void wrongProcfsIsRefusedInsteadOfServingNothing() throws Exception {
        Files.createDirectories(dir.resolve("not-proc"));
        String port = Integer.toString(io.herakles.procmem.testsupport.HttpProbe.freePort());
        assertFailsWithOneLine(herakles.run("--exporter", "--bind", "127.0.0.1", "-p", port, "--procfs", "no-such-dir"),
                1, "procfs", "no-such-dir");
        assertFailsWithOneLine(herakles.run("--procfs", "not-proc", "test"), 1, "procfs", "not-proc", "stat");
    }

    @Test
    void snapshotWithoutDisplayIsRefusedNotIgnored() throws Exception {
        Files.writeString(dir.resolve("snap.json"), "{\"version\": \"1.0\", \"generated_at\": \"x\", \"processes\": []}");
        String port = Integer.toString(io.herakles.procmem.testsupport.HttpProbe.freePort());
        String line = assertFailsWithOneLine(herakles.run("--snapshot", "snap.json", "--bind", "127.0.0.1", "-p", port),
                1, "--snapshot", "display");
        assertThat(line).contains("-t snap.json");
        assertFailsWithOneLine(herakles.run("--exporter", "--snapshot", "snap.json", "--bind", "127.0.0.1", "-p", port),
                1, "--snapshot", "-t snap.json");
    }

    @Test
    void unopenableLogFileIsAConfigError() throws Exception {
        Files.writeString(dir.resolve("log.yaml"), "enable_file_logging: true\nlog_file: no/such/dir/x.log\n");
        String port = Integer.toString(io.herakles.procmem.testsupport.HttpProbe.freePort());
        String line = assertFailsWithOneLine(herakles.run("-c", "log.yaml", "--exporter", "--bind", "127.0.0.1", "-p", port),
                1, "log_file", "no/such/dir/x.log");
        assertThat(line).startsWith("❌ Configuration invalid");
    }

    @Test
    void showUserConfigNamesTheFileAndItsValues() throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), "port: 9300\ntop_n_subgroup: 5\n");
        Result r = herakles.run("-c", "mine.yaml", "--show-user-config");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("mine.yaml").contains("port: 9300").contains("top_n_subgroup: 5");
    }

    @Test
    void badEnvironmentVariableNamesIt() throws Exception {
        Result r = herakles.env("HERAKLES_PORT", "abc").run("--show-config");
        String line = assertFailsWithOneLine(r, 1, "HERAKLES_PORT");
        assertThat(line).contains("abc");
    }

    @Test
    void misspeltEnvironmentVariableIsAWarningWithASuggestion() throws Exception {
        Result r = herakles.env("HERAKLES_PROT", "9300").run("subgroups");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stderr()).contains("Warning: ignoring unknown environment variable HERAKLES_PROT",
                "HERAKLES_PORT");
    }

    @Test
    void portPrecedenceIsFlagThenEnvironmentThenFile() throws Exception {
        // the file is found by the default search (working directory), not only with -c
        Files.writeString(dir.resolve("herakles-proc-mem-exporter.yaml"), "port: 9301\n");
        assertThat(port(herakles.run("--show-config"))).isEqualTo(9301);
        herakles.env("HERAKLES_PORT", "9402");
        assertThat(port(herakles.run("--show-config"))).isEqualTo(9402);
        assertThat(port(herakles.run("--show-config", "-p", "9503"))).isEqualTo(9503);
        assertThat(port(herakles.run("--no-config", "--show-config"))).isEqualTo(9402);
    }

    private static int port(Result r) throws Exception {
        assertThat(r.exitCode()).as(r.describe()).isZero();
        return new YAMLMapper().readTree(r.stdout()).path("port").asInt();
    }
}
