package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.TestSnapshots.DB;
import static io.herakles.procmem.export.prometheus.TestSnapshots.proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.testsupport.PrometheusServerFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A real Prometheus scrapes our in-process server and stores what we export. */
class ExporterPrometheusIT {

    @Test
    void prometheusScrapesAndStoresOurSeries() throws Exception {
        assumeTrue(PrometheusServerFixture.available(), "prometheus not installed (CI installs it)");
        var publisher = TestSnapshots.publisher(TestSnapshots.snapshot(List.of(
                proc(4242, "postgres", DB, 300_000_000L, 200_000_000L, 123_456_789L),
                proc(4343, "we\"ird\\name\n", new GroupKey("web", "nginx"), 1000, null, null))));
        try (ExporterServer server = ExporterServer.builder(ExporterConfig.defaults(), publisher)
                .bind("127.0.0.1").port(0).start();
                PrometheusServerFixture prom = PrometheusServerFixture.builder()
                        .target("127.0.0.1:" + server.port()).start()) {
            double uss = prom.awaitValue("herakles_proc_mem_uss_bytes{pid=\"4242\"}", Duration.ofSeconds(60));
            assertThat(uss).isEqualTo(123_456_789.0);
            assertThat(prom.queryValue("herakles_proc_mem_rss_bytes{pid=\"4343\",name=\"we\\\"ird\\\\name\\n\"}"))
                    .hasValue(1000.0);
            assertThat(prom.queryValue("herakles_proc_mem_pss_bytes{pid=\"4343\"}")).isEmpty();
            assertThat(prom.queryValue("up{job=\"herakles\"}")).hasValue(1.0);
            assertThat(prom.queryValue("herakles_proc_mem_processes")).hasValue(2.0);
        }
    }
    @Test
    void prometheusScrapesOverHttpsWithBasicAuth(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assumeTrue(PrometheusServerFixture.available(), "prometheus not installed (CI installs it)");
        var cert = io.herakles.procmem.testsupport.TestCertificates.write(dir, "server",
                io.herakles.procmem.testsupport.TestCertificates.ec(),
                io.herakles.procmem.testsupport.TestCertificates.KeyForm.PKCS1_OR_SEC1);
        java.nio.file.Path web = java.nio.file.Files.writeString(dir.resolve("web.yml"),
                "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                + "basic_auth_users:\n  prom: " + WebConfigTest.bcrypt("scrape-me") + "\n");
        ExporterConfig.Builder cfg = ExporterConfig.builder();
        cfg.webConfigFile(web.toString());
        var publisher = TestSnapshots.publisher(TestSnapshots.snapshot(List.of(
                proc(5151, "postgres", DB, 1000, 900L, 777L))));
        try (ExporterServer server = ExporterServer.builder(cfg.build(), publisher).bind("127.0.0.1").port(0).start();
                PrometheusServerFixture prom = PrometheusServerFixture.builder()
                        .target("127.0.0.1:" + server.port()).scheme("https").insecureSkipVerify()
                        .basicAuth("prom", "scrape-me").start()) {
            assertThat(cert.certFile()).exists();
            assertThat(prom.awaitValue("herakles_proc_mem_uss_bytes{pid=\"5151\"}", Duration.ofSeconds(60))).isEqualTo(777.0);
        }
    }
}
