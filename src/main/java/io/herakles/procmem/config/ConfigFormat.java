package io.herakles.procmem.config;

import java.nio.file.Path;
import java.util.Locale;

/** The three file formats of upstream. Input format is chosen by extension; output by flag. */
public enum ConfigFormat {
    YAML,
    JSON,
    TOML;

    /** Upstream's rule: {@code .json} → JSON, {@code .toml} → TOML, anything else (or none) → YAML. */
    public static ConfigFormat ofPath(Path path) {
        Path name = path.getFileName();
        String file = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".json")) {
            return JSON;
        }
        if (file.endsWith(".toml")) {
            return TOML;
        }
        return YAML;
    }

    /**
     * Parses a {@code --config-format}/{@code --format} value ({@code yaml|json|toml}, any case;
     * {@code yml} accepted).
     *
     * @throws ConfigException naming the value when it is none of these
     */
    public static ConfigFormat parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "yaml", "yml" -> YAML;
            case "json" -> JSON;
            case "toml" -> TOML;
            default -> throw new ConfigException("invalid config format '" + text + "', expected yaml, json or toml");
        };
    }

    /** Lower-case name as used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
