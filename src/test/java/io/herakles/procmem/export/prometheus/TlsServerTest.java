package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.TestSnapshots.DB;
import static io.herakles.procmem.export.prometheus.TestSnapshots.proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.testsupport.TestCertificates;
import io.herakles.procmem.testsupport.TestCertificates.Generated;
import io.herakles.procmem.testsupport.TestCertificates.KeyForm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsServerTest {

    @TempDir
    Path dir;

    private final SnapshotPublisher publisher =
            TestSnapshots.publisher(TestSnapshots.snapshot(List.of(proc(42, "postgres", DB, 3000, 2000L, 1000L))));

    static ExporterConfig tlsConfig(Path cert, Path key) {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.enableTls(true);
        b.tlsCertPath(cert.toString());
        b.tlsKeyPath(key.toString());
        return b.build();
    }

    static HttpResponse<String> get(SSLContext trust, int port, String path, String... headers) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trust).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHttpsWithRsaAndEcKeysInEveryPemForm() throws Exception {
        int i = 0;
        for (KeyPair keys : List.of(TestCertificates.rsa(), TestCertificates.ec())) {
            for (KeyForm form : KeyForm.values()) {
                Generated g = TestCertificates.write(dir, "k" + i++, keys, form);
                try (ExporterServer s = ExporterServer.builder(tlsConfig(g.certFile(), g.keyFile()), publisher)
                        .bind("127.0.0.1").port(0).start()) {
                    assertThat(s.scheme()).isEqualTo("https");
                    HttpResponse<String> r = get(g.trustingClientContext(), s.port(), "/metrics");
                    assertThat(r.statusCode()).as(keys.getPrivate().getAlgorithm() + " " + form).isEqualTo(200);
                    assertThat(r.body()).contains("herakles_proc_mem_uss_bytes{");
                    assertThat(r.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
                }
            }
        }
    }

    @Test
    void tls12ClientsAreServed() throws Exception {
        Generated g = TestCertificates.write(dir, "rsa", TestCertificates.rsa(), KeyForm.PKCS8);
        try (ExporterServer s = ExporterServer.builder(tlsConfig(g.certFile(), g.keyFile()), publisher)
                .bind("127.0.0.1").port(0).start();
                SSLSocket socket = (SSLSocket) g.trustingClientContext().getSocketFactory().createSocket("127.0.0.1", s.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void badPemIsOneClearLineNamingTheFile() throws Exception {
        Generated g = TestCertificates.write(dir, "good", TestCertificates.rsa(), KeyForm.PKCS8);
        Generated other = TestCertificates.write(dir, "other", TestCertificates.ec(), KeyForm.PKCS8);
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a pem file\n");
        Path missing = dir.resolve("missing.pem");
        Path encrypted = Files.writeString(dir.resolve("enc.key"), TestCertificates.pem("ENCRYPTED PRIVATE KEY",
                new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}), StandardCharsets.US_ASCII);
        expectTlsError(garbage, g.keyFile(), "no PEM certificate (-----BEGIN CERTIFICATE-----) in " + garbage);
        expectTlsError(g.certFile(), garbage, "no PEM private key (RSA, EC or PKCS#8) in " + garbage);
        expectTlsError(missing, g.keyFile(), "cannot read TLS certificate " + missing + ": no such file");
        expectTlsError(g.certFile(), missing, "cannot read TLS key " + missing + ": no such file");
        expectTlsError(g.certFile(), other.keyFile(),
                "TLS key " + other.keyFile() + " does not match the certificate in " + g.certFile());
        assertThatThrownBy(() -> ExporterServer.builder(tlsConfig(g.certFile(), encrypted), publisher)
                .bind("127.0.0.1").port(0).start())
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("TLS key " + encrypted + " is encrypted; give an unencrypted PEM key");
        ExporterConfig.Builder noKey = tlsConfig(g.certFile(), g.keyFile()).toBuilder();
        noKey.tlsKeyPath(null);
        assertThatThrownBy(() -> ExporterServer.builder(noKey.build(), publisher).bind("127.0.0.1").port(0).start())
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("--enable-tls needs both tls_cert_path and tls_key_path");
    }

    @Test
    void keysWrittenByOpensslLoad() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "no openssl");
        List<List<String>> keyCommands = List.of(
                List.of("genrsa", "-traditional", "-out", "KEY", "2048"),
                List.of("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "KEY"),
                List.of("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "KEY"));
        int i = 0;
        for (List<String> keyCommand : keyCommands) {
            Path key = dir.resolve("o" + i + ".key");
            Path cert = dir.resolve("o" + i++ + ".crt");
            openssl(keyCommand.stream().map(a -> a.equals("KEY") ? key.toString() : a).toList());
            openssl(List.of("req", "-x509", "-new", "-key", key.toString(), "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1", "-out", cert.toString()));
            java.security.cert.X509Certificate x509;
            try (var in = Files.newInputStream(cert)) {
                x509 = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(in);
            }
            SSLContext trust = new Generated(x509, null, cert, key).trustingClientContext();
            try (ExporterServer s = ExporterServer.builder(tlsConfig(cert, key), publisher).bind("127.0.0.1").port(0).start()) {
                assertThat(get(trust, s.port(), "/metrics").statusCode()).as(keyCommand.toString()).isEqualTo(200);
            }
        }
    }

    private static void openssl(List<String> args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }

    private void expectTlsError(Path cert, Path key, String message) {
        assertThatThrownBy(() -> ExporterServer.builder(tlsConfig(cert, key), publisher).bind("127.0.0.1").port(0).start())
                .isInstanceOf(TlsConfigException.class)
                .hasMessage(message);
    }
}
