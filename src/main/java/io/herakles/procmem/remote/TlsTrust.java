package io.herakles.procmem.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** SSL contexts for a {@link Trust}, SHA-256 fingerprints, and a look at a server's certificate before trusting it. Stateless. */
public final class TlsTrust {

    private TlsTrust() {}

    /** A client context that accepts what {@code trust} says; one-line {@link RemoteException} for a bad CA file. */
    public static SSLContext context(Trust trust) throws RemoteException {
        try {
            if (trust instanceof Trust.SystemCas) {
                return SSLContext.getDefault();
            }
            TrustManager manager = trust instanceof Trust.CaFile ca ? caManager(ca.file())
                    : new PinnedTrustManager(((Trust.Pinned) trust).sha256());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new RemoteException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager caManager(Path file) throws RemoteException, GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new RemoteException(file + ": CA file not found");
        } catch (IOException e) {
            throw new RemoteException(file + ": cannot read CA file: " + e.getMessage());
        } catch (CertificateException e) {
            throw new RemoteException(file + ": not a PEM certificate file: " + e.getMessage());
        }
        if (certs.isEmpty()) {
            throw new RemoteException(file + ": no certificate in the CA file");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certs) {
            store.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers()[0];
    }

    /** SHA-256 of the certificate's DER encoding, 64 lower-case hex digits. */
    public static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("SHA-256 of a certificate", e);
        }
    }

    /** {@code AB:CD:…} as browsers and {@code openssl x509 -fingerprint} show it. */
    public static String colons(String sha256Hex) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(sha256Hex));
    }

    /**
     * The certificate an HTTPS server at {@code uri} presents, fetched without trusting it (to show
     * its fingerprint before the user decides). Bounded by {@code timeout}.
     */
    public static X509Certificate peek(URI uri, Duration timeout) throws IOException {
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        X509ExtendedTrustManager recorder = new PinnedTrustManager(null) {
            @Override
            void check(X509Certificate[] chain) {
                seen.set(chain[0]);
            }
        };
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, null);
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
                plain.setSoTimeout((int) timeout.toMillis());
                try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, uri.getHost(), port, false)) {
                    tls.startHandshake();
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS set-up failed: " + e.getMessage(), e);
        }
        if (seen.get() == null) {
            throw new IOException(uri.getHost() + ":" + port + " presented no certificate");
        }
        return seen.get();
    }

    /** Accepts exactly the leaf certificate with the pinned SHA-256; ignores the host name (the pin is the identity). */
    private static class PinnedTrustManager extends X509ExtendedTrustManager {
        private final String sha256;

        PinnedTrustManager(String sha256) {
            this.sha256 = sha256;
        }

        void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("server presented no certificate");
            }
            String actual = sha256(chain[0]);
            if (!actual.equals(sha256)) {
                throw new CertificateException("server certificate SHA-256 " + colons(actual)
                        + " is not the trusted one " + colons(sha256));
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
