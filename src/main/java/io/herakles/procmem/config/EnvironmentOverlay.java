package io.herakles.procmem.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads {@code HERAKLES_<KEY>} environment variables (e.g. {@code HERAKLES_PORT},
 * {@code HERAKLES_CACHE_TTL}, {@code HERAKLES_INCLUDE_NAMES=a,b}). Only canonical key names, no
 * aliases. An empty value counts as not set. An unknown {@code HERAKLES_*} variable is not an
 * error (other tools may share the prefix) but yields a warning with the nearest valid name.
 *
 * @param values   typed values, in key order
 * @param warnings one-line warnings about unknown {@code HERAKLES_*} variables
 */
public record EnvironmentOverlay(Map<ConfigKey, Object> values, List<String> warnings) {

    public EnvironmentOverlay {
        values = ConfigFile.inKeyOrder(values);
        warnings = List.copyOf(warnings);
    }

    /**
     * Picks the config variables out of {@code env}.
     *
     * @throws ConfigException naming the variable when a value does not fit its key's type
     */
    public static EnvironmentOverlay read(Map<String, String> env) {
        Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            String raw = env.get(key.envVar());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            try {
                values.put(key, key.type().fromText(raw));
            } catch (ValueType.BadValue e) {
                throw new ConfigException("environment variable " + key.envVar() + " " + e.getMessage());
            }
        }
        return new EnvironmentOverlay(values, unknownVariables(env));
    }

    /** Read by the launcher before any configuration (io.herakles.procmem.launch), not config keys. */
    static final List<String> LAUNCHER_VARIABLES = List.of("HERAKLES_NO_REEXEC", "HERAKLES_REEXEC_EXTRA_FLAGS",
            "HERAKLES_NO_CDS", "HERAKLES_CDS_TRAINER");

    private static List<String> unknownVariables(Map<String, String> env) {
        List<String> known = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            known.add(key.envVar());
        }
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeMap<>(env).keySet()) {
            if (name.startsWith(ConfigKey.ENV_PREFIX) && !known.contains(name) && !LAUNCHER_VARIABLES.contains(name)) {
                Optional<String> near = Suggestions.nearest(name, known);
                warnings.add("ignoring unknown environment variable " + name
                        + near.map(n -> " (did you mean " + n + "?)").orElse(""));
            }
        }
        return warnings;
    }
}
