package io.herakles.procmem.ui.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Connect to exporter dialog asked for. Immutable; {@link #toString()} hides the password.
 *
 * @param url        as typed (may carry {@code user:password@})
 * @param user       empty for none (then the URL's or a remembered one is used)
 * @param password   may be empty
 * @param caFile     PEM CA file to trust, if given
 * @param pinnedSha256 the certificate fingerprint the user chose to trust after seeing it, if any
 * @param remember   store the credentials (mode 0600) for the next connection to this host
 */
public record ConnectRequest(String url, String user, String password, Optional<Path> caFile,
        Optional<String> pinnedSha256, boolean remember) {

    public ConnectRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(pinnedSha256, "pinnedSha256");
    }

    /** Just a URL (command line, double-click on a fleet host). */
    public static ConnectRequest of(String url) {
        return new ConnectRequest(url, "", "", Optional.empty(), Optional.empty(), false);
    }

    @Override
    public String toString() {
        return "ConnectRequest[" + url.replaceFirst("://[^/@]*@", "://***@") + ", user=" + user + "]";
    }
}
