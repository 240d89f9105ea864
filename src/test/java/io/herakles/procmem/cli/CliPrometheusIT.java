package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herakles.procmem.testsupport.HeraklesLauncher;
import io.herakles.procmem.testsupport.PrometheusServerFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged exporter (started without a display and without --exporter) scraped by a real Prometheus server; series read back through the query API. */
class CliPrometheusIT {

    @TempDir
    Path dir;

    @Test
    void prometheusStoresTheExportersOwnSeries() throws Exception {
        assumeTrue(PrometheusServerFixture.available(), "prometheus not installed (CI installs it)");
        // no --exporter: without DISPLAY/WAYLAND_DISPLAY the launcher serves metrics by itself (as upstream)
        try (ExporterChild exporter = ExporterChild.start(new HeraklesLauncher(dir), false, "--cache-ttl", "1");
                PrometheusServerFixture prom = PrometheusServerFixture.builder()
                        .target("127.0.0.1:" + exporter.port()).start()) {
            String self = "{pid=\"" + exporter.pid() + "\"}";
            double uss = prom.awaitValue("herakles_proc_mem_uss_bytes" + self, Duration.ofSeconds(90));
            assertThat(uss).isPositive();
            assertThat(prom.queryValue("herakles_proc_mem_rss_bytes" + self).orElseThrow()).isGreaterThanOrEqualTo(uss);
            assertThat(prom.queryValue("herakles_proc_mem_processes").orElseThrow()).isPositive();
            assertThat(prom.queryValue("up{job=\"herakles\"}")).hasValue(1.0);
            // the exporter's own JVM, classified by the built-in rules (the jar on its command line)
            var labels = prom.query("herakles_proc_mem_rss_bytes" + self).get(0).path("metric");
            assertThat(labels.path("group").asText()).isEqualTo("monitoring");
            assertThat(labels.path("subgroup").asText()).isEqualTo("herakles");
            assertThat(prom.queryValue("herakles_system_memory_total_bytes").orElseThrow()).isGreaterThan(uss);
            assertThat(exporter.running().stderr()).contains("No display found");
        }
    }
}
