package io.herakles.procmem.remote;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Which server certificates an HTTPS connection accepts: the JDK's default CAs, the CAs of a PEM
 * file (host name checked), or exactly one certificate named by its SHA-256 fingerprint (the user
 * looked at it and said "trust this certificate"; the host name is not checked, the pin is the
 * identity). Immutable.
 */
public sealed interface Trust {

    /** The JDK's default trust store. */
    Trust SYSTEM = new SystemCas();

    record SystemCas() implements Trust {}

    /** CAs (PEM, one or more certificates) in {@code file}. */
    record CaFile(Path file) implements Trust {
        public CaFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** The one leaf certificate whose SHA-256 is {@code sha256} (64 hex digits, lower case, no colons). */
    record Pinned(String sha256) implements Trust {
        public Pinned {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * A fingerprint as users paste it ({@code AB:CD:…}, spaces, {@code sha256:} prefix, any case)
     * as a pin; a one-line error when it is not 32 bytes of hex.
     */
    static Pinned pin(String fingerprint) throws RemoteException {
        String hex = fingerprint.strip().toLowerCase(Locale.ROOT).replaceFirst("^sha-?256:", "")
                .replace(":", "").replace(" ", "");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new RemoteException("certificate fingerprint '" + fingerprint
                    + "': expected a SHA-256 fingerprint (64 hex digits, colons allowed)");
        }
        return new Pinned(hex);
    }
}
