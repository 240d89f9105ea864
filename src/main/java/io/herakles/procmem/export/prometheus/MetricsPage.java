package io.herakles.procmem.export.prometheus;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /metrics}. An ordinary scrape is answered from {@link ScrapeBodies}: the bulk of the
 * snapshot encoded once per format, plus the few per-scrape families, with an exact
 * {@code Content-Length} (also for gzip and HEAD). A scrape with {@code name[]} filters or
 * {@code debug}, an unusual name escaping or an invalid query goes to client_java's
 * {@link PrometheusScrapeHandler} over the same registry, which encodes just what was asked for.
 * Both speak Prometheus text, OpenMetrics and protobuf as the {@code Accept} header asks.
 *
 * <p>At most {@link #CONCURRENT_ENCODES} scrapes prepare their body at once: encoding is
 * CPU-bound (the machine may have two cores) and an encoding of a large snapshot needs several
 * megabytes while it is made, so many simultaneous scrapers of a new snapshot would otherwise
 * exhaust a small heap (measured before bodies were kept: nine concurrent 3.8 MB scrapes overflowed
 * {@code -Xmx64m}). The permit is returned before the response headers go out, so a slow reader
 * never holds it. A scrape that waits 30 s for a permit gets 503. Thread-safe.
 */
final class MetricsPage implements Router.Page {

    static final int CONCURRENT_ENCODES = 2;
    private static final Logger LOG = Logger.getLogger(MetricsPage.class.getName());
    private static final PrometheusProperties PROPERTIES = PrometheusProperties.builder().build();

    private final PrometheusScrapeHandler handler;
    private final ExpositionFormats formats = ExpositionFormats.init(PROPERTIES);
    private final ScrapeBodies bodies;
    private final ExporterTelemetry telemetry;
    private final Semaphore encoders = new Semaphore(CONCURRENT_ENCODES);

    MetricsPage(PrometheusRegistry registry, ScrapeBodies bodies, ExporterTelemetry telemetry) {
        this.handler = new PrometheusScrapeHandler(PROPERTIES, registry);
        this.bodies = bodies;
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
            JdkScrapeExchange scrape = new JdkScrapeExchange(exchange, release);
            ScrapeFormat format = keptFormat(scrape.getRequest(), exchange);
            if (format == null) {
                handler.handleRequest(scrape);
            } else {
                serveKept(exchange, format, head, release);
            }
        } finally {
            release.run();
        }
        telemetry.recordMetricsRequest(System.nanoTime() - start);
    }

    /** The format of a scrape {@link ScrapeBodies} can answer; null for one client_java must. */
    private ScrapeFormat keptFormat(PrometheusHttpRequest request, HttpExchange exchange) {
        try {
            if (request.getParameterValues("name[]") != null || request.getParameter("debug") != null) {
                return null;
            }
        } catch (RuntimeException e) {
            return null; // a query client_java cannot decode: it answers 400
        }
        ScrapeFormat format = ScrapeFormat.negotiate(formats, request.getHeader("Accept"),
                exchange.getRequestHeaders().get("Accept-Encoding"));
        return format.cacheable() ? format : null;
    }

    private void serveKept(HttpExchange exchange, ScrapeFormat format, boolean head, Runnable release)
            throws IOException {
        ScrapeBodies.Body body;
        try {
            body = bodies.body(format);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "scrape failed: " + e, e);
            release.run();
            Router.send(exchange, 500, ExporterServer.TEXT,
                    "Failed to encode metrics".getBytes(StandardCharsets.UTF_8), head);
            return;
        }
        release.run();
        exchange.getResponseHeaders().set("Content-Type", format.writer().getContentType());
        if (format.gzip()) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        if (head) {
            // the JDK server sends no body for HEAD and leaves a Content-Length set here untouched
            exchange.getResponseHeaders().set("Content-Length", Long.toString(body.length()));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.length());
        try (OutputStream out = new SlicedOutputStream(exchange.getResponseBody())) {
            out.write(body.bulk());
            out.write(body.perScrape());
        }
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
