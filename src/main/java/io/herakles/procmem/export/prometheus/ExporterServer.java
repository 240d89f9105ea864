package io.herakles.procmem.export.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.health.HealthThresholds;
import io.herakles.procmem.health.HealthState;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * The exporter's HTTP(S) server: {@code /metrics} (a {@link SnapshotCollector}'s families in
 * Prometheus text, OpenMetrics, protobuf and gzip as the scraper asks, the bulk of each snapshot
 * encoded once per format: {@link MetricsPage}),
 * {@code /health} (unless {@code enable_health=false}), {@code /config}, {@code /doc} and the
 * caller's extra {@link Route}s, each at its exact path, GET/HEAD only. HTTPS when
 * {@code enable_tls} (PEM certificate chain and key) or the web config file's
 * {@code tls_server_config} asks for it (TLS 1.2 and 1.3 only); HTTP basic auth from the web config
 * file's {@code basic_auth_users}, which is re-read when it changes ({@link WebConfigWatcher}).
 *
 * <p>Errors the user can fix are one-line exceptions: {@link ListenException} (socket),
 * {@link TlsConfigException} (certificate, key, web config).
 *
 * <p>Threads: the JDK's dispatcher thread accepts connections; requests run on daemon worker
 * threads ({@code herakles-http-N}, {@link HttpWorkers}): up to four started as requests find none
 * idle, so sequential scrapes reuse one thread and a flood of scrapes queues for them; more, up to
 * 256, only for requests that waited 100 ms behind busy ones. A client that trickles its request
 * holds one worker, not the server, and is cut off by the request time limit of
 * {@link HttpServerLimits}; idle keep-alive connections hold no worker at all; idle workers exit
 * after a minute.
 * {@link #close()} stops at once (no draining, like upstream).
 */
public final class ExporterServer implements Closeable {

    private static final Logger LOG = Logger.getLogger(ExporterServer.class.getName());
    static final String TEXT = "text/plain; charset=utf-8";
    /**
     * The JDK server reads a request's headers on a worker thread, so a client that trickles its
     * request holds a worker until {@code maxReqTime} cuts it off. Enough workers for a few hundred
     * such connections (threads start only when no worker is idle and exit after a minute idle) keep
     * them from starving a normal scrape; 32 did not (48 trickling clients delayed a scrape ~10 s).
     */
    private static final int MAX_WORKERS = 256;
    /** Workers started without waiting for a busy one: enough for the CPU of a small host ({@link HttpWorkers}). */
    static final int QUICK_WORKERS = 4;
    /** How long a queued request waits before a worker is started for it (one held up by slow clients). */
    static final long STALL_MILLIS = 100;
    /**
     * How long a request waits for a busy worker to come free before another quick one starts. Keep-alive
     * clients send their next request as soon as the last byte of a response reaches them, before that
     * response's worker is back waiting: without the wait, 16 such clients grew the pool to 40 workers.
     */
    static final long HAND_OFF_WAIT_MICROS = 2_000;

    private final HttpServer server;
    private final ExecutorService workers;
    private final AutoCloseable subscription;
    private final String scheme;

    private ExporterServer(HttpServer server, ExecutorService workers, AutoCloseable subscription, String scheme) {
        this.server = server;
        this.workers = workers;
        this.subscription = subscription;
        this.scheme = scheme;
    }

    public static Builder builder(ExporterConfig config, SnapshotSource source) {
        return new Builder(config, source);
    }

    /** The bound port (the real one when built with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The most HTTP worker threads that existed at once (for tests of the pool's growth). */
    int largestWorkerCount() {
        return ((ThreadPoolExecutor) workers).getLargestPoolSize();
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return scheme;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "unsubscribe failed", e);
        }
    }

    /** Mutable builder; not thread-safe. Starts from the config's bind address and port. */
    public static final class Builder {
        private final ExporterConfig config;
        private final SnapshotSource source;
        private String bind;
        private int port;
        private HealthState health;
        private String version;
        private ExporterTelemetry telemetry;
        private SSLContext sslContext;
        private Predicate<HttpExchange> gate = exchange -> true;
        private final List<Route> routes = new ArrayList<>();
        private final Map<String, java.util.function.Function<Snapshot, byte[]>> snapshotRoutes = new LinkedHashMap<>();

        private Builder(ExporterConfig config, SnapshotSource source) {
            this.config = Objects.requireNonNull(config, "config");
            this.source = Objects.requireNonNull(source, "source");
            this.bind = config.bind();
            this.port = config.port();
        }

        /** IPv4 or IPv6 literal (brackets optional) or host name; default: the config's {@code bind}. */
        public Builder bind(String bind) {
            this.bind = Objects.requireNonNull(bind, "bind");
            return this;
        }

        /** 0 = any free port; default: the config's {@code port}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Buffer health shown on {@code /health}; default: the config's buffer sizes, nothing reported. */
        public Builder health(HealthState health) {
            this.health = health;
            return this;
        }

        /** Version in {@code /doc} and {@code herakles_exporter_build_info}; default: the jar's. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder telemetry(ExporterTelemetry telemetry) {
            this.telemetry = telemetry;
            return this;
        }

        /**
         * Serve HTTPS with this context (TLS 1.2+). Default: HTTPS when the config says so
         * ({@code enable_tls} with PEM files, or {@code tls_server_config} in the web config file),
         * else plain HTTP.
         */
        public Builder tls(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /** Requests for which {@code gate} is false get 401 (e.g. basic auth); default: all pass. */
        public Builder gate(Predicate<HttpExchange> gate) {
            this.gate = Objects.requireNonNull(gate, "gate");
            return this;
        }

        public Builder route(Route route) {
            routes.add(Objects.requireNonNull(route, "route"));
            return this;
        }

        public Builder route(String path, String contentType, java.util.function.Supplier<byte[]> body) {
            return route(new Route(path, contentType, body));
        }

        /**
         * Serves the source's latest snapshot at {@code path} as {@code json} encodes it, with a
         * sequence number, {@code ETag}/{@code If-None-Match} and gzip ({@link SnapshotPage}).
         */
        public Builder snapshotRoute(String path, java.util.function.Function<Snapshot, byte[]> json) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("route path must start with '/': " + path);
            }
            snapshotRoutes.put(path, Objects.requireNonNull(json, "json"));
            return this;
        }

        /** Binds and starts serving; the one-line {@link ListenException} when the socket cannot be opened. */
        public ExporterServer start() throws IOException {
            String v = version != null ? version : defaultVersion();
            ExporterTelemetry t = telemetry != null ? telemetry : new ExporterTelemetry();
            HealthState h = health != null ? health : new HealthState(HealthThresholds.ofCapacities(
                    config.ioBufferKb(), config.smapsBufferKb(), config.smapsRollupBufferKb()));
            PrometheusRegistry registry = new PrometheusRegistry();
            SnapshotCollector collector = new SnapshotCollector(source, config, t, v);
            registry.register(collector);
            ScrapeBodies bodies = new ScrapeBodies(collector, registry, source);
            ScanStatistics scans = new ScanStatistics(t.clock());
            source.latest().ifPresent(scans::onSnapshot);
            Map<String, Router.Page> pages = pages(new MetricsPage(registry, bodies, t), t,
                    new HealthPage(source, scans, t, h), v);

            WebConfigWatcher web = config.webConfigFile() == null ? null
                    : WebConfigWatcher.load(Path.of(config.webConfigFile()));
            HttpsConfigurator https = https(web);
            Predicate<HttpExchange> allowed = web == null ? gate : gate.and(web::authorize);

            HttpServerLimits.applyDefaults();
            InetSocketAddress address = ListenAddress.resolve(bind, port);
            HttpServer server = ListenAddress.open(address, https);
            ExecutorService workers = workers();
            server.setExecutor(workers);
            server.createContext("/", new Router(pages, t, allowed));
            AutoCloseable subscription = source.subscribe(snapshot -> {
                scans.onSnapshot(snapshot);
                bodies.onSnapshot(snapshot);
            });
            server.start();
            String scheme = https == null ? "http" : "https";
            LOG.info(() -> "listening on " + scheme + "://"
                    + ListenAddress.display(address.getAddress().getHostAddress(), server.getAddress().getPort()));
            return new ExporterServer(server, workers, subscription, scheme);
        }

        /**
         * HTTPS from, in this order: a context given to {@link #tls}, {@code enable_tls} with
         * {@code tls_cert_path}/{@code tls_key_path}, or the web config's {@code tls_server_config};
         * null for plain HTTP. TLS configured both by flags and in the web config is refused.
         */
        private HttpsConfigurator https(WebConfigWatcher web) throws TlsConfigException {
            if (sslContext != null) {
                return TlsContexts.configurator(sslContext, () -> TlsContexts.PROTOCOLS);
            }
            boolean webTls = web != null && web.keyManager() != null;
            if (config.enableTls() && webTls) {
                throw new TlsConfigException("TLS is configured twice: use --enable-tls with a certificate and key,"
                        + " or tls_server_config in " + config.webConfigFile() + ", not both");
            }
            if (config.enableTls()) {
                if (config.tlsCertPath() == null || config.tlsKeyPath() == null) {
                    throw new TlsConfigException("--enable-tls needs both tls_cert_path and tls_key_path");
                }
                ReloadingKeyManager keys = new ReloadingKeyManager(
                        PemKeyMaterial.load(Path.of(config.tlsCertPath()), Path.of(config.tlsKeyPath())));
                return TlsContexts.configurator(TlsContexts.serverContext(keys), () -> TlsContexts.PROTOCOLS);
            }
            if (webTls) {
                return TlsContexts.configurator(TlsContexts.serverContext(web.keyManager()), web::protocols);
            }
            return null;
        }

        private Map<String, Router.Page> pages(MetricsPage metrics, ExporterTelemetry t, HealthPage healthPage,
                String v) {
            Map<String, Router.Page> pages = new LinkedHashMap<>();
            pages.put("/metrics", metrics);
            if (config.enableHealth()) {
                pages.put("/health", (exchange, head) -> {
                    HealthPage.Page page = wantsJson(exchange) ? healthPage.json() : healthPage.text();
                    String type = wantsJson(exchange) ? "application/json" : TEXT;
                    Router.send(exchange, page.status(), type, page.body().getBytes(StandardCharsets.UTF_8), head);
                });
            }
            pages.put("/config", text(() -> ConfigPage.render(config)));
            pages.put("/doc", text(() -> DocPage.render(v)));
            for (Route r : routes) {
                if (pages.containsKey(r.path())) {
                    throw new IllegalArgumentException("route already served: " + r.path());
                }
                pages.put(r.path(), (exchange, head) -> Router.send(exchange, 200, r.contentType(), r.body().get(), head));
            }
            snapshotRoutes.forEach((path, json) -> {
                if (pages.putIfAbsent(path, new SnapshotPage(source, json)) != null) {
                    throw new IllegalArgumentException("route already served: " + path);
                }
            });
            return pages;
        }

        private static Router.Page text(java.util.function.Supplier<String> body) {
            return (exchange, head) -> Router.send(exchange, 200, TEXT, body.get().getBytes(StandardCharsets.UTF_8), head);
        }

        private static boolean wantsJson(HttpExchange exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null && List.of(query.split("&")).contains("format=json")) {
                return true;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            return accept != null && accept.contains("application/json");
        }

        private static ExecutorService workers() {
            AtomicInteger n = new AtomicInteger();
            return HttpWorkers.start(QUICK_WORKERS, MAX_WORKERS, r -> {
                Thread th = new Thread(r, "herakles-http-" + n.incrementAndGet());
                th.setDaemon(true);
                return th;
            }, HAND_OFF_WAIT_MICROS, STALL_MILLIS);
        }

        private static String defaultVersion() {
            String v = ExporterServer.class.getPackage().getImplementationVersion();
            return v == null ? "unknown" : v;
        }
    }
}
