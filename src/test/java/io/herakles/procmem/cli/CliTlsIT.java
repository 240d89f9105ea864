package io.herakles.procmem.cli;

import static io.herakles.procmem.cli.CliAssertions.assertFailsWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.testsupport.Exposition;
import io.herakles.procmem.testsupport.HeraklesLauncher;
import io.herakles.procmem.testsupport.HttpProbe;
import io.herakles.procmem.testsupport.Poll;
import io.herakles.procmem.testsupport.TestCertificates;
import io.herakles.procmem.testsupport.TestCertificates.Generated;
import io.herakles.procmem.testsupport.TestCertificates.KeyForm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

/**
 * HTTPS and basic auth of the packaged exporter: {@code --enable-tls} with generated PEM files,
 * {@code --web-config-file} with {@code tls_server_config} and {@code basic_auth_users}, and bad
 * TLS material stopping the start-up with one line naming the file.
 */
class CliTlsIT extends LauncherTestBase {


    @Test
    void enableTlsServesHttpsOnly() throws Exception {
        Generated cert = TestCertificates.write(dir, "server", TestCertificates.rsa(), KeyForm.PKCS8);
        HttpClient https = HttpClient.newBuilder().sslContext(cert.trustingClientContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        int port = HttpProbe.freePort();
        try (HeraklesLauncher.Running exporter = herakles.start("--exporter", "--bind", "127.0.0.1", "-p",
                Integer.toString(port), "--enable-tls", "--tls-cert", "server.crt", "--tls-key", "server.key")) {
            HttpResponse<String> metrics = awaitOk(https, exporter, URI.create("https://127.0.0.1:" + port + "/metrics"), null);
            Exposition e = Exposition.parse(metrics.body());
            assertThat(e.find("herakles_proc_mem_uss_bytes", "pid", Long.toString(exporter.pid()))).isPresent();
            assertThat(exporter.stderr()).contains("https://127.0.0.1:" + port);
            // no plain HTTP on the TLS port
            assertThatThrownBy(() -> HttpProbe.get(port, "/metrics")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void webConfigTlsAndBasicAuth() throws Exception {
        Generated cert = TestCertificates.write(dir, "web", TestCertificates.ec(), KeyForm.PKCS1_OR_SEC1);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: web.crt\n  key_file: web.key\n"
                + "basic_auth_users:\n  prom: " + OpenBSDBCrypt.generate("2y", "scrape-me".toCharArray(), salt, 4) + "\n",
                StandardCharsets.UTF_8);
        HttpClient https = HttpClient.newBuilder().sslContext(cert.trustingClientContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        int port = HttpProbe.freePort();
        URI health = URI.create("https://127.0.0.1:" + port + "/health");
        try (HeraklesLauncher.Running exporter = herakles.start("--exporter", "--bind", "127.0.0.1", "-p",
                Integer.toString(port), "--web-config-file", "web.yml")) {
            String good = "Basic " + Base64.getEncoder().encodeToString("prom:scrape-me".getBytes(StandardCharsets.UTF_8));
            assertThat(awaitOk(https, exporter, health, good).body()).startsWith("OK");
            assertThat(send(https, health, null).statusCode()).isEqualTo(401);
            String wrong = "Basic " + Base64.getEncoder().encodeToString("prom:guess".getBytes(StandardCharsets.UTF_8));
            assertThat(send(https, health, wrong).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void badTlsMaterialIsOneLineNamingTheFile() throws Exception {
        TestCertificates.write(dir, "ok", TestCertificates.rsa(), KeyForm.PKCS8);
        Files.writeString(dir.resolve("garbage.crt"), "not a certificate\n");
        String port = Integer.toString(HttpProbe.freePort());
        assertFailsWithOneLine(herakles.run("--exporter", "--bind", "127.0.0.1", "-p", port, "--enable-tls",
                "--tls-cert", "garbage.crt", "--tls-key", "ok.key"), 1, "garbage.crt");
        // a key file that holds no key
        assertFailsWithOneLine(herakles.run("--exporter", "--bind", "127.0.0.1", "-p", port, "--enable-tls",
                "--tls-cert", "ok.crt", "--tls-key", "ok.crt"), 1, "ok.crt", "key");
        // validation before any start-up work, as upstream
        assertFailsWithOneLine(herakles.run("--exporter", "--bind", "127.0.0.1", "-p", port, "--enable-tls",
                "--tls-cert", "ok.crt"), 1, "tls_key_path");
    }

    private static HttpResponse<String> awaitOk(HttpClient client, HeraklesLauncher.Running exporter, URI uri,
            String authorization) throws InterruptedException {
        return Poll.atMost(ExporterChild.START_TIMEOUT).every(Duration.ofMillis(200)).until(uri + " answering 200", () -> {
            if (!exporter.process().isAlive()) {
                throw new AssertionError("exporter exited\n" + exporter.stderr());
            }
            HttpResponse<String> r = send(client, uri, authorization);
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            return Optional.of(r);
        }, exporter::stderr);
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
