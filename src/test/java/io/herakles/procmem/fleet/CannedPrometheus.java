package io.herakles.procmem.fleet;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local HTTP server (127.0.0.1, any free port) answering {@code /api/v1/query} from a map of
 * PromQL → result JSON (the {@code data.result} array); unknown queries get an empty vector. A
 * test may replace the whole reply ({@link #rawReply}) to play a server that is not Prometheus.
 */
public final class CannedPrometheus implements AutoCloseable {

    public final Map<String, String> results = new ConcurrentHashMap<>();
    /** PromQL → a file holding the result array, streamed from disk (a benchmark's large answers off the heap). */
    public final Map<String, java.nio.file.Path> resultFiles = new ConcurrentHashMap<>();
    public volatile String rawContentType;
    public volatile String rawReply;
    public volatile int rawStatus = 200;
    public volatile long delayMillis;
    /** The {@code data.activeTargets} array {@code /api/v1/targets} answers; null: answered like a query. */
    public volatile String activeTargets;
    /** PromQL → the {@code data.result} array (a matrix) {@code /api/v1/query_range} answers; unknown: empty. */
    public final Map<String, String> rangeResults = new ConcurrentHashMap<>();
    /** The PromQL of every query asked, in order. */
    public final java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Requests answered so far (any path). */
    public final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpServer server;

    public CannedPrometheus() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                String type = "application/json";
                String body;
                int status = 200;
                if (rawReply != null) {
                    type = rawContentType;
                    body = rawReply;
                    status = rawStatus;
                } else if (exchange.getRequestURI().getPath().endsWith("/api/v1/query_range")) {
                    String query = "";
                    for (String param : exchange.getRequestURI().getRawQuery().split("&")) {
                        if (param.startsWith("query=")) {
                            query = URLDecoder.decode(param.substring(6), StandardCharsets.UTF_8);
                        }
                    }
                    asked.add(query);
                    body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":"
                            + rangeResults.getOrDefault(query, "[]") + "}}";
                } else if (activeTargets != null && exchange.getRequestURI().getPath().endsWith("/api/v1/targets")) {
                    body = "{\"status\":\"success\",\"data\":{\"activeTargets\":" + activeTargets + "}}";
                } else {
                    String raw = exchange.getRequestURI().getRawQuery();
                    String query = raw == null ? "" : URLDecoder.decode(raw.replaceFirst("^query=", ""),
                            StandardCharsets.UTF_8);
                    asked.add(query);
                    java.nio.file.Path file = resultFiles.get(query);
                    if (file != null) {
                        byte[] head = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                                .getBytes(StandardCharsets.UTF_8);
                        byte[] tail = "}}".getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().set("Content-Type", type);
                        exchange.sendResponseHeaders(200, head.length + java.nio.file.Files.size(file) + tail.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(head);
                            java.nio.file.Files.copy(file, out);
                            out.write(tail);
                        }
                        return;
                    }
                    body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                            + results.getOrDefault(query, "[]") + "}}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                if (type != null) {
                    exchange.getResponseHeaders().set("Content-Type", type);
                }
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "canned-prometheus");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** One series: {@code {"metric": {labels}, "value": [t, "v"]}}; labels as alternating name, value. */
    public static String series(double value, String... labels) {
        StringBuilder b = new StringBuilder("{\"metric\":{");
        for (int i = 0; i < labels.length; i += 2) {
            b.append(i == 0 ? "" : ",").append('"').append(labels[i]).append("\":\"").append(labels[i + 1]).append('"');
        }
        return b.append("},\"value\":[1733300000.123,\"").append(value).append("\"]}").toString();
    }

    /** One active target as {@code /api/v1/targets} lists it. */
    public static String target(String job, String instance, String scrapeUrl) {
        return "{\"labels\":{\"job\":\"" + job + "\",\"instance\":\"" + instance + "\"},\"scrapeUrl\":\""
                + scrapeUrl + "\",\"health\":\"up\"}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
