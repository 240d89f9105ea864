package io.herakles.procmem.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a remote server is and how to reach it: the base URL (scheme, host, port, path prefix;
 * never user info), optional basic-auth credentials and TLS trust. Used for an exporter (its
 * {@code /snapshot}) and for a Prometheus server (its query API). {@link #toString()} and
 * {@link #display()} never contain the password. Immutable.
 */
public record RemoteTarget(URI base, Optional<Credentials> credentials, Trust trust) {

    /** How long connecting may take before the server counts as unreachable. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long one request may take before the server counts as hung. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public RemoteTarget {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(trust, "trust");
        if (base.getRawUserInfo() != null) {
            throw new IllegalArgumentException("base URL must not carry user info");
        }
    }

    /**
     * Parses what a user types: {@code host:port}, {@code http://host:port}, {@code https://u:p@host/prefix};
     * a scheme-less value means {@code http://}. User info becomes the credentials; a trailing
     * {@code /snapshot} or {@code /metrics} is dropped (people paste the URL they know).
     */
    public static RemoteTarget parse(String url) throws RemoteException {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw new RemoteException("no URL given");
        }
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new RemoteException("URL '" + redact(text) + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RemoteException("URL '" + redact(text) + "': only http and https are supported");
        }
        if (uri.getHost() == null) {
            throw new RemoteException("URL '" + redact(text) + "': no host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = path.replaceFirst("/(snapshot|metrics)/?$", "").replaceFirst("/+$", "");
        try {
            URI base = new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null)
                    .resolve(path.isEmpty() ? "/" : path + "/");
            return new RemoteTarget(base, Credentials.fromUserInfo(uri), Trust.SYSTEM);
        } catch (URISyntaxException e) {
            throw new RemoteException("URL '" + redact(text) + "': " + e.getReason());
        }
    }

    /** A URL as it may be shown or logged: user info replaced by {@code ***}. */
    public static String redact(String url) {
        return url.replaceFirst("://[^/@]*@", "://***@");
    }

    public RemoteTarget withCredentials(Optional<Credentials> c) {
        return new RemoteTarget(base, c, trust);
    }

    public RemoteTarget withTrust(Trust t) {
        return new RemoteTarget(base, credentials, t);
    }

    /** {@code path} (no leading slash) under the base, e.g. {@code snapshot} or {@code api/v1/query}. */
    public URI resolve(String path) {
        return base.resolve(path);
    }

    /** {@code host:port} (or just the host on the scheme's default port): for titles and status lines. */
    public String display() {
        return base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
    }

    public boolean https() {
        return "https".equals(base.getScheme());
    }

    @Override
    public String toString() {
        return "RemoteTarget[" + base + credentials.map(c -> ", user=" + c.user()).orElse("") + ", " + trust + "]";
    }
}
