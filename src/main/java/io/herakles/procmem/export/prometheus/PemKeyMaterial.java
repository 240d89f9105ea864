package io.herakles.procmem.export.prometheus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A server certificate chain and its private key, read from PEM files: RSA or EC keys in PKCS#1
 * ({@code RSA PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY}) or PKCS#8 ({@code PRIVATE KEY}) form.
 * Encrypted keys are refused (no passphrase can be given). The key must match the first
 * certificate. Immutable.
 *
 * <p>Read with the JDK alone: certificates by its X.509 factory, PKCS#8 keys by its key factories,
 * and PKCS#1 and SEC1 keys after wrapping them in the PKCS#8 structure that names their algorithm
 * (and, for EC, the curve the SEC1 key carries). A parser library for this would put thousands of
 * classes in the jar, whose directory every JVM running it keeps in its heap.
 */
record PemKeyMaterial(PrivateKey key, List<X509Certificate> chain) {

    /** rsaEncryption (1.2.840.113549.1.1.1) with its NULL parameters, as DER. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
        0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** id-ecPublicKey (1.2.840.10045.2.1), as a DER OID; the curve's OID follows it. */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

    PemKeyMaterial {
        chain = List.copyOf(chain);
    }

    static PemKeyMaterial load(Path certFile, Path keyFile) throws TlsConfigException {
        List<X509Certificate> chain = readChain(certFile);
        PrivateKey key = readKey(keyFile);
        if (!matches(key, chain.get(0))) {
            throw new TlsConfigException("TLS key " + keyFile + " does not match the certificate in " + certFile);
        }
        return new PemKeyMaterial(key, chain);
    }

