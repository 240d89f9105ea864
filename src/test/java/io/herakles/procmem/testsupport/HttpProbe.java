package io.herakles.procmem.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Plain HTTP requests to a server under test on 127.0.0.1, with bounded timeouts, plus a bounded
 * "wait until it answers" for servers started in a child process. Stateless apart from the client.
 */
public final class HttpProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpProbe() {}

    /** One answer: status, Content-Type (empty when none) and body. */
    public record Reply(int status, String contentType, String body) {}

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    public static Reply get(int port, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    public static Reply post(int port, String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /**
     * Polls {@code GET path} every 200 ms until it answers 200; fails after {@code timeout} or as
     * soon as {@code alive} turns false (the server process died), with {@code diagnostics} in the message.
     */
    public static Reply awaitOk(int port, String path, Duration timeout, BooleanSupplier alive,
            java.util.function.Supplier<String> diagnostics) throws InterruptedException {
        return Poll.atMost(timeout).every(Duration.ofMillis(200)).until(path + " answering 200", () -> {
            if (!alive.getAsBoolean()) {
                throw new AssertionError("server exited before answering " + path + "\n" + diagnostics.get());
            }
            Reply r = get(port, path);
            if (r.status() != 200) {
                throw new IOException("HTTP " + r.status());
            }
            return Optional.of(r);
        }, diagnostics);
    }
}
