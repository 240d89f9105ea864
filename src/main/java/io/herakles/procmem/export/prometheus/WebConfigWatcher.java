package io.herakles.procmem.export.prometheus;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Serves a {@link WebConfig} and re-reads it when it changes: the web config file and its
 * certificate and key files are checked (modification time and size) at most once a second, on
 * the request that comes by. New basic-auth users apply to the next request; a new certificate
 * or key to the next TLS handshake. A changed file that is invalid is logged and the last good
 * configuration stays in force. Turning TLS on or off needs a restart (logged).
 * Thread-safe: the current state is one volatile reference; reloads are synchronised.
 */
final class WebConfigWatcher {

    private static final Logger LOG = Logger.getLogger(WebConfigWatcher.class.getName());
    private static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

    /** One loaded configuration with what it was loaded from. */
    private record State(WebConfig config, BasicAuth auth, List<String> fingerprint) {}

    private final Path file;
    private final ReloadingKeyManager keys;
    private volatile State state;
    private volatile long lastCheck;

    private WebConfigWatcher(Path file, State state, ReloadingKeyManager keys) {
        this.file = file;
        this.state = state;
        this.keys = keys;
        this.lastCheck = System.nanoTime();
    }

    /** Reads the file and its TLS material; every problem is a one-line {@link TlsConfigException}. */
    static WebConfigWatcher load(Path file) throws TlsConfigException {
        Objects.requireNonNull(file, "file");
        State s = read(file);
        ReloadingKeyManager keys = null;
        if (s.config().tls().isPresent()) {
            WebConfig.Tls tls = s.config().tls().get();
            keys = new ReloadingKeyManager(PemKeyMaterial.load(tls.certFile(), tls.keyFile()));
        }
        return new WebConfigWatcher(file, s, keys);
    }

    private static State read(Path file) throws TlsConfigException {
        WebConfig config = WebConfig.read(file);
        return new State(config, new BasicAuth(config.users()), fingerprint(file, config));
    }

    /** Key manager for HTTPS, or null when the file configures no TLS. */
    ReloadingKeyManager keyManager() {
        return keys;
    }

    /** The TLS protocols currently allowed (of the current config; TLS 1.2+ when none is set). */
    List<String> protocols() {
        return state.config().tls().map(WebConfig.Tls::protocols).orElse(TlsContexts.PROTOCOLS);
    }

    /** The request gate: true when no users are configured or the request carries valid credentials. */
    boolean authorize(HttpExchange exchange) {
        refreshIfChanged();
        return state.auth().allows(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    void refreshIfChanged() {
        long now = System.nanoTime();
        if (now - lastCheck < CHECK_INTERVAL_NANOS) {
            return;
        }
        synchronized (this) {
            if (now - lastCheck < CHECK_INTERVAL_NANOS) {
                return;
            }
            lastCheck = now;
            refreshNow();
        }
    }

    /** Re-reads the files now if any of them changed (tests; requests go through {@link #refreshIfChanged}). */
    synchronized void refreshNow() {
        if (!fingerprint(file, state.config()).equals(state.fingerprint())) {
            reload();
        }
    }

    /** Whether {@code authorization} (an {@code Authorization} header value) passes the current users. */
    boolean allows(String authorization) {
        return state.auth().allows(authorization);
    }

    private void reload() {
        try {
            State next = read(file);
            boolean tlsNow = next.config().tls().isPresent();
            if (tlsNow != (keys != null)) {
                LOG.warning(() -> "web config " + file + ": turning TLS " + (tlsNow ? "on" : "off")
                        + " needs a restart; keeping the current TLS setting");
            }
            if (tlsNow && keys != null) {
                WebConfig.Tls tls = next.config().tls().get();
                keys.replace(PemKeyMaterial.load(tls.certFile(), tls.keyFile()));
            }
            state = next;
            LOG.info(() -> "web config " + file + " reloaded");
        } catch (TlsConfigException e) {
            // keep serving with the last good configuration; remember this fingerprint so the
            // warning is logged once per change, not once per second
            State old = state;
            state = new State(old.config(), old.auth(), fingerprint(file, old.config()));
            LOG.warning(() -> e.getMessage() + " (keeping the previous web config)");
        }
    }

    private static List<String> fingerprint(Path file, WebConfig config) {
        List<String> parts = new ArrayList<>();
        parts.add(stat(file));
        config.tls().ifPresent(t -> {
            parts.add(stat(t.certFile()));
            parts.add(stat(t.keyFile()));
        });
        return parts;
    }

    private static String stat(Path p) {
        try {
            return p + "@" + Files.getLastModifiedTime(p).toMillis() + "/" + Files.size(p);
        } catch (IOException e) {
            return p + "@missing";
        }
    }
}
