package io.herakles.procmem.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Values given on the command line, keyed by config key name, applied over file and environment
 * (flags win). A {@code null} value means "flag not given" and is ignored. Mutable while the CLI
 * fills it; not thread-safe.
 *
 * <p>Values may be typed (Integer/Long/Boolean/String/List, or anything whose {@code toString} is
 * the value, e.g. a {@code Path}) or text: text for a non-string key is parsed like an
 * environment variable (lists comma-separated and trimmed, booleans true/false/1/0/yes/no).
 *
 * <p>The CLI maps each flag onto its key by the key table's constants (upstream's flag names:
 * {@code --cache-ttl} → {@code cache_ttl}, {@code --tls-cert} → {@code tls_cert_path},
 * {@code --disable-health} → {@code enable_health=false}, …).
 * Switches only ever set one direction: use {@link #setIf} so an absent switch leaves lower layers alone.
 */
public final class ConfigOverrides {

    private final Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);

    /** No flags given. */
    public static ConfigOverrides none() {
        return new ConfigOverrides();
    }

    /** Overrides from a map keyed by canonical key names (null values are ignored). */
    public static ConfigOverrides of(Map<String, ?> byKeyName) {
        ConfigOverrides overrides = new ConfigOverrides();
        byKeyName.forEach(overrides::set);
        return overrides;
    }

    /**
     * Sets a key (canonical name) unless {@code value} is null.
     *
     * @throws IllegalArgumentException when {@code key} is not a canonical key name (a programming error)
     * @throws ConfigException          when the value does not fit the key's type
     */
    public ConfigOverrides set(String key, Object value) {
        ConfigKey configKey = ConfigKey.byKey(key)
                .orElseThrow(() -> new IllegalArgumentException("not a config key: " + key));
        if (value == null) {
            return this;
        }
        try {
            values.put(configKey, configKey.type().fromTyped(value));
        } catch (ValueType.BadValue e) {
            throw new ConfigException("invalid value for " + key + " on the command line: " + e.getMessage());
        }
        return this;
    }

    /** For switches: sets {@code key} to {@code value} only when the switch was {@code given}. */
    public ConfigOverrides setIf(boolean given, String key, Object value) {
        return given ? set(key, value) : this;
    }

    /** The typed values given, in key order. */
    public Map<ConfigKey, Object> values() {
        return ConfigFile.inKeyOrder(values);
    }

    /** The values given by canonical key name, in key order. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        values().forEach((k, v) -> out.put(k.key(), v));
        return Collections.unmodifiableMap(out);
    }
}
