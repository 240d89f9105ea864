package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.testsupport.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real services behind the window, without a window: live /proc, the embedded exporter, JSON files. */
class LiveDesktopServicesTest {

    private static final long SELF = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private LiveDesktopServices services;

    @BeforeEach
    void start() {
        services = new LiveDesktopServices(ExporterConfig.defaults());
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void serveMetricsSwitchServesTheWindowsSnapshotsOnLoopback() throws Exception {
        Snapshot first = firstSnapshot();
        assertThat(first.byPid((int) SELF)).as("this JVM is in the live snapshot").isPresent();
        try (MetricsServer server = services.startMetricsServer(0)) {
            assertThat(server.url()).startsWith("http://127.0.0.1:").endsWith("/metrics");
            HttpResponse<String> metrics = get(server.url());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("herakles_proc_mem_rss_bytes{", "pid=\"" + SELF + "\"");
            HttpResponse<String> snapshot = get(server.url().replace("/metrics", "/snapshot"));
            assertThat(snapshot.statusCode()).isEqualTo(200);
            assertThat(snapshot.body()).startsWith("{").contains("\"pid\": " + SELF);
        }
    }

    @Test
    void exportedFileHoldsExactlyTheShownSnapshot() throws Exception {
        Snapshot shown = firstSnapshot();
        Path file = dir.resolve("export.json");
        services.writeSnapshot(shown, file);
        assertThat(Files.size(file)).isPositive();
        Snapshot back = services.readSnapshot(file);
        assertThat(back.processes()).hasSameSizeAs(shown.processes());
        for (ProcessSample p : shown.processes()) {
            ProcessSample q = back.byPid(p.pid()).orElseThrow();
            assertThat(q.name()).isEqualTo(p.name());
            assertThat(q.rssBytes()).isEqualTo(p.rssBytes());
            assertThat(q.pssBytes()).isEqualTo(p.pssBytes());
            assertThat(q.ussBytes()).isEqualTo(p.ussBytes());
            assertThat(q.group()).isEqualTo(p.group());
        }
    }

    @Test
    void badFileIsOneLineNamingTheFileOnce() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"version\": \"1.0\", \"processes\": []}");
        try {
            services.readSnapshot(file);
            throw new AssertionError("a file without generated_at must be refused");
        } catch (SnapshotReadException e) {
            String shown = SnapshotFileActions.naming(file, e.getMessage());
            assertThat(shown).startsWith(file.toString()).contains("generated_at").doesNotContain("\n");
            assertThat(shown.indexOf(file.toString(), 1)).as("the path appears once").isNegative();
        }
    }

    private Snapshot firstSnapshot() throws InterruptedException {
        return Poll.atMost(Duration.ofSeconds(60)).until("live snapshot", () -> services.liveSource().latest());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
