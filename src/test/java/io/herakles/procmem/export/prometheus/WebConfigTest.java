package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.ExporterServerTest.body;
import static io.herakles.procmem.export.prometheus.ExporterServerTest.send;
import static io.herakles.procmem.export.prometheus.TestSnapshots.DB;
import static io.herakles.procmem.export.prometheus.TestSnapshots.proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.testsupport.Poll;
import io.herakles.procmem.testsupport.TestCertificates;
import io.herakles.procmem.testsupport.TestCertificates.Generated;
import io.herakles.procmem.testsupport.TestCertificates.KeyForm;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebConfigTest {

    @TempDir
    Path dir;

    private final SnapshotPublisher publisher =
            TestSnapshots.publisher(TestSnapshots.snapshot(List.of(proc(42, "postgres", DB, 3000, 2000L, 1000L))));

    static String bcrypt(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 4);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Path writeConfig(String yaml) throws Exception {
        Path file = dir.resolve("web.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        // a fresh, distinct modification time so the change is seen even within one clock tick
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(edits++)));
        return file;
    }

    private long edits;

    private ExporterConfig withWebConfig(Path file) {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.webConfigFile(file.toString());
        return b.build();
    }

    @Test
    void basicAuthRefusesWithoutLeakingAndAcceptsValidUsers() throws Exception {
        Path file = writeConfig("basic_auth_users:\n  alice: " + bcrypt("s3cret") + "\n");
        try (ExporterServer s = ExporterServer.builder(withWebConfig(file), publisher).bind("127.0.0.1").port(0).start()) {
            List<HttpResponse<byte[]>> refused = List.of(
                    send(s, "GET", "/metrics"),
                    send(s, "GET", "/metrics", "Authorization", basic("alice", "wrong")),
                    send(s, "GET", "/metrics", "Authorization", basic("mallory", "s3cret")),
                    send(s, "GET", "/metrics", "Authorization", "Basic !!!notbase64"),
                    send(s, "GET", "/nope", "Authorization", basic("alice", "wrong")));
            for (HttpResponse<byte[]> r : refused) {
                assertThat(r.statusCode()).isEqualTo(401);
                assertThat(body(r)).isEqualTo("Unauthorized\n");
                assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"herakles\"");
            }
            HttpResponse<byte[]> ok = send(s, "GET", "/metrics", "Authorization", basic("alice", "s3cret"));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(body(ok)).contains("herakles_proc_mem_uss_bytes{");
            assertThat(send(s, "GET", "/metrics", "Authorization", basic("alice", "s3cret")).statusCode()).isEqualTo(200);
            assertThat(send(s, "GET", "/nope", "Authorization", basic("alice", "s3cret")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void usersAreReReadWhenTheFileChanges() throws Exception {
        Path file = writeConfig("basic_auth_users:\n  alice: " + bcrypt("one") + "\n");
        WebConfigWatcher watcher = WebConfigWatcher.load(file);
        assertThat(watcher.allows(basic("alice", "one"))).isTrue();
        writeConfig("basic_auth_users:\n  bob: " + bcrypt("two") + "\n");
        watcher.refreshNow();
        assertThat(watcher.allows(basic("alice", "one"))).isFalse();
        assertThat(watcher.allows(basic("bob", "two"))).isTrue();
        // a broken edit keeps the last good configuration
        writeConfig("basic_auth_users: [oops\n");
        watcher.refreshNow();
        assertThat(watcher.allows(basic("bob", "two"))).isTrue();
        writeConfig("basic_auth_users:\n  carol: " + bcrypt("three") + "\n");
        watcher.refreshNow();
        assertThat(watcher.allows(basic("carol", "three"))).isTrue();
        assertThat(watcher.allows(basic("bob", "two"))).isFalse();
    }

    @Test
    void runningServerPicksUpNewUsers() throws Exception {
        Path file = writeConfig("basic_auth_users:\n  alice: " + bcrypt("one") + "\n");
        try (ExporterServer s = ExporterServer.builder(withWebConfig(file), publisher).bind("127.0.0.1").port(0).start()) {
            assertThat(send(s, "GET", "/metrics", "Authorization", basic("alice", "one")).statusCode()).isEqualTo(200);
            writeConfig("basic_auth_users:\n  bob: " + bcrypt("two") + "\n");
            Poll.atMost(Duration.ofSeconds(30)).every(Duration.ofMillis(200)).untilTrue("bob let in",
                    () -> send(s, "GET", "/metrics", "Authorization", basic("bob", "two")).statusCode() == 200);
            assertThat(send(s, "GET", "/metrics", "Authorization", basic("alice", "one")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void tlsFromWebConfigWithRelativePathsAndCertificateReload() throws Exception {
        Generated first = TestCertificates.write(dir, "first", TestCertificates.rsa(), KeyForm.PKCS1_OR_SEC1);
        Path file = writeConfig("tls_server_config:\n  cert_file: first.crt\n  key_file: first.key\n");
        try (ExporterServer s = ExporterServer.builder(withWebConfig(file), publisher).bind("127.0.0.1").port(0).start()) {
            assertThat(s.scheme()).isEqualTo("https");
            assertThat(TlsServerTest.get(first.trustingClientContext(), s.port(), "/metrics").statusCode()).isEqualTo(200);
            Generated second = TestCertificates.write(dir, "second", TestCertificates.ec(), KeyForm.PKCS8);
            writeConfig("tls_server_config:\n  cert_file: second.crt\n  key_file: second.key\n");
            Poll.atMost(Duration.ofSeconds(30)).every(Duration.ofMillis(200)).untilTrue("the second certificate served",
                    () -> {
                        // any request triggers the (once a second) change check
                        try {
                            TlsServerTest.get(first.trustingClientContext(), s.port(), "/metrics");
                        } catch (java.io.IOException handshakeWithNewCertificate) {
                            // expected once the new certificate is served
                        }
                        // an IOException here (still the old certificate) means: not yet
                        return TlsServerTest.get(second.trustingClientContext(), s.port(), "/metrics").statusCode() == 200;
                    });
        }
    }

    @Test
    void minVersionTls13RefusesTls12() throws Exception {
        Generated g = TestCertificates.write(dir, "c", TestCertificates.ec(), KeyForm.PKCS8);
        Path file = writeConfig("tls_server_config:\n  cert_file: c.crt\n  key_file: c.key\n  min_version: TLS13\n");
        try (ExporterServer s = ExporterServer.builder(withWebConfig(file), publisher).bind("127.0.0.1").port(0).start()) {
            try (SSLSocket socket = (SSLSocket) g.trustingClientContext().getSocketFactory().createSocket("127.0.0.1", s.port())) {
                socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                socket.setSoTimeout(30_000);
                assertThatThrownBy(socket::startHandshake).isInstanceOf(javax.net.ssl.SSLException.class);
            }
            assertThat(TlsServerTest.get(g.trustingClientContext(), s.port(), "/metrics").sslSession().orElseThrow()
                    .getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void invalidWebConfigsAreOneClearLine() throws Exception {
        Generated g = TestCertificates.write(dir, "c", TestCertificates.ec(), KeyForm.PKCS8);
        Path file = dir.resolve("web.yml");
        expect(file, "cannot read web config " + file + ": no such file");
        writeConfig("tls_config:\n  cert_file: c.crt\n");
        expect(file, "web config " + file + ": unknown key 'tls_config'");
        writeConfig("tls_server_config:\n  cert_file: c.crt\n  key_file: c.key\n  client_ca_file: ca.crt\n");
        expect(file, "web config " + file + ": tls_server_config.client_ca_file is not supported");
        writeConfig("tls_server_config:\n  cert_file: c.crt\n");
        expect(file, "web config " + file + ": tls_server_config needs both cert_file and key_file");
        writeConfig("basic_auth_users:\n  alice: plaintext\n");
        expect(file, "web config " + file + ": basic_auth_users.alice is not a bcrypt hash ($2a$, $2b$ or $2y$)");
        writeConfig("tls_server_config:\n  cert_file: c.crt\n  key_file: c.key\n  min_version: TLS10\n");
        expect(file, "web config " + file + ": tls_server_config.min_version 'TLS10' is not supported (TLS12 or TLS13)");
        writeConfig("tls_server_config:\n  cert_file: c.crt\n  key_file: c.key\n");
        ExporterConfig.Builder both = withWebConfig(file).toBuilder();
        both.enableTls(true);
        both.tlsCertPath(g.certFile().toString());
        both.tlsKeyPath(g.keyFile().toString());
        assertThatThrownBy(() -> ExporterServer.builder(both.build(), publisher).bind("127.0.0.1").port(0).start())
                .isInstanceOf(TlsConfigException.class).hasMessageStartingWith("TLS is configured twice");
    }

    private void expect(Path file, String message) {
        assertThatThrownBy(() -> ExporterServer.builder(withWebConfig(file), publisher).bind("127.0.0.1").port(0).start())
                .isInstanceOf(TlsConfigException.class).hasMessage(message);
    }
}
