package io.herakles.procmem.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration file, read and type-checked: the keys it sets (canonical keys, in upstream's order)
 * with typed values. Keys set to {@code null} count as not set. Immutable.
 *
 * <p>Errors are {@link ConfigException}s naming the file and line: malformed YAML/JSON/TOML, an
 * unknown key (with the nearest valid name), a key given twice (also via an alias), a wrong type.
 *
 * @param path   the file as given
 * @param format chosen by extension ({@link ConfigFormat#ofPath})
 * @param values typed values the file sets, in key order
 */
public record ConfigFile(Path path, ConfigFormat format, Map<ConfigKey, Object> values) {

    /**
     * Mappers, created on first use: building an ObjectMapper loads much of Jackson (hundreds of
     * milliseconds on a loaded machine), which a start-up without any config file should not pay.
     */
    private static final class Mappers {
        static final YAMLMapper YAML = new YAMLMapper();
        static final ObjectMapper JSON = new ObjectMapper();
        static final TomlMapper TOML = new TomlMapper();
    }
    private static final Pattern YAML_MARK = Pattern.compile("^\\s*in '[^']*', line (\\d+), column \\d+:?", Pattern.MULTILINE);

    public ConfigFile {
        values = inKeyOrder(values);
    }

    /** An unmodifiable copy iterating in {@link ConfigKey} order. */
    static Map<ConfigKey, Object> inKeyOrder(Map<ConfigKey, Object> values) {
        Map<ConfigKey, Object> ordered = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            if (values.get(key) != null) {
                ordered.put(key, values.get(key));
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    /** The values keyed by canonical name, in key order (for output). */
    public Map<String, Object> valuesByName() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.key(), v));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Reads and checks a file.
     *
     * @throws ConfigException when the file is missing or unreadable, malformed, or sets an unknown
     *                         key or a value of the wrong type
     */
    public static ConfigFile read(Path path) {
        String text = readText(path);
        ConfigFormat format = ConfigFormat.ofPath(path);
        List<Entry> entries = format == ConfigFormat.TOML ? tomlEntries(path, text) : streamedEntries(path, text, format);
        return new ConfigFile(path, format, typed(path, entries));
    }

    /** A top-level key as written, its value and the 1-based line of the key (0 = unknown). */
    private record Entry(String name, JsonNode value, int line) {}

    private static String readText(Path path) {
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file not found: " + path);
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot read config file " + path + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(path + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
    }

    /** YAML and JSON: stream the top level so that every key keeps its line. */
    private static List<Entry> streamedEntries(Path path, String text, ConfigFormat format) {
        ObjectMapper mapper = format == ConfigFormat.JSON ? Mappers.JSON : Mappers.YAML;
        List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return entries; // empty file: nothing set
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(where(path, line(parser.currentTokenLocation()))
                        + "expected key/value pairs at the top level, found " + describe(first));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int line = line(parser.currentTokenLocation());
                parser.nextToken();
                JsonNode value = mapper.readTree(parser);
                entries.add(new Entry(name, value, line));
            }
            if (parser.nextToken() != null) {
                throw new ConfigException(where(path, line(parser.currentTokenLocation()))
                        + "unexpected content after the configuration (a second document?)");
            }
            return entries;
        } catch (JsonProcessingException e) {
            throw malformed(path, format, e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
    }

    /** TOML: Jackson's TOML parser keeps no locations, so lines come from a scan of the text. */
    private static List<Entry> tomlEntries(Path path, String text) {
        JsonNode root;
        try {
            root = Mappers.TOML.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(path, ConfigFormat.TOML, e);
        }
        List<Entry> entries = new ArrayList<>();
        if (root == null) {
            return entries;
        }
        String[] lines = text.split("\\R", -1);
        root.properties().forEach(f -> entries.add(new Entry(f.getKey(), f.getValue(), tomlLine(lines, f.getKey()))));
        return entries;
    }

    /** Line of {@code key = …}, {@code "key" = …}, {@code key.x = …} or a {@code [key]} table header. */
    private static int tomlLine(String[] lines, String key) {
        String name = "(?:" + Pattern.quote(key) + "|\"" + Pattern.quote(key) + "\"|'" + Pattern.quote(key) + "')";
        Pattern pattern = Pattern.compile("^\\s*(?:\\[\\[?\\s*)?" + name + "\\s*[=.\\]]");
        for (int i = 0; i < lines.length; i++) {
            if (pattern.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Map<ConfigKey, Object> typed(Path path, List<Entry> entries) {
        Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, Entry> seen = new EnumMap<>(ConfigKey.class);
        for (Entry entry : entries) {
            ConfigKey key = ConfigKey.byFileName(entry.name()).orElseThrow(() -> unknownKey(path, entry));
            Entry earlier = seen.put(key, entry);
            if (earlier != null) {
                throw new ConfigException(where(path, entry.line()) + "key '" + entry.name() + "' repeats '"
                        + earlier.name() + "'" + (earlier.line() > 0 ? " from line " + earlier.line() : ""));
            }
            if (entry.value() == null || entry.value().isNull() || entry.value().isMissingNode()) {
                continue; // null = unset, like upstream
            }
            try {
                values.put(key, key.type().fromNode(entry.value()));
            } catch (ValueType.BadValue e) {
                throw new ConfigException(where(path, entry.line()) + "key '" + entry.name() + "' " + e.getMessage());
            }
        }
        return values;
    }

    private static ConfigException unknownKey(Path path, Entry entry) {
        Optional<String> suggestion = Suggestions.nearest(entry.name(), ConfigKey.fileNames());
        return new ConfigException(where(path, entry.line()) + "unknown key '" + entry.name() + "'"
                + suggestion.map(s -> " (did you mean '" + s + "'?)").orElse(""));
    }

    private static ConfigException malformed(Path path, ConfigFormat format, JsonProcessingException e) {
        int line = line(e.getLocation());
        String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
        String reason = format == ConfigFormat.YAML ? yamlProblem(message) : ConfigException.oneLine(message);
        if (format == ConfigFormat.YAML) {
            line = yamlProblemLine(message).orElse(line);
        }
        return new ConfigException(where(path, line) + "not valid " + format.name() + ": " + reason);
    }

    /**
     * SnakeYAML's messages repeat the position and quote the source with a caret under it on
     * extra lines; keep only the sentences ("while parsing …; expected …").
     */
    private static String yamlProblem(String message) {
        List<String> parts = new ArrayList<>();
        String[] lines = message.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].strip();
            if (YAML_MARK.matcher(text).find()) {
                i += 2; // the quoted source line and the caret line
            } else if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return parts.isEmpty() ? ConfigException.oneLine(message) : String.join("; ", parts);
    }

    /** The line of the last mark in a SnakeYAML message: where the problem was found. */
    private static Optional<Integer> yamlProblemLine(String message) {
        java.util.regex.Matcher m = YAML_MARK.matcher(message);
        Integer last = null;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return Optional.ofNullable(last);
    }

    private static String where(Path path, int line) {
        return line > 0 ? path + ":" + line + ": " : path + ": ";
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
