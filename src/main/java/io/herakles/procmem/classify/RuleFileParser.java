package io.herakles.procmem.classify;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.herakles.procmem.model.GroupKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads upstream's subgroups format: a top-level array {@code subgroups} of inline tables
 * {@code { group, subgroup, matches = [...], cmdline_matches = [...] }}. Arrays may span several
 * lines inside an inline table (valid TOML 1.0; jackson-dataformat-toml accepts it). Unknown fields
 * are ignored, both lists are optional. Every {@code cmdline_matches} entry must compile as a
 * regular expression. A file with any error is rejected as a whole, so a half-read file never
 * changes the classification. Stateless and thread-safe.
 */
final class RuleFileParser {

    private static final TomlMapper TOML = new TomlMapper();

    private RuleFileParser() {}

    /**
     * Parses one file's text.
     *
     * @param text       the file contents
     * @param sourceName how messages name the file
     * @throws RuleFileException with a one-line message naming the file
     */
    static RuleSource parse(String text, String sourceName) throws RuleFileException {
        JsonNode root = readTree(text, sourceName);
        JsonNode entries = root.get("subgroups");
        if (entries == null || !entries.isArray()) {
            throw new RuleFileException("Invalid subgroups file " + sourceName
                    + ": expected a top-level array \"subgroups\"");
        }
        List<RuleDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            definitions.add(definition(entries.get(i), sourceName, i + 1));
        }
        return new RuleSource(sourceName, definitions);
    }

    private static JsonNode readTree(String text, String sourceName) throws RuleFileException {
        try {
            return TOML.readTree(text);
        } catch (JacksonException e) {
            throw new RuleFileException("Failed to parse subgroups file " + sourceName + where(e)
                    + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String where(JacksonException e) {
        JsonLocation location = e.getLocation();
        return location != null && location.getLineNr() > 0 ? " (line " + location.getLineNr() + ")" : "";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid TOML";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static RuleDefinition definition(JsonNode entry, String sourceName, int index)
            throws RuleFileException {
        String where = sourceName + ": subgroups entry " + index;
        if (!entry.isObject()) {
            throw new RuleFileException("Invalid subgroups file " + where + " is not a table");
        }
        GroupKey key = new GroupKey(requiredText(entry, "group", where), requiredText(entry, "subgroup", where));
        List<String> matches = strings(entry, "matches", where);
        List<String> cmdlineMatches = strings(entry, "cmdline_matches", where);
        for (String regex : cmdlineMatches) {
            checkRegex(regex, sourceName, key);
        }
        return new RuleDefinition(key, matches, cmdlineMatches);
    }

    private static String requiredText(JsonNode entry, String field, String where) throws RuleFileException {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new RuleFileException("Invalid subgroups file " + where + ": \"" + field
                    + "\" must be a non-empty string");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode entry, String field, String where) throws RuleFileException {
        JsonNode value = entry.get(field);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new RuleFileException("Invalid subgroups file " + where + ": \"" + field
                    + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual() || element.asText().isEmpty()) {
                throw new RuleFileException("Invalid subgroups file " + where + ": \"" + field
                        + "\" must contain only non-empty strings");
            }
            out.add(element.asText());
        }
        return out;
    }

    private static void checkRegex(String regex, String sourceName, GroupKey key) throws RuleFileException {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleFileException("Invalid cmdline_matches regex in " + sourceName + " (" + key + "): \""
                    + regex + "\": " + firstLine(e.getDescription()) + " near index " + e.getIndex());
        }
    }
}
