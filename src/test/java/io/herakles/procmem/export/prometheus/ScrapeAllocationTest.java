package io.herakles.procmem.export.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.snapshot.SyntheticSnapshots;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Heap allocated by the server's threads per repeated scrape of one snapshot, measured with
 * {@code ThreadMXBean.getThreadAllocatedBytes}: it must not grow with the number of processes,
 * because the bulk of the body is written from kept bytes. Also the benchmark's hook: with
 * {@code -Dherakles.bench.out=FILE} the measured bytes are appended to FILE
 * ({@code scripts/scrape-bench.sh} runs it that way).
 */
class ScrapeAllocationTest {

    private static final int WARM_UP = 20;
    private static final int MEASURED = 50;
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @Test
    void allocationPerRepeatedScrapeDoesNotGrowWithTheProcesses() throws Exception {
        Map<String, Long> small = measure(100);
        Map<String, Long> large = measure(3000);
        report(small, large);
        for (String format : small.keySet()) {
            // 30x the processes; the body grows ~30x, what a repeated scrape allocates must not
            assertThat(large.get(format)).as(format + ": bytes per scrape at 3000 vs 100 processes")
                    .isLessThan(2 * small.get(format) + 64 * 1024);
        }
    }

    /** Bytes allocated by the server's threads per scrape, by format, at {@code processes}. */
    private static Map<String, Long> measure(int processes) throws Exception {
        ExporterConfig.Builder config = ExporterConfig.builder();
        config.topNOthers(100_000);
        Map<String, Long> perScrape = new LinkedHashMap<>();
        try (ExporterServer server = ExporterServer.builder(config.build(),
                TestSnapshots.publisher(SyntheticSnapshots.generate(processes, 9))).bind("127.0.0.1").port(0).start()) {
            Map<String, String[]> formats = new LinkedHashMap<>();
            formats.put("plain", new String[] {"Accept-Encoding", "identity"});
            formats.put("gzip", new String[] {"Accept-Encoding", "gzip", "Accept", PROMETHEUS_ACCEPT});
            for (Map.Entry<String, String[]> f : formats.entrySet()) {
                for (int i = 0; i < WARM_UP; i++) {
                    scrape(server, f.getValue());
                }
                long before = serverAllocatedBytes();
                for (int i = 0; i < MEASURED; i++) {
                    scrape(server, f.getValue());
                }
                perScrape.put(f.getKey(), (serverAllocatedBytes() - before) / MEASURED);
            }
        }
        return perScrape;
    }

    private static void scrape(ExporterServer server, String... headers) throws Exception {
        HttpResponse<byte[]> r = ExporterServerTest.send(server, "GET", "/metrics", headers);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    /** Sum over the JDK HTTP server's dispatcher and our worker threads. */
    private static long serverAllocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("herakles-http-") || t.getName().startsWith("HTTP-Dispatcher")) {
                long bytes = threads.getThreadAllocatedBytes(t.getId());
                sum += Math.max(0, bytes);
            }
        }
        return sum;
    }

    private static void report(Map<String, Long> small, Map<String, Long> large) throws IOException {
        StringBuilder lines = new StringBuilder();
        small.forEach((format, bytes) -> lines.append("RESULT scrape_alloc processes=100 format=").append(format)
                .append(" bytes_per_scrape=").append(bytes).append('\n'));
        large.forEach((format, bytes) -> lines.append("RESULT scrape_alloc processes=3000 format=").append(format)
                .append(" bytes_per_scrape=").append(bytes).append('\n'));
        System.out.print(lines);
        String out = System.getProperty("herakles.bench.out");
        if (out != null && !out.isBlank()) {
            Files.writeString(Path.of(out), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
