package io.herakles.procmem.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.prometheus.ExporterServer;
import io.herakles.procmem.export.snapshot.SnapshotJsonWriter;
import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.model.SystemSample;
import io.herakles.procmem.testsupport.HttpProbe;
import io.herakles.procmem.testsupport.TestCertificates;
import io.herakles.procmem.testsupport.TestCertificates.Generated;
import io.herakles.procmem.testsupport.TestCertificates.KeyForm;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote source against the real exporter server (in this JVM) and against servers that misbehave. */
class RemoteSnapshotSourceTest {

    private static final GroupKey DB = new GroupKey("db", "postgres");

    @TempDir
    Path dir;

    private final SnapshotPublisher exporterSide = new SnapshotPublisher();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<String> requestHeaders = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    static Snapshot snapshot(Instant at, double cpuSecondsOf42) {
        List<ProcessSample> procs = List.of(
                ProcessSample.builder(42, "postgres").group(DB).rssBytes(3000).pssBytes(2000).ussBytes(1000)
                        .cpuPercent(99).cpuTimeSeconds(cpuSecondsOf42).startTime(Instant.parse("2026-01-01T00:00:00Z"))
                        .build(),
                ProcessSample.builder(7, "init").group(new GroupKey("system", "init")).rssBytes(500)
                        .cpuPercent(1).cpuTimeSeconds(3).build());
        return new Snapshot(1, at, "/proc", procs, SystemSample.UNKNOWN, CollectionStats.NONE);
    }

