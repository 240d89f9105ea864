package io.herakles.procmem.export.prometheus;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /metrics}: client_java's {@link PrometheusScrapeHandler} (Prometheus text, OpenMetrics,
 * protobuf when available, gzip, {@code name[]} filters) over the exporter's registry.
 *
 * <p>At most {@link #CONCURRENT_ENCODES} scrapes build and encode at once: that work is CPU-bound
 * (the machine may have two cores) and each uncompressed scrape holds its whole encoded body, so
 * many simultaneous scrapers of a large snapshot would otherwise exhaust a small heap (measured:
 * nine concurrent 3.8 MB scrapes overflowed {@code -Xmx64m}). The permit is returned just before
 * the response headers go out, so a slow reader never holds it. A scrape that waits 30 s for a
 * permit gets 503. Thread-safe.
 */
final class MetricsPage implements Router.Page {

    static final int CONCURRENT_ENCODES = 2;

    private final PrometheusScrapeHandler handler;
    private final ExporterTelemetry telemetry;
    private final Semaphore encoders = new Semaphore(CONCURRENT_ENCODES);

    MetricsPage(PrometheusRegistry registry, ExporterTelemetry telemetry) {
        this.handler = new PrometheusScrapeHandler(PrometheusProperties.builder().build(), registry);
        this.telemetry = telemetry;
    }

    @Override
    public void serve(HttpExchange exchange, boolean head) throws IOException {
        long start = System.nanoTime();
        if (!acquire()) {
            Router.send(exchange, 503, ExporterServer.TEXT,
                    "Too many concurrent scrapes\n".getBytes(StandardCharsets.UTF_8), head);
            return;
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) {
                encoders.release();
            }
        };
        try {
            handler.handleRequest(new JdkScrapeExchange(exchange, release));
        } finally {
            release.run();
        }
        telemetry.recordMetricsRequest(System.nanoTime() - start);
    }

    private boolean acquire() {
        try {
            return encoders.tryAcquire(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