    private static List<X509Certificate> readChain(Path file) throws TlsConfigException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (PemBlock block : PemBlock.all(Files.readString(file, StandardCharsets.ISO_8859_1))) {
                if (block.label().equals("CERTIFICATE") || block.label().equals("X509 CERTIFICATE")) {
                    chain.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (NoSuchFileException e) {
            throw new TlsConfigException("cannot read TLS certificate " + file + ": no such file", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new TlsConfigException("cannot read TLS certificate " + file + ": " + oneLine(e), e);
        }
        if (chain.isEmpty()) {
            throw new TlsConfigException("no PEM certificate (-----BEGIN CERTIFICATE-----) in " + file);
        }
        return chain;
    }

    private static PrivateKey readKey(Path file) throws TlsConfigException {
        try {
            for (PemBlock block : PemBlock.all(Files.readString(file, StandardCharsets.ISO_8859_1))) {
                boolean key = block.label().equals("PRIVATE KEY") || block.label().equals("RSA PRIVATE KEY")
                        || block.label().equals("EC PRIVATE KEY");
                if (block.label().equals("ENCRYPTED PRIVATE KEY") || key && block.encrypted()) {
                    throw new TlsConfigException("TLS key " + file + " is encrypted; give an unencrypted PEM key");
                }
                if (key) {
                    return privateKey(switch (block.label()) {
                        case "RSA PRIVATE KEY" -> pkcs8(RSA_ALGORITHM, block.der());
                        case "EC PRIVATE KEY" -> pkcs8(Der.tlv(0x30, concat(EC_PUBLIC_KEY, Der.sec1Curve(block.der()))),
                                block.der());
                        default -> block.der();
                    });
                }
            }
        } catch (TlsConfigException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new TlsConfigException("cannot read TLS key " + file + ": no such file", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new TlsConfigException("cannot read TLS key " + file + ": " + oneLine(e), e);
        }
        throw new TlsConfigException("no PEM private key (RSA, EC or PKCS#8) in " + file);
    }

    /** PrivateKeyInfo: version 0, the algorithm, the key in its own structure. */
    private static byte[] pkcs8(byte[] algorithm, byte[] key) {
        return Der.tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, Der.tlv(0x04, key)));
    }

    private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                last = e;       // not this algorithm's key: try the next
            }
        }
        throw new GeneralSecurityException("not an RSA, EC, EdDSA or DSA private key", last);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return key.getAlgorithm().equals(cert.getPublicKey().getAlgorithm());
        }
        try {
            byte[] probe = "herakles key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }

    /** One {@code -----BEGIN LABEL-----} … {@code -----END LABEL-----} block of a PEM file. */
    record PemBlock(String label, boolean encrypted, byte[] der) {

        /** Every block of {@code text}, in order; text outside blocks is ignored, as OpenSSL does. */
        static List<PemBlock> all(String text) throws IOException {
            List<PemBlock> blocks = new ArrayList<>();
            String label = null;
            boolean encrypted = false;
            StringBuilder body = new StringBuilder();
            for (String line : text.lines().map(String::strip).toList()) {
                if (label == null) {
                    if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
                        label = line.substring(11, line.length() - 5);
                        encrypted = false;
                        body.setLength(0);
                    }
                } else if (line.equals("-----END " + label + "-----")) {
                    try {
                        blocks.add(new PemBlock(label, encrypted, Base64.getMimeDecoder().decode(body.toString())));
                    } catch (IllegalArgumentException e) {
                        throw new IOException("the " + label + " block is not base64: " + e.getMessage(), e);
                    }
                    label = null;
                } else if (line.contains(":")) {
                    // an RFC 1421 header, such as "Proc-Type: 4,ENCRYPTED" of OpenSSL's encrypted keys
                    encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
                } else {
                    body.append(line);
                }
            }
            if (label != null) {
                throw new IOException("-----BEGIN " + label + "----- has no -----END " + label + "-----");
            }
            return blocks;
        }
    }

    /** The little DER this needs: writing a tag-length-value, and finding a SEC1 key's curve. */
    static final class Der {
        private Der() {}

        static byte[] tlv(int tag, byte[] value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
            out.write(tag);
            int n = value.length;
            if (n < 0x80) {
                out.write(n);
            } else {
                int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
                out.write(0x80 | bytes);
                for (int i = bytes - 1; i >= 0; i--) {
                    out.write(n >>> (8 * i));
                }
            }
            out.writeBytes(value);
            return out.toByteArray();
        }

        /**
         * The named curve's OID (tag, length and value) of a SEC1 {@code ECPrivateKey}: SEQUENCE of
         * version, private key, {@code [0]} parameters, {@code [1]} public key.
         */
        static byte[] sec1Curve(byte[] sec1) throws IOException {
            int[] at = {0};
            int end = enter(sec1, at, 0x30);
            if (end != sec1.length) {
                throw new IOException("an EC PRIVATE KEY is one DER SEQUENCE");
            }
            while (at[0] < end) {
                int tag = sec1[at[0]] & 0xff;
                int contentEnd = enter(sec1, at, tag);      // moves on by at least a tag and a length
                if (tag == 0xa0) {
                    int oidStart = at[0];
                    enter(sec1, at, 0x06);
                    return java.util.Arrays.copyOfRange(sec1, oidStart, contentEnd);
                }
                at[0] = contentEnd;
            }
            throw new IOException("the EC PRIVATE KEY does not name its curve");
        }

        /** Reads the tag (which must be {@code tag}) and length at {@code at[0]}; leaves at[0] on the content, returns its end. */
        private static int enter(byte[] der, int[] at, int tag) throws IOException {
            if (at[0] + 2 > der.length || (der[at[0]] & 0xff) != tag) {
                throw new IOException("unexpected DER at byte " + at[0]);
            }
            int i = at[0] + 1;
            int first = der[i++] & 0xff;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int bytes = first & 0x7f;
                if (bytes < 1 || bytes > 3 || i + bytes > der.length) {
                    throw new IOException("unexpected DER length at byte " + (i - 1));
                }
                length = 0;
                for (int k = 0; k < bytes; k++) {
                    length = (length << 8) | (der[i++] & 0xff);
                }
            }
            if (i + length > der.length) {
                throw new IOException("DER value runs past the end at byte " + at[0]);
            }
            at[0] = i;
            return i + length;
        }
    }
}
