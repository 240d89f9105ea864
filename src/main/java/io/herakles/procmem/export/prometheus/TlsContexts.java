package io.herakles.procmem.export.prometheus;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Server TLS contexts over a {@link ReloadingKeyManager}, and the HTTPS configurator that allows
 * TLS 1.2 and 1.3 only. Stateless.
 */
final class TlsContexts {

    /** Protocols we accept, newest first; anything older is refused. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsContexts() {}

    static SSLContext serverContext(ReloadingKeyManager keys) throws TlsConfigException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keys}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException("cannot set up TLS: " + PemKeyMaterial.oneLine(e), e);
        }
    }

    /** Applies the allowed protocols (read per connection, so a reloaded web config applies) to every connection. */
    static HttpsConfigurator configurator(SSLContext context, Supplier<List<String>> protocols) {
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                List<String> allowed = protocols.get();
                p.setProtocols(Arrays.stream(p.getProtocols()).filter(allowed::contains).toArray(String[]::new));
                params.setSSLParameters(p);
            }
        };
    }
}
