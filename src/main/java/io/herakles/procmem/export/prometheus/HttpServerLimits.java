package io.herakles.procmem.export.prometheus;

import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Limits of the JDK's {@code com.sun.net.httpserver} against slow or oversized requests, and
 * {@code TCP_NODELAY} on its connections. The JDK
 * reads these {@code sun.net.httpserver.*} system properties once, when its {@code ServerConfig}
 * class initialises (at the first server created in this JVM), so they must be set before that;
 * a value the user already set (e.g. {@code -Dsun.net.httpserver.maxReqTime=30}) is never overridden.
 * Applied once per JVM; thread-safe.
 */
final class HttpServerLimits {

    private static final Logger LOG = Logger.getLogger(HttpServerLimits.class.getName());

    /** Our defaults; the JDK's own are unlimited request/response times and 384 KiB of headers. */
    static final Map<String, String> DEFAULTS = Map.of(
            // a request (line + headers) must arrive within 10 s: a client trickling bytes is cut off
            "sun.net.httpserver.maxReqTime", "10",
            // a response must be taken within 60 s: a client that stops reading is cut off
            "sun.net.httpserver.maxRspTime", "60",
            // scrapers send a handful of headers; refuse floods
            "sun.net.httpserver.maxReqHeaders", "64",
            "sun.net.httpserver.maxReqHeaderSize", "16384",
            // idle keep-alive connections are closed after 30 s and at most 64 are kept
            "sun.net.httpserver.idleInterval", "30",
            "sun.net.httpserver.maxIdleConnections", "64",
            // cap on open connections, so a connection flood cannot exhaust file descriptors
            "jdk.httpserver.maxConnections", "512",
            // a response goes out in several writes (headers, kept bulk, per-scrape part); with
            // Nagle's algorithm on, the last small write waits for the client's delayed ACK
            // (~40 ms on Linux) on every keep-alive scrape
            "sun.net.httpserver.nodelay", "true");

    private static boolean applied;

    private HttpServerLimits() {}

    static synchronized void applyDefaults() {
        if (applied) {
            return;
        }
        applied = true;
        applyTo(System.getProperties());
    }

    /** Sets every default that {@code properties} does not already have. */
    static void applyTo(Properties properties) {
        DEFAULTS.forEach((key, value) -> {
            if (properties.getProperty(key) == null) {
                properties.setProperty(key, value);
            } else {
                LOG.fine(() -> "keeping user setting " + key + "=" + properties.getProperty(key));
            }
        });
    }
}
