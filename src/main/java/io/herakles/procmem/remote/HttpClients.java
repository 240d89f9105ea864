package io.herakles.procmem.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The JDK HTTP client set up for a {@link RemoteTarget}: its TLS trust, a connect time limit, no redirects to elsewhere. */
public final class HttpClients {

    private HttpClients() {}

    public static HttpClient forTarget(RemoteTarget target) throws RemoteException {
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(RemoteTarget.CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (target.https()) {
            b.sslContext(TlsTrust.context(target.trust()));
        }
        return b.build();
    }

    /** A GET of {@code uri} with the target's credentials (sent up front, not after a 401) and a time limit. */
    public static HttpRequest.Builder get(RemoteTarget target, URI uri, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        target.credentials().ifPresent(c -> b.header("Authorization", c.basicHeader()));
        return b;
    }
}
