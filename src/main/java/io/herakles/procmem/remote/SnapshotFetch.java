package io.herakles.procmem.remote;

import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.export.snapshot.SnapshotJsonReader;
import io.herakles.procmem.model.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;

/**
 * One conditional GET of an exporter's {@code /snapshot} and what came of it, as an {@link Outcome}:
 * a new snapshot, "unchanged" (304), "no snapshot yet" ({@code {}}), or a failure with its
 * {@link RemoteStatus.State} and a one-line reason. Never throws for what the network or the
 * server does. Messages name the host, never the credentials. Confined to the polling thread.
 */
final class SnapshotFetch {

    /** What one request gave. {@code snapshot} only for {@link Kind#NEW}; {@code etag} when the server sent one. */
    record Outcome(Kind kind, RemoteStatus.State failure, String reason, Optional<Snapshot> snapshot,
            Optional<String> etag) {
        static Outcome failed(RemoteStatus.State state, String reason) {
            return new Outcome(Kind.FAILED, state, reason, Optional.empty(), Optional.empty());
        }
    }

    enum Kind { NEW, UNCHANGED, EMPTY, FAILED }

    private final RemoteTarget target;
    private final HttpClient client;
    private final java.time.Duration timeout;

    SnapshotFetch(RemoteTarget target, HttpClient client, java.time.Duration timeout) {
        this.target = target;
        this.client = client;
        this.timeout = timeout;
    }

    Outcome fetch(Optional<String> ifNoneMatch) {
        HttpRequest.Builder request = HttpClients.get(target, target.resolve("snapshot"), timeout)
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip");
        ifNoneMatch.ifPresent(tag -> request.header("If-None-Match", tag));
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(RemoteStatus.State.UNREACHABLE, "interrupted");
        } catch (IOException e) {
            return failure(e);
        }
        return answer(response);
    }

    private Outcome answer(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        Optional<String> etag = response.headers().firstValue("ETag");
        switch (status) {
            case 304:
                return new Outcome(Kind.UNCHANGED, null, "", Optional.empty(), etag);
            case 200:
                break;
            case 401:
                return Outcome.failed(RemoteStatus.State.UNAUTHORIZED, target.credentials().isPresent()
                        ? "user or password refused (401)" : "needs a user and password (401)");
            case 403:
                return Outcome.failed(RemoteStatus.State.FORBIDDEN, "access forbidden (403)");
            case 404:
                return Outcome.failed(RemoteStatus.State.BAD_ANSWER,
                        "no /snapshot here (404): is this a Herakles exporter URL?");
            default:
                return Outcome.failed(RemoteStatus.State.HTTP_ERROR, "HTTP " + status);
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.contains("json")) {
            return Outcome.failed(RemoteStatus.State.BAD_ANSWER, "answered " + (type.isEmpty() ? "no content type" : type)
                    + ", not a snapshot: is this a Herakles exporter URL?");
        }
        byte[] body;
        try {
            body = decoded(response);
        } catch (IOException e) {
            return Outcome.failed(RemoteStatus.State.BAD_ANSWER, "broken gzip body: " + e.getMessage());
        }
        if (new String(body, StandardCharsets.UTF_8).strip().equals("{}")) {
            return new Outcome(Kind.EMPTY, null, "", Optional.empty(), etag);
        }
        Instant fallback = Instant.now();
        try {
            Snapshot s = SnapshotJsonReader.readBody(body, target.display() + "/snapshot", "remote: " + target.display(),
                    fallback);
            return new Outcome(Kind.NEW, null, "", Optional.of(withPreciseTime(s, response)), etag);
        } catch (SnapshotFileException e) {
            return Outcome.failed(RemoteStatus.State.BAD_ANSWER, e.getMessage());
        }
    }

    /** The exporter's millisecond time header, when sent and readable, replaces {@code generated_at}'s whole seconds. */
    private static Snapshot withPreciseTime(Snapshot s, HttpResponse<byte[]> response) {
        Optional<String> header = response.headers().firstValue("X-Herakles-Snapshot-Taken-At");
        if (header.isEmpty()) {
            return s;
        }
        try {
            Instant t = Instant.parse(header.get());
            return new Snapshot(s.sequence(), t, s.source(), s.processes(), s.system(), s.stats());
        } catch (DateTimeParseException e) {
            return s;
        }
    }

    private static byte[] decoded(HttpResponse<byte[]> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip"))
                .orElse(false);
        if (!gzip) {
            return response.body();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        }
    }

    private Outcome failure(IOException e) {
        String where = target.display();
        if (e instanceof HttpConnectTimeoutException) {
            return Outcome.failed(RemoteStatus.State.UNREACHABLE, "no connection to " + where + " within "
                    + RemoteTarget.CONNECT_TIMEOUT.toSeconds() + " s");
        }
        if (e instanceof HttpTimeoutException) {
            return Outcome.failed(RemoteStatus.State.TIMEOUT, "no answer within "
                    + timeout.toMillis() / 1000.0 + " s");
        }
        SSLException tls = cause(e, SSLException.class);
        if (tls != null) {
            return Outcome.failed(RemoteStatus.State.TLS_ERROR, "TLS: " + tlsReason(tls));
        }
        if (cause(e, ConnectException.class) != null) {
            return Outcome.failed(RemoteStatus.State.UNREACHABLE, "connection refused");
        }
        return Outcome.failed(RemoteStatus.State.UNREACHABLE, oneLine(e));
    }

    private String tlsReason(SSLException e) {
        String m = oneLine(e);
        if (m.contains("Unsupported or unrecognized SSL message")) {
            return "the server does not speak HTTPS (try http://)";
        }
        if (m.contains("PKIX") || m.contains("certificate")) {
            return "certificate not trusted (" + m + "); give its CA file or trust its fingerprint";
        }
        return m;
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ");
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
