package io.herakles.procmem.export.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A Prometheus exporter-toolkit web config file ({@code --web-config-file}), the subset we serve:
 * <pre>
 * tls_server_config:
 *   cert_file: server.crt      # PEM chain; relative paths are relative to the web config file
 *   key_file: server.key       # PEM key (RSA/EC; PKCS#1, SEC1 or PKCS#8)
 *   min_version: TLS12         # TLS12 (default) or TLS13
 * basic_auth_users:
 *   alice: $2y$10$...          # bcrypt hashes
 * </pre>
 * Other {@code tls_server_config} keys (client certificates, cipher suites, ...) are refused with
 * a clear message rather than silently ignored; {@code http_server_config} is accepted and
 * ignored (we serve HTTP/1.1). Immutable.
 *
 * @param file   where it was read from
 * @param tls    certificate and key files plus TLS protocols, when {@code tls_server_config} is present
 * @param users  user name → bcrypt hash; empty = no authentication
 */
record WebConfig(Path file, Optional<Tls> tls, Map<String, String> users) {

    private static final Logger LOG = Logger.getLogger(WebConfig.class.getName());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_LEVEL = Set.of("tls_server_config", "basic_auth_users", "http_server_config");
    private static final Set<String> TLS_KEYS = Set.of("cert_file", "key_file", "min_version");

    /** TLS part: resolved file paths and the protocols to allow. */
    record Tls(Path certFile, Path keyFile, List<String> protocols) {
        Tls {
            protocols = List.copyOf(protocols);
        }
    }

    WebConfig {
        users = Map.copyOf(users);
    }

    static WebConfig read(Path file) throws TlsConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new TlsConfigException("cannot read web config " + file + ": no such file", e);
        } catch (IOException e) {
            throw new TlsConfigException("cannot read web config " + file + ": " + PemKeyMaterial.oneLine(e), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new WebConfig(file, Optional.empty(), Map.of());
        }
        if (!root.isObject()) {
            throw new TlsConfigException("web config " + file + ": expected a mapping at the top level");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!TOP_LEVEL.contains(key)) {
                throw new TlsConfigException("web config " + file + ": unknown key '" + key + "'");
            }
        }
        if (root.has("http_server_config")) {
            LOG.info(() -> "web config " + file + ": http_server_config is ignored (HTTP/1.1 only)");
        }
        return new WebConfig(file, tls(file, root.get("tls_server_config")), users(file, root.get("basic_auth_users")));
    }

    private static Optional<Tls> tls(Path file, JsonNode node) throws TlsConfigException {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new TlsConfigException("web config " + file + ": tls_server_config must be a mapping");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!TLS_KEYS.contains(key)) {
                throw new TlsConfigException("web config " + file + ": tls_server_config." + key + " is not supported");
            }
        }
        String cert = text(file, node, "cert_file");
        String key = text(file, node, "key_file");
        if (cert == null || key == null) {
            throw new TlsConfigException("web config " + file + ": tls_server_config needs both cert_file and key_file");
        }
        String min = Optional.ofNullable(text(file, node, "min_version")).orElse("TLS12");
        List<String> protocols = switch (min) {
            case "TLS12" -> TlsContexts.PROTOCOLS;
            case "TLS13" -> List.of("TLSv1.3");
            default -> throw new TlsConfigException("web config " + file + ": tls_server_config.min_version '" + min
                    + "' is not supported (TLS12 or TLS13)");
        };
        Path dir = file.toAbsolutePath().getParent();
        return Optional.of(new Tls(dir.resolve(cert), dir.resolve(key), protocols));
    }

    private static String text(Path file, JsonNode parent, String key) throws TlsConfigException {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new TlsConfigException("web config " + file + ": " + key + " must be a string");
        }
        return v.asText();
    }

    private static Map<String, String> users(Path file, JsonNode node) throws TlsConfigException {
        Map<String, String> users = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return users;
        }
        if (!node.isObject()) {
            throw new TlsConfigException("web config " + file + ": basic_auth_users must be a mapping of user to bcrypt hash");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String hash = e.getValue().isValueNode() ? e.getValue().asText() : "";
            if (!BasicAuth.isBcryptHash(hash)) {
                throw new TlsConfigException("web config " + file + ": basic_auth_users." + e.getKey()
                        + " is not a bcrypt hash ($2a$, $2b$ or $2y$)");
            }
            users.put(e.getKey(), hash);
        }
        return users;
    }
}
