package io.herakles.procmem.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The texts of {@code --show-config}, {@code --show-user-config}, {@code --check-config} and the
 * {@code config} subcommand, as pure functions; the CLI prints them. Documents end with exactly one
 * newline (print them with {@code print}, not {@code println}); result lines have none. Keys appear
 * in upstream's order. Unset keys print as {@code null} in YAML and JSON and are left out of TOML (which
 * has no null). Stateless.
 */
public final class ConfigRenderer {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TomlMapper TOML = new TomlMapper();
    private static final int COMMENT_COLUMN = 34;

    private ConfigRenderer() {}

    /** {@code --show-config}: every key of the effective configuration. */
    public static String effective(ExporterConfig config, ConfigFormat format) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key.key(), key.get(config));
        }
        return write(values, format);
    }

    /**
     * {@code --show-user-config}: the file's path and only the values that file set; without a file,
     * why there is none (and where it was looked for).
     */
    public static String userConfig(ResolvedConfig resolved, ConfigFormat format) {
        if (resolved.file().isEmpty()) {
            return noFile(resolved);
        }
        ConfigFile file = resolved.file().get();
        Map<String, Object> values = file.valuesByName();
        String body = values.isEmpty() ? "(the file sets no keys)\n" : write(values, format);
        return "User configuration file: " + file.path() + "\n" + body;
    }

    /** {@code --check-config} with a validation result: upstream's two lines. */
    public static String checkResult(Optional<String> error) {
        return error.map(e -> "❌ Configuration invalid: " + e).orElse("✅ Configuration is valid");
    }

    /** {@code --check-config} for a resolved configuration. */
    public static String checkResult(ExporterConfig config) {
        return checkResult(ConfigValidator.firstError(config));
    }

    /**
     * The {@code config} subcommand: the built-in defaults (not the effective configuration). With
     * {@code commented} and YAML, a comment block listing every key, its default and what it does
     * comes first; other formats have no comments.
     */
    public static String defaults(ConfigFormat format, boolean commented) {
        String body = effective(ExporterConfig.defaults(), format);
        return commented && format == ConfigFormat.YAML ? commentBlock() + "\n" + body : body;
    }

    private static String commentBlock() {
        StringBuilder out = new StringBuilder();
        out.append("# Herakles process-memory exporter configuration (built-in defaults)\n");
        out.append("# Precedence: command-line flags > HERAKLES_<KEY> environment variables > this file > defaults.\n");
        out.append("# Unset (null) keys have no default: parallelism = automatic, max_processes = unlimited.\n");
        out.append("#\n");
        for (ConfigKey key : ConfigKey.values()) {
            String setting = "# " + key.key() + ": " + scalar(key.defaultValue());
            out.append(pad(setting)).append("# ").append(key.description());
            if (!key.aliases().isEmpty()) {
                out.append(" (also: ").append(String.join(", ", key.aliases())).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String pad(String text) {
        return text.length() >= COMMENT_COLUMN ? text + " " : text + " ".repeat(COMMENT_COLUMN - text.length());
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "[]" : list.toString();
        }
        return value.toString();
    }

    private static String noFile(ResolvedConfig resolved) {
        if (resolved.noConfig()) {
            return "No user configuration file: --no-config ignores all configuration files.\n";
        }
        StringBuilder out = new StringBuilder("No user configuration file found; searched:\n");
        for (Path path : resolved.searched()) {
            out.append("  ").append(path).append('\n');
        }
        return out.toString();
    }

    private static String write(Map<String, Object> values, ConfigFormat format) {
        try {
            String text = switch (format) {
                case YAML -> YAML.writeValueAsString(values);
                case JSON -> JSON.writeValueAsString(values);
                case TOML -> TOML.writeValueAsString(withoutNulls(values));
            };
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            // Only strings, numbers, booleans and string lists are written: cannot fail.
            throw new IllegalStateException("cannot write configuration as " + format, e);
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
