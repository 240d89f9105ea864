package io.herakles.procmem.export.prometheus;

import com.sun.net.httpserver.HttpExchange;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /snapshot}: the latest snapshot as JSON, made for polling clients (the desktop's remote
 * view) while staying what it was for everyone else (a plain GET still gets the whole JSON).
 *
 * <ul>
 *   <li>Each distinct published snapshot gets the next <b>sequence number</b> of this server,
 *       sent as {@value #SEQUENCE_HEADER}, and an {@code ETag} {@code "<epoch>-<sequence>"}; the
 *       epoch is random per server start, so a restarted exporter never repeats an earlier tag.</li>
 *   <li>{@code If-None-Match} naming the current tag (or {@code *}) → {@code 304} with no body, so
 *       an unchanged snapshot is not sent again.</li>
 *   <li>{@code Accept-Encoding: gzip} → the gzip body ({@code Content-Encoding: gzip}).</li>
 *   <li>{@value #TAKEN_AT_HEADER}: when the snapshot was taken, in milliseconds (the JSON's
 *       {@code generated_at} has whole seconds, as upstream writes it), for CPU from deltas.</li>
 * </ul>
 *
 * Before the first snapshot the body is {@code {}} with no tag. The JSON (and its gzip form) is
 * encoded once per snapshot, on the first request that needs it. Thread-safe.
 */
final class SnapshotPage implements Router.Page {

    static final String SEQUENCE_HEADER = "X-Herakles-Snapshot-Sequence";
    static final String TAKEN_AT_HEADER = "X-Herakles-Snapshot-Taken-At";
    private static final byte[] NO_SNAPSHOT = "{}".getBytes(StandardCharsets.UTF_8);

    private final SnapshotSource source;
    private final Function<Snapshot, byte[]> json;
    private final String epoch;
    private Encoded encoded;

    /** One snapshot's response bodies, built once. */
    private record Encoded(Snapshot snapshot, long sequence, String etag, byte[] plain, byte[] gzip) {}

    SnapshotPage(SnapshotSource source, Function<Snapshot, byte[]> json) {
        this.source = Objects.requireNonNull(source, "source");
        this.json = Objects.requireNonNull(json, "json");
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        this.epoch = HexFormat.of().formatHex(random);
    }

    @Override
    public void serve(HttpExchange exchange, boolean head) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-cache");
        headers.set("Vary", "Accept-Encoding");
        Snapshot latest = source.latest().orElse(null);
        if (latest == null) {
            Router.send(exchange, 200, "application/json", NO_SNAPSHOT, head);
            return;
        }
        Encoded e = encodedFor(latest);
        headers.set("ETag", e.etag());
        headers.set(SEQUENCE_HEADER, Long.toString(e.sequence()));
        headers.set(TAKEN_AT_HEADER, e.snapshot().takenAt().toString());
        if (matches(exchange.getRequestHeaders().get("If-None-Match"), e.etag())) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        boolean gzip = acceptsGzip(exchange.getRequestHeaders().get("Accept-Encoding"));
        if (gzip) {
            headers.set("Content-Encoding", "gzip");
        }
        Router.send(exchange, 200, "application/json", gzip ? e.gzip() : e.plain(), head);
    }

    /** The bodies of {@code latest}, encoding them when it is a snapshot not seen before. */
    private synchronized Encoded encodedFor(Snapshot latest) {
        if (encoded == null || encoded.snapshot() != latest) {
            long sequence = encoded == null ? 1 : encoded.sequence() + 1;
            byte[] plain = json.apply(latest);
            encoded = new Encoded(latest, sequence, "\"" + epoch + "-" + sequence + "\"", plain, gzip(plain));
        }
        return encoded;
    }

    /** Whether an {@code If-None-Match} header (possibly several, comma-separated, weak or not) names {@code etag}. */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String header : ifNoneMatch) {
            for (String tag : header.split(",")) {
                String t = tag.strip();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals("*") || t.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code Accept-Encoding} lists gzip with a non-zero quality. */
    static boolean acceptsGzip(List<String> acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String header : acceptEncoding) {
            for (String part : header.split(",")) {
                String[] codingAndParams = part.strip().toLowerCase(Locale.ROOT).split(";");
                if (codingAndParams[0].strip().equals("gzip") && !zeroQuality(codingAndParams)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean zeroQuality(String[] codingAndParams) {
        for (int i = 1; i < codingAndParams.length; i++) {
            String p = codingAndParams[i].strip().replace(" ", "");
            if (p.matches("q=0(\\.0*)?")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 6 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory streams do not fail
        }
        return out.toByteArray();
    }
}
