package io.herakles.procmem.export.prometheus;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An extra page served by {@link ExporterServer} at exactly {@code path} (GET and HEAD only), e.g.
 * {@code /subgroups} or {@code /snapshot}, whose content the caller owns. Immutable.
 *
 * @param path        exact request path, starting with {@code /}
 * @param contentType value of the {@code Content-Type} header, e.g. {@code text/plain; charset=utf-8}
 * @param body        produces the body on an HTTP worker thread for every request; must be thread-safe
 *                    and should be fast (it runs while the client waits)
 */
public record Route(String path, String contentType, Supplier<byte[]> body) {

    public Route {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
    }
}
