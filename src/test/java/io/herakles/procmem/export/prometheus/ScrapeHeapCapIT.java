package io.herakles.procmem.export.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.export.snapshot.SnapshotJsonWriter;
import io.herakles.procmem.export.snapshot.SyntheticSnapshots;
import io.herakles.procmem.testsupport.HeraklesLauncher;
import io.herakles.procmem.testsupport.HttpProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged exporter under the server launcher's heap cap ({@code -Xmx64m}, exit on
 * OutOfMemoryError) serving a 3000-process snapshot to 50 scrapers at once, twice (the second time
 * after the snapshot file changed): no OutOfMemoryError, and every answer is 200 or the deliberate
 * 503 of the encoding guard.
 */
class ScrapeHeapCapIT {

    private static final List<String> SERVER_LAUNCHER_FLAGS = List.of("-Xms8m", "-Xmx64m", "-XX:MinHeapFreeRatio=5",
            "-XX:MaxHeapFreeRatio=20", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void fiftyConcurrentScrapersAt3000ProcessesStayWithinTheHeap() throws Exception {
        Path data = dir.resolve("big.json");
        SnapshotJsonWriter.writeFile(SyntheticSnapshots.generate(3000, 5), data);
        HeraklesLauncher herakles = new HeraklesLauncher(dir);
        SERVER_LAUNCHER_FLAGS.forEach(herakles::jvmArg);
        int port = HttpProbe.freePort();
        try (HeraklesLauncher.Running exporter = herakles.start("--exporter", "--bind", "127.0.0.1", "-p",
                Integer.toString(port), "-t", data.toString(), "--top-n-others", "100000", "--cache-ttl", "1")) {
            HttpProbe.awaitOk(port, "/metrics", Duration.ofSeconds(90), exporter.process()::isAlive, exporter::stderr);
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int round = 0; round < 2; round++) {
                if (round == 1) {
                    SnapshotJsonWriter.writeFile(SyntheticSnapshots.generate(3000, 6), data);
                    Thread.sleep(2500); // the file is re-read within --cache-ttl
                }
                List<CompletableFuture<HttpResponse<byte[]>>> scrapes = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    scrapes.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                            .timeout(Duration.ofSeconds(90)).header("Accept-Encoding", i % 2 == 0 ? "gzip" : "identity")
                            .build(), HttpResponse.BodyHandlers.ofByteArray()));
                }
                for (CompletableFuture<HttpResponse<byte[]>> s : scrapes) {
                    statuses.merge(s.join().statusCode(), 1, Integer::sum);
                }
            }
            assertThat(exporter.process().isAlive()).as(exporter.stderr()).isTrue();
            assertThat(exporter.stderr()).doesNotContain("OutOfMemoryError");
            assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(200, 503).contains(200);
        }
    }
}
