package io.herakles.procmem.export.prometheus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * HTTP basic authentication against bcrypt hashes (exporter-toolkit's {@code basic_auth_users}).
 * A wrong user, wrong password or malformed header all look the same to the client (401, no
 * detail); unknown users still cost one bcrypt check so response time does not reveal user names.
 * Successful checks are remembered (keyed by a SHA-256 of user, hash and password; at most 64)
 * so a scraper does not pay bcrypt's cost on every scrape. Thread-safe.
 */
final class BasicAuth {

    /** A hash of a random password, checked for unknown users to keep timing uniform. */
    private static final String DUMMY_HASH = dummyHash();
    private static final int CACHE_LIMIT = 64;

    private final Map<String, String> users;
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    BasicAuth(Map<String, String> users) {
        this.users = Map.copyOf(users);
    }

    boolean enabled() {
        return !users.isEmpty();
    }

    static boolean isBcryptHash(String s) {
        return s != null && s.length() == 60 && s.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }

    /** Whether the {@code Authorization} header value carries a known user and its password. */
    boolean allows(String authorization) {
        if (!enabled()) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String hash = users.get(user);
        if (hash == null) {
            check(DUMMY_HASH, password);
            return false;
        }
        String cacheKey = digest(user + '\0' + hash + '\0' + password);
        if (verified.containsKey(cacheKey)) {
            return true;
        }
        boolean ok = check(hash, password);
        if (ok && verified.size() < CACHE_LIMIT) {
            verified.put(cacheKey, Boolean.TRUE);
        }
        return ok;
    }

    private static boolean check(String hash, String password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String dummyHash() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", Long.toHexString(random.nextLong()).toCharArray(), salt, 10);
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
