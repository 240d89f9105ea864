package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.ExporterServerTest.body;
import static io.herakles.procmem.export.prometheus.ExporterServerTest.send;
import static io.herakles.procmem.export.prometheus.TestSnapshots.DB;
import static io.herakles.procmem.export.prometheus.TestSnapshots.proc;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /snapshot} for polling clients: sequence, ETag, 304 on If-None-Match, gzip; plain GET unchanged. */
class SnapshotPageTest {

    private final SnapshotPublisher publisher = new SnapshotPublisher();
    private final AtomicInteger encodings = new AtomicInteger();
    private ExporterServer server;

    @BeforeEach
    void start() throws Exception {
        server = serverOver(publisher);
    }

    private ExporterServer serverOver(SnapshotPublisher source) throws Exception {
        return ExporterServer.builder(ExporterConfig.builder().build(), source).bind("127.0.0.1").port(0)
                .snapshotRoute("/snapshot", s -> {
                    encodings.incrementAndGet();
                    return ("{\"pids\": " + s.processes().size() + ", \"seq\": " + s.sequence() + "}")
                            .getBytes(StandardCharsets.UTF_8);
                })
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Snapshot snapshot(int pids) {
        List<io.herakles.procmem.model.ProcessSample> procs = new java.util.ArrayList<>();
        for (int i = 1; i <= pids; i++) {
            procs.add(proc(i, "p" + i, DB, 1000L * i, null, null));
        }
        return TestSnapshots.snapshot(procs);
    }

    @Test
    void beforeTheFirstSnapshotAnEmptyObjectWithoutTag() throws Exception {
        HttpResponse<byte[]> r = send(server, "GET", "/snapshot");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body(r)).isEqualTo("{}");
        assertThat(r.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void eachPublishedSnapshotGetsTheNextSequenceAndItsOwnTag() throws Exception {
        publisher.publish(snapshot(2));
        HttpResponse<byte[]> first = send(server, "GET", "/snapshot");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(body(first)).isEqualTo("{\"pids\": 2, \"seq\": 1}");
        assertThat(first.headers().firstValue(SnapshotPage.SEQUENCE_HEADER)).hasValue("1");
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(tag).matches("\"[0-9a-f]{8}-1\"");
        assertThat(first.headers().firstValue(SnapshotPage.TAKEN_AT_HEADER)).isPresent();

        HttpResponse<byte[]> again = send(server, "GET", "/snapshot");
        assertThat(again.headers().firstValue("ETag")).hasValue(tag);

        publisher.publish(snapshot(3));
        HttpResponse<byte[]> second = send(server, "GET", "/snapshot");
        assertThat(second.headers().firstValue(SnapshotPage.SEQUENCE_HEADER)).hasValue("2");
        assertThat(second.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(tag);
        assertThat(body(second)).contains("\"pids\": 3");
        assertThat(encodings).as("encoded once per snapshot, not per request").hasValue(2);
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIsNotModifiedUntilANewSnapshot() throws Exception {
        publisher.publish(snapshot(2));
        String tag = send(server, "GET", "/snapshot").headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> same = send(server, "GET", "/snapshot", "If-None-Match", tag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).hasValue(tag);
        assertThat(send(server, "GET", "/snapshot", "If-None-Match", "\"other\", W/" + tag).statusCode())
                .isEqualTo(304);

        publisher.publish(snapshot(4));
        HttpResponse<byte[]> changed = send(server, "GET", "/snapshot", "If-None-Match", tag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(body(changed)).contains("\"pids\": 4");
    }

    @Test
    void gzipWhenAskedAndOnlyThen() throws Exception {
        publisher.publish(snapshot(5));
        HttpResponse<byte[]> gz = send(server, "GET", "/snapshot", "Accept-Encoding", "deflate, gzip;q=0.8");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(),
                StandardCharsets.UTF_8)).isEqualTo("{\"pids\": 5, \"seq\": 1}");

        HttpResponse<byte[]> refused = send(server, "GET", "/snapshot", "Accept-Encoding", "gzip;q=0");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(body(refused)).isEqualTo("{\"pids\": 5, \"seq\": 1}");
        assertThat(send(server, "GET", "/snapshot").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aRestartedServerNeverRepeatsAnEarlierTag() throws Exception {
        publisher.publish(snapshot(1));
        String before = send(server, "GET", "/snapshot").headers().firstValue("ETag").orElseThrow();
        server.close();
        server = serverOver(publisher);
        HttpResponse<byte[]> after = send(server, "GET", "/snapshot", "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue(SnapshotPage.SEQUENCE_HEADER)).hasValue("1");
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
    }

    @Test
    void headSendsTheHeadersWithoutBody() throws Exception {
        publisher.publish(snapshot(1));
        HttpResponse<byte[]> r = send(server, "HEAD", "/snapshot");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.body()).isEmpty();
    }
}
