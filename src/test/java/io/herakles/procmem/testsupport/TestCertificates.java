package io.herakles.procmem.testsupport;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throw-away self-signed certificates for TLS tests, generated fresh in each test (never commit
 * keys): RSA or EC, for {@code localhost} and {@code 127.0.0.1}, with the key written as PKCS#1,
 * SEC1 or PKCS#8 PEM. Not thread-safe.
 */
public final class TestCertificates {

    /** How the private key is written. */
    public enum KeyForm { PKCS1_OR_SEC1, PKCS8 }

    /** A generated certificate with its key pair and where their PEM files are. */
    public record Generated(X509Certificate certificate, KeyPair keys, Path certFile, Path keyFile) {

        /** A client context that trusts exactly this certificate. */
        public SSLContext trustingClientContext() throws GeneralSecurityException, IOException {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("test", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        }
    }

    private TestCertificates() {}

    public static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    public static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** Generates a certificate for {@code keys} and writes {@code name.crt} and {@code name.key} into {@code dir}. */
    public static Generated write(Path dir, String name, KeyPair keys, KeyForm form)
            throws GeneralSecurityException, IOException {
        X509Certificate cert = selfSigned(keys);
        Path certFile = dir.resolve(name + ".crt");
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(keyFile, privateKeyPem(keys, form), StandardCharsets.US_ASCII);
        return new Generated(cert, keys, certFile, keyFile);
    }

    static X509Certificate selfSigned(KeyPair keys) throws GeneralSecurityException, IOException {
        X500Name subject = new X500Name("CN=localhost");
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject,
                keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, InetAddress.getByName("127.0.0.1").getHostAddress())}));
        String algorithm = keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String privateKeyPem(KeyPair keys, KeyForm form) throws IOException {
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        if (form == KeyForm.PKCS8) {
            return pem("PRIVATE KEY", pkcs8);
        }
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
        if (!keys.getPrivate().getAlgorithm().equals("EC")) {
            return pem("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
        }
        // SEC1 as openssl writes it: with the curve parameters and the public key
        org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        byte[] publicKey = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())
                .getPublicKeyData().getBytes();
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(),
                new org.bouncycastle.asn1.DERBitString(publicKey), info.getPrivateKeyAlgorithm().getParameters());
        return pem("EC PRIVATE KEY", sec1.getEncoded());
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
