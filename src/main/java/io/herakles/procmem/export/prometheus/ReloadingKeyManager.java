package io.herakles.procmem.export.prometheus;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Server-side key manager holding one certificate chain and key that can be replaced while the
 * server runs: every new TLS handshake uses the material set last (connections already open keep
 * theirs). Thread-safe: the material is one volatile reference.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "herakles";

    private volatile PemKeyMaterial material;

    ReloadingKeyManager(PemKeyMaterial material) {
        this.material = Objects.requireNonNull(material, "material");
    }

    void replace(PemKeyMaterial next) {
        material = Objects.requireNonNull(next, "material");
    }

    private String aliasFor(String keyType) {
        return keyType != null && keyType.equals(material.key().getAlgorithm()) ? ALIAS : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        String alias = aliasFor(keyType);
        return alias == null ? null : new String[] {alias};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? material.chain().toArray(new X509Certificate[0]) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? material.key() : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