    private ExporterServer exporter(ExporterConfig config, int port) throws Exception {
        ExporterServer s = ExporterServer.builder(config, exporterSide).bind("127.0.0.1").port(port)
                .gate(exchange -> {
                    if (exchange.getRequestURI().getPath().equals("/snapshot")) {
                        requestHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("If-None-Match")));
                    }
                    return true;
                })
                .snapshotRoute("/snapshot", SnapshotJsonWriter::toBytes).start();
        toClose.add(s);
        return s;
    }

    private RemoteSnapshotSource source(String url) throws Exception {
        return source(RemoteTarget.parse(url));
    }

    private RemoteSnapshotSource source(RemoteTarget target) throws Exception {
        RemoteSnapshotSource s = new RemoteSnapshotSource(target, Duration.ofSeconds(1), Duration.ofSeconds(2));
        toClose.add(s);
        return s;
    }

    @Test
    void readsTheExportersSnapshotAndAsksConditionallyAfterwards() throws Exception {
        Instant t0 = Instant.parse("2026-12-04T10:00:00.250Z");
        exporterSide.publish(snapshot(t0, 10));
        ExporterServer server = exporter(ExporterConfig.builder().build(), 0);
        RemoteSnapshotSource remote = source("http://127.0.0.1:" + server.port() + "/metrics");

        assertThat(remote.pollOnce()).isEqualTo(Duration.ofSeconds(1));
        Snapshot first = remote.latest().orElseThrow();
        assertThat(first.processes()).extracting(ProcessSample::pid).containsExactly(7, 42);
        assertThat(first.byPid(42).orElseThrow().ussBytes()).hasValue(1000);
        assertThat(first.takenAt()).as("milliseconds from the header").isEqualTo(t0);
        assertThat(first.source()).isEqualTo("remote: 127.0.0.1:" + server.port());
        assertThat(first.byPid(42).orElseThrow().cpuPercent()).as("first sight: the exporter's figure").isEqualTo(99);
        assertThat(remote.status().state()).isEqualTo(RemoteStatus.State.CONNECTED);

        remote.pollOnce();
        assertThat(remote.latest()).containsSame(first);
        assertThat(requestHeaders).hasSize(2);
        assertThat(requestHeaders.get(0)).isEqualTo("null");
        assertThat(requestHeaders.get(1)).as("the second request names the tag it has").matches("\"[0-9a-f]{8}-1\"");

        // 2.5 s later the process used 0.5 s more CPU: 20 % of one core, whatever the exporter said
        exporterSide.publish(snapshot(t0.plusMillis(2500), 10.5));
        remote.pollOnce();
        Snapshot second = remote.latest().orElseThrow();
        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(second.byPid(42).orElseThrow().cpuPercent()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void basicAuthAndTlsFromAWebConfigFile() throws Exception {
        Generated cert = TestCertificates.write(dir, "web", TestCertificates.ec(), KeyForm.PKCS8);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Path web = Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: web.crt\n  key_file: web.key\n"
                + "basic_auth_users:\n  viewer: " + OpenBSDBCrypt.generate("2y", "s3cret:pw".toCharArray(), salt, 4) + "\n",
                StandardCharsets.UTF_8);
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.webConfigFile(web.toString());
        exporterSide.publish(snapshot(Instant.now(), 1));
        ExporterServer server = exporter(b.build(), 0);
        String base = "https://127.0.0.1:" + server.port() + "/";

        RemoteSnapshotSource untrusted = source(base);
        untrusted.pollOnce();
        assertThat(untrusted.status().state()).isEqualTo(RemoteStatus.State.TLS_ERROR);
        assertThat(untrusted.status().message()).contains("not trusted");

        RemoteTarget withCa = RemoteTarget.parse(base).withTrust(new Trust.CaFile(cert.certFile()));
        RemoteSnapshotSource noPassword = source(withCa);
        noPassword.pollOnce();
        assertThat(noPassword.status().state()).isEqualTo(RemoteStatus.State.UNAUTHORIZED);

        RemoteSnapshotSource wrong = source(withCa.withCredentials(Optional.of(new Credentials("viewer", "guess"))));
        wrong.pollOnce();
        assertThat(wrong.status().state()).isEqualTo(RemoteStatus.State.UNAUTHORIZED);
        assertThat(wrong.status().message()).contains("refused").doesNotContain("guess");

        RemoteSnapshotSource good = source(RemoteTarget.parse("https://viewer:s3cret%3Apw@127.0.0.1:" + server.port())
                .withTrust(new Trust.CaFile(cert.certFile())));
        good.pollOnce();
        assertThat(good.status().state()).as(good.status().message()).isEqualTo(RemoteStatus.State.CONNECTED);
        assertThat(good.latest()).isPresent();
        assertThat(new String(SnapshotJsonWriter.toBytes(good.latest().get()), StandardCharsets.UTF_8))
                .as("an exported remote snapshot names the host, never the credentials")
                .contains("remote: 127.0.0.1:" + server.port()).doesNotContain("s3cret").doesNotContain("viewer");

        // "trust this certificate": the fingerprint seen before trusting it, then pinned
        String seen = TlsTrust.sha256(TlsTrust.peek(RemoteTarget.parse(base).base(), Duration.ofSeconds(5)));
        assertThat(seen).isEqualTo(TlsTrust.sha256(cert.certificate()));
        RemoteSnapshotSource pinned = source(good.target().withTrust(Trust.pin(TlsTrust.colons(seen))));
        pinned.pollOnce();
        assertThat(pinned.status().state()).isEqualTo(RemoteStatus.State.CONNECTED);
        RemoteSnapshotSource otherPin = source(good.target().withTrust(Trust.pin("00".repeat(32))));
        otherPin.pollOnce();
        assertThat(otherPin.status().state()).isEqualTo(RemoteStatus.State.TLS_ERROR);
    }

    @Test
    void anExporterThatGoesAwayKeepsTheLastSnapshotBacksOffAndRecoversAfterARestart() throws Exception {
        exporterSide.publish(snapshot(Instant.now(), 1));
        int port = HttpProbe.freePort();
        ExporterServer server = exporter(ExporterConfig.builder().build(), port);
        RemoteSnapshotSource remote = source("127.0.0.1:" + port);
        remote.pollOnce();
        Snapshot before = remote.latest().orElseThrow();

        server.close();
        assertThat(remote.pollOnce()).isEqualTo(Duration.ofSeconds(1));
        assertThat(remote.pollOnce()).isEqualTo(Duration.ofSeconds(2));
        assertThat(remote.pollOnce()).isEqualTo(Duration.ofSeconds(4));
        RemoteStatus down = remote.status();
        assertThat(down.state()).isEqualTo(RemoteStatus.State.UNREACHABLE);
        assertThat(down.message()).contains("127.0.0.1:" + port);
        assertThat(down.lastGood()).isPresent();
        assertThat(remote.latest()).containsSame(before);

        exporter(ExporterConfig.builder().build(), port);
        remote.pollOnce();
        assertThat(remote.status().state()).isEqualTo(RemoteStatus.State.CONNECTED);
        assertThat(remote.status().message()).contains("restarted");
        assertThat(remote.latest().orElseThrow().sequence()).isEqualTo(before.sequence() + 1);
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RemoteSnapshotSource remote = source("127.0.0.1:" + silent.getLocalPort());
            remote.pollOnce();
            assertThat(remote.status().state()).isEqualTo(RemoteStatus.State.TIMEOUT);
            assertThat(remote.status().message()).contains("no answer within 2.0 s");
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void answersThatAreNoSnapshotAreBadAnswersNamingWhy() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String[] reply = {"text/html", "<html><body>Login</body></html>"};
        other.createContext("/", exchange -> {
            byte[] body = reply[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply[0]);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        toClose.add(() -> other.stop(0));
        RemoteSnapshotSource remote = source("127.0.0.1:" + other.getAddress().getPort());

        remote.pollOnce();
        assertThat(remote.status().state()).isEqualTo(RemoteStatus.State.BAD_ANSWER);
        assertThat(remote.status().message()).contains("text/html").contains("exporter URL");

        reply[0] = "application/json";
        reply[1] = "{\"version\": \"2.0\", \"generated_at\": \"x\", \"processes\": []}";
        remote.pollOnce();
        assertThat(remote.status().message()).contains("format 2.0 is newer");

        reply[1] = "{\"status\": \"success\"}";
        remote.pollOnce();
        assertThat(remote.status().message()).contains("missing required field");

        reply[1] = "{}";
        remote.pollOnce();
        assertThat(remote.status().state()).isEqualTo(RemoteStatus.State.WAITING);
        assertThat(remote.latest()).isEmpty();
    }

    @Test
    void theBackgroundPollerPublishesAndTheLogNeverShowsThePassword() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(String.valueOf(r.getMessage()) + r.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger("io.herakles.procmem.remote");
        log.addHandler(capture);
        toClose.add(() -> log.removeHandler(capture));
        int port = HttpProbe.freePort();
        RemoteSnapshotSource remote = source("http://alice:topsecret@127.0.0.1:" + port);
        List<RemoteStatus> statuses = new CopyOnWriteArrayList<>();
        remote.onStatus(statuses::add);
        remote.start();
        waitFor(() -> !statuses.isEmpty());
        assertThat(statuses.get(0).state()).isEqualTo(RemoteStatus.State.UNREACHABLE);

        exporterSide.publish(snapshot(Instant.now(), 1));
        exporter(ExporterConfig.builder().build(), port);
        List<Snapshot> published = new CopyOnWriteArrayList<>();
        remote.subscribe(published::add);
        waitFor(() -> !published.isEmpty());
        assertThat(published.get(0).processes()).hasSize(2);
        assertThat(String.join("\n", logged)).contains("127.0.0.1:" + port).doesNotContain("topsecret");
        assertThat(remote.target().toString()).doesNotContain("topsecret");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
