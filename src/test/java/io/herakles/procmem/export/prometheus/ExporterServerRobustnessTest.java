package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.ExporterServerTest.CONFIG;
import static io.herakles.procmem.export.prometheus.ExporterServerTest.body;
import static io.herakles.procmem.export.prometheus.ExporterServerTest.send;
import static io.herakles.procmem.export.prometheus.TestSnapshots.DB;
import static io.herakles.procmem.export.prometheus.TestSnapshots.proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.testsupport.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slow, oversized and concurrent clients; IPv6; health while a collection runs. */
class ExporterServerRobustnessTest {

    private SnapshotPublisher publisher;
    private ExporterServer server;

    @BeforeEach
    void start() throws IOException {
        publisher = TestSnapshots.publisher(TestSnapshots.snapshot(List.of(proc(42, "postgres", DB, 3000, 2000L, 1000L))));
        server = ExporterServer.builder(CONFIG, publisher).bind("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
        s.setSoTimeout(30_000);
        return s;
    }

    /** The status line, or "" when the server closed the connection without answering. */
    private static String statusLine(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder sb = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                sb.append((char) c);
            }
        } catch (java.net.SocketException reset) {
            return "";
        }
        return sb.toString().strip();
    }

    @Test
    void oversizedHeadersAreRefused() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(s)).doesNotContain(" 200");
        } catch (java.net.SocketException resetWhileWriting) {
            // the server closed the connection before reading it all: refused as well
        }
        try (Socket s = connect()) {
            StringBuilder req = new StringBuilder("GET /metrics HTTP/1.1\r\nHost: x\r\n");
            for (int i = 0; i < 500; i++) {
                req.append("X-H").append(i).append(": v\r\n");
            }
            s.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            assertThat(statusLine(s)).doesNotContain(" 200");
        } catch (java.net.SocketException resetWhileWriting) {
            // refused
        }
        assertThat(send(server, "GET", "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void slowAndKeepAliveClientsDoNotDelayAScrape() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        AtomicBoolean trickle = new AtomicBoolean(true);
        // more trickling clients than a small worker pool has threads: the JDK server reads request
        // headers on a worker, so each of them holds one while it trickles
        int slowClients = 48;
        ExecutorService tricklers = Executors.newFixedThreadPool(slowClients);
        try {
            for (int i = 0; i < slowClients; i++) {
                Socket s = connect();
                sockets.add(s);
                s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                tricklers.submit(() -> {
                    try {
                        OutputStream out = s.getOutputStream();
                        for (int n = 0; n < 300 && trickle.get(); n++) {
                            out.write('X');
                            out.flush();
                            Thread.sleep(100);
                        }
                    } catch (IOException | InterruptedException e) {
                        // cut off by the server or the test: fine
                    }
                    return null;
                });
            }
            // 40 keep-alive scrapers that got their answer and keep the connection open
            for (int i = 0; i < 40; i++) {
                Socket s = connect();
                sockets.add(s);
                s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(statusLine(s)).isEqualTo("HTTP/1.1 200 OK");
            }
            // a normal scrape still answers, well within a few seconds
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = ExporterServerTest.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("herakles_proc_mem_uss_bytes");
            }
        } finally {
            trickle.set(false);
            tricklers.shutdownNow();
            for (Socket s : sockets) {
                s.close();
            }
            assertThat(tricklers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aClientThatNeverFinishesItsRequestIsCutOff() throws Exception {
        // HttpServerLimits sets maxReqTime=10 s unless the user chose otherwise
        long limitSeconds = Long.parseLong(System.getProperty("sun.net.httpserver.maxReqTime"));
        try (Socket s = connect()) {
            s.setSoTimeout(1_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            // each try trickles a byte and waits up to the 1 s read timeout for the server to close
            boolean closed = Poll.atMost(Duration.ofSeconds(limitSeconds + 30)).every(Duration.ZERO).holdsWithin(() -> {
                try {
                    out.write('X');
                    out.flush();
                    return s.getInputStream().read() == -1;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    return false;
                } catch (IOException reset) {
                    return true;
                }
            });
            assertThat(closed).as("connection closed by the server").isTrue();
        }
    }

    @Test
    void concurrentScrapesAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> send(server, "GET", "/metrics")));
            }
            for (Future<HttpResponse<byte[]>> f : results) {
                HttpResponse<byte[]> r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(body(r)).contains("herakles_proc_mem_processes 1.0");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void healthStaysOkAndMetricsAnswerWhileTheNextSnapshotIsProduced() throws Exception {
        CountDownLatch collecting = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread sampler = new Thread(() -> {
            collecting.countDown();
            try {
                // a long collection pass: the exporter must not wait for it
                finish.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            publisher.publish(new io.herakles.procmem.model.Snapshot(2, java.time.Instant.now(), "/proc",
                    List.of(proc(43, "postgres", DB, 1, 1L, 1L)), TestSnapshots.system(), TestSnapshots.stats(true)));
        });
        sampler.start();
        try {
            assertThat(collecting.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 5; i++) {
                assertThat(send(server, "GET", "/health").statusCode()).isEqualTo(200);
                assertThat(body(send(server, "GET", "/metrics"))).contains("pid=\"42\"")
                        .contains("herakles_proc_mem_cache_updating 0.0");
            }
        } finally {
            finish.countDown();
            sampler.join(30_000);
        }
        assertThat(body(send(server, "GET", "/metrics"))).contains("pid=\"43\"").doesNotContain("pid=\"42\"");
        assertThat(send(server, "GET", "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void listensOnIpv6Loopback() throws Exception {
        assumeTrue(ipv6LoopbackUsable(), "no IPv6 loopback on this machine");
        for (String bind : List.of("::1", "[::1]")) {
            try (ExporterServer s = ExporterServer.builder(CONFIG, publisher).bind(bind).port(0).start()) {
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://[::1]:" + s.port() + "/metrics"))
                        .timeout(Duration.ofSeconds(30)).GET().build();
                HttpResponse<String> r = ExporterServerTest.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(s.address().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
            }
        }
    }

    @SuppressWarnings("try") // binding the socket is the test; the body needs nothing of it
    private static boolean ipv6LoopbackUsable() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
