package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.runtime.RunningSystem;
import io.herakles.procmem.testsupport.HttpProbe;
import io.herakles.procmem.testsupport.HttpProbe.Reply;
import io.herakles.procmem.testsupport.Poll;
import io.herakles.procmem.ui.app.LiveDesktopServices;
import io.herakles.procmem.ui.app.MetricsServer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The desktop's Serve metrics switch and {@code --exporter} are one composition: the same routes,
 * the same {@code /subgroups}, and buffer health on {@code /health} in both.
 */
class DesktopServesLikeExporterIT extends LauncherTestBase {

    /** Every route either may serve, and two it must not. */
    private static final List<String> PATHS = List.of("/", "/metrics", "/health", "/health?format=json", "/config",
            "/doc", "/subgroups", "/snapshot", "/metricsXYZ", "/nothing-here");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void desktopServesWhatTheExporterServes() throws Exception {
        try (ExporterChild exporter = ExporterChild.start(herakles, "--cache-ttl", "1");
                LiveDesktopServices desktop = new LiveDesktopServices(ExporterConfig.defaults());
                MetricsServer served = desktop.startMetricsServer(0)) {
            int desktopPort = URI.create(served.url()).getPort();
            // --exporter serves only after its first snapshot; the window's switch is pressed long after
            assertThat(RunningSystem.awaitFirstSnapshot(desktop.liveSource(), WAIT)).as("desktop snapshot").isTrue();

            assertThat(statuses(desktopPort)).as("desktop routes").isEqualTo(statuses(exporter.port()));
            assertThat(statuses(exporter.port())).as("headless routes")
                    .containsEntry("/subgroups", 200).containsEntry("/snapshot", 200).containsEntry("/nothing-here", 404);
            assertThat(HttpProbe.get(desktopPort, "/subgroups").body())
                    .isEqualTo(exporter.get("/subgroups").body());

            assertThat(awaitIoBufferKb(exporter.port())).as("headless io_buffer_kb").isPositive();
            assertThat(awaitIoBufferKb(desktopPort)).as("desktop io_buffer_kb").isPositive();
            assertThat(HttpProbe.get(desktopPort, "/doc").body()).as("the version reaches the desktop's /doc")
                    .contains("VERSION");
        }
    }

    private static Map<String, Integer> statuses(int port) throws Exception {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String path : PATHS) {
            out.put(path, HttpProbe.get(port, path).status());
        }
        return out;
    }

    /** The largest comm/cmdline read so far as {@code /health} reports it, once the engine has read any. */
    private static long awaitIoBufferKb(int port) throws Exception {
        long[] kb = {0};
        Poll.atMost(WAIT).every(Duration.ofMillis(200)).holdsWithin(() -> {
            Reply health = HttpProbe.get(port, "/health?format=json");
            for (JsonNode b : new ObjectMapper().readTree(health.body()).path("buffers")) {
                if (b.path("name").asText().equals("io_buffer_kb")) {
                    kb[0] = b.path("current_kb").asLong();
                }
            }
            return kb[0] > 0;
        });
        return kb[0];
    }
}
