package io.herakles.procmem.export.prometheus;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets client_java's {@code PrometheusScrapeHandler} (format negotiation, gzip, {@code name[]}
 * filters) answer a JDK {@link HttpExchange}. HEAD requests get the headers and no body, also when
 * gzip was asked for. {@code beforeHeaders} runs once, just before the response headers go out:
 * by then client_java has built (and, uncompressed, encoded) the whole scrape, and what follows
 * is network I/O. Confined to the HTTP worker thread of one exchange.
 */
final class JdkScrapeExchange implements PrometheusHttpExchange {

    private static final Logger LOG = Logger.getLogger(JdkScrapeExchange.class.getName());

    private final HttpExchange exchange;
    private final boolean head;
    private final Runnable beforeHeaders;
    private boolean responseSent;

    JdkScrapeExchange(HttpExchange exchange, Runnable beforeHeaders) {
        this.exchange = exchange;
        this.head = "HEAD".equals(exchange.getRequestMethod());
        this.beforeHeaders = beforeHeaders;
    }

    @Override
    public PrometheusHttpRequest getRequest() {
        return new PrometheusHttpRequest() {
            @Override
            public String getQueryString() {
                return exchange.getRequestURI().getRawQuery();
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                List<String> values = exchange.getRequestHeaders().get(name);
                return values == null ? null : Collections.enumeration(values);
            }

            @Override
            public String getMethod() {
                return exchange.getRequestMethod();
            }

            @Override
            public String getRequestPath() {
                return exchange.getRequestURI().getPath();
            }
        };
    }

    @Override
    public PrometheusHttpResponse getResponse() {
        return new PrometheusHttpResponse() {
            @Override
            public void setHeader(String name, String value) {
                exchange.getResponseHeaders().set(name, value);
            }

            @Override
            public OutputStream sendHeadersAndGetBody(int status, int contentLength) throws IOException {
                responseSent = true;
                beforeHeaders.run();
                if (head) {
                    exchange.sendResponseHeaders(status, -1);
                    return OutputStream.nullOutputStream();
                }
                // client_java: 0 = length unknown (chunked), which is also the JDK's meaning of 0
                exchange.sendResponseHeaders(status, contentLength);
                return new SlicedOutputStream(exchange.getResponseBody());
            }
        };
    }

    @Override
    public void handleException(IOException e) throws IOException {
        // usually the scraper went away mid-response; nothing to answer
        LOG.log(Level.FINE, "scrape failed: " + e, e);
        sendErrorIfPossible();
    }

    @Override
    public void handleException(RuntimeException e) {
        LOG.log(Level.WARNING, "scrape failed: " + e, e);
        try {
            sendErrorIfPossible();
        } catch (IOException ignored) {
            // client gone
        }
    }

    private void sendErrorIfPossible() throws IOException {
        if (!responseSent) {
            responseSent = true;
            beforeHeaders.run();
            byte[] body = "Failed to encode metrics".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(500, head ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        exchange.close();
    }
}
