package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.remote.Credentials;
import io.herakles.procmem.remote.Trust;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --connect URL} and its companions: what the desktop gets, and one line for what is wrong. */
class ConnectOptionsTest {

    @TempDir
    Path dir;

    private record Run(Launch launch, String stderr) {}

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Launch launch = HeraklesCli.launch(args, Map.of("DISPLAY", ":0"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(launch, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDesktopGetsTheTargetWithCredentialsFromAPrivateFileAndAPin() throws Exception {
        Path creds = Files.writeString(dir.resolve("creds"), "viewer:se:cret\n");
        Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rw-------"));
        String pin = "AB:".repeat(31) + "AB";
        Run r = run("--no-config", "--connect", "https://db1:9215", "--connect-credentials", creds.toString(),
                "--connect-fingerprint", pin);
        assertThat(r.launch().opensDesktop()).as(r.stderr()).isTrue();
        assertThat(r.launch().connect().base()).hasToString("https://db1:9215/");
        assertThat(r.launch().connect().credentials()).hasValue(new Credentials("viewer", "se:cret"));
        assertThat(r.launch().connect().trust()).isEqualTo(new Trust.Pinned("ab".repeat(32)));
    }

    @Test
    void aCredentialsFileOthersMayReadIsOneLineAndExitOne() throws Exception {
        Path creds = Files.writeString(dir.resolve("creds"), "viewer:secret\n");
        Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rw-r-----"));
        Run r = run("--no-config", "--connect", "db1:9215", "--connect-credentials", creds.toString());
        assertThat(r.launch().exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.stderr().strip().lines()).hasSize(1);
        assertThat(r.stderr()).contains(creds + ": readable by group or others").doesNotContain("secret")
                .doesNotContain("Exception");
    }

    @Test
    void prometheusOpensTheDesktopsFleetTab() {
        Run r = run("--no-config", "--prometheus", "http://prom:9090");
        assertThat(r.launch().opensDesktop()).as(r.stderr()).isTrue();
        assertThat(r.launch().prometheus().base()).hasToString("http://prom:9090/");
        assertThat(r.launch().connect()).isNull();
        Run headless = run("--no-config", "--exporter", "--prometheus", "http://prom:9090");
        assertThat(headless.stderr()).contains("--prometheus opens the desktop app, not the exporter");
    }

    @Test
    void prometheusTakesCredentialsACaAndAPinLikeConnect() throws Exception {
        Path creds = Files.writeString(dir.resolve("prom-creds"), "grafana:t0ken\n");
        Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rw-------"));
        String pin = "CD".repeat(32);
        Run r = run("--no-config", "--prometheus", "https://prom:9090", "--prometheus-credentials", creds.toString(),
                "--prometheus-fingerprint", pin);
        assertThat(r.launch().opensDesktop()).as(r.stderr()).isTrue();
        assertThat(r.launch().prometheus().credentials()).hasValue(new Credentials("grafana", "t0ken"));
        assertThat(r.launch().prometheus().trust()).isEqualTo(new Trust.Pinned("cd".repeat(32)));

        Run orphan = run("--no-config", "--prometheus-credentials", creds.toString());
        assertThat(orphan.launch().exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(orphan.stderr()).contains("need --prometheus URL");
        Run missingCa = run("--no-config", "--prometheus", "https://prom", "--prometheus-ca-file",
                dir.resolve("none.pem").toString());
        assertThat(missingCa.stderr()).contains("none.pem: CA file not found");
    }

    @Test
    void misuseIsOneLine() {
        Run exporter = run("--no-config", "--exporter", "--connect", "db1:9215");
        assertThat(exporter.launch().exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(exporter.stderr()).contains("--connect opens the desktop app, not the exporter");

        Run orphan = run("--no-config", "--connect-ca-file", "ca.pem");
        assertThat(orphan.stderr()).contains("need --connect URL");

        Run badUrl = run("--no-config", "--connect", "ftp://u:pw@db1/");
        assertThat(badUrl.stderr()).contains("only http and https").doesNotContain(":pw@");

        Run missingCa = run("--no-config", "--connect", "https://db1", "--connect-ca-file", dir.resolve("none.pem").toString());
        assertThat(missingCa.stderr()).contains("none.pem: CA file not found");
    }
}
