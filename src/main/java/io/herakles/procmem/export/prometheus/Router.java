package io.herakles.procmem.export.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one JDK context ({@code /}) of the exporter: dispatches on the <b>exact</b> raw request path
 * (the JDK matches contexts by prefix, so {@code /metricsXYZ} would otherwise reach
 * {@code /metrics}); unknown paths get 404 with an empty body, methods other than GET and HEAD get
 * 405 with {@code Allow: GET, HEAD}, requests the gate refuses get 401. Every request counts in the
 * telemetry's "requests in the last minute". Thread-safe: immutable after construction.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    /** One page: writes the whole response of a GET or HEAD. */
    @FunctionalInterface
    interface Page {
        void serve(HttpExchange exchange, boolean head) throws IOException;
    }

    private final Map<String, Page> pages;
    private final ExporterTelemetry telemetry;
    private final Predicate<HttpExchange> gate;

    Router(Map<String, Page> pages, ExporterTelemetry telemetry, Predicate<HttpExchange> gate) {
        this.pages = Map.copyOf(pages);
        this.telemetry = telemetry;
        this.gate = gate;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            telemetry.recordRequest();
            Page page = pages.get(exchange.getRequestURI().getRawPath());
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!gate.test(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"herakles\"");
                send(exchange, 401, "text/plain; charset=utf-8", "Unauthorized\n".getBytes(StandardCharsets.UTF_8), head);
            } else if (page == null) {
                send(exchange, 404, null, new byte[0], head);
            } else if (!head && !"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, null, new byte[0], false);
            } else {
                page.serve(exchange, head);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "request failed (client gone?): " + e, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request failed: " + e, e);
        }
    }

    /** Writes a complete response; {@code contentType} may be null for an empty body. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body, boolean head)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (head || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = new SlicedOutputStream(exchange.getResponseBody())) {
            out.write(body);
        }
    }
}
