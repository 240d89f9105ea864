package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each subcommand's --help lists the flags that apply to it; the others are still accepted. */
class SubcommandHelpTest {

    @Test
    void generateTestdataHelpListsNoExporterFlags() {
        InProcessCli r = InProcessCli.run("generate-testdata", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("--min-per-subgroup", "--config", "--no-config", "--log-level")
                .doesNotContain("--port", "--bind", "--tls-cert", "--tls-key", "--enable-tls", "--web-config-file",
                        "--disable-health", "--cache-ttl", "--procfs", "--show-config");
    }

    @Test
    void testHelpListsTheCollectionFlags() {
        InProcessCli r = InProcessCli.run("test", "--help");

        assertThat(r.stdout()).contains("--procfs", "--include-names", "--exclude-names", "--min-uss-kb",
                "--test-data-file").doesNotContain("--port", "--tls-cert", "--web-config-file");
    }

    @Test
    void checkHelpListsProcfs() {
        assertThat(InProcessCli.run("check", "--help").stdout()).contains("--procfs").doesNotContain("--bind");
    }

    @Test
    void completionAndManListNoConfigurationFlags() {
        assertThat(InProcessCli.run("completion", "--help").stdout()).doesNotContain("--config", "--port");
        assertThat(InProcessCli.run("man", "--help").stdout()).doesNotContain("--config", "--port");
    }

    @Test
    void rootHelpStillListsEverything() {
        assertThat(InProcessCli.run("--help").stdout()).contains("--port", "--tls-cert", "--web-config-file",
                "--procfs", "--show-config");
    }

    @Test
    void aHiddenFlagIsStillAcceptedAfterTheSubcommand() {
        // scripts that pass a global flag everywhere keep working; only the help is shorter
        InProcessCli r = InProcessCli.run("subgroups", "--port", "9300", "-g", "db", "--no-config");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("db");
    }

    @Test
    void aHiddenFlagStillSetsItsValue() {
        // --cache-ttl is hidden under `config`, but an invalid value is still validated
        InProcessCli r = InProcessCli.run("config", "--cache-ttl", "0", "--no-config", "-o", "-");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.stderr()).contains("cache_ttl");
    }
}
