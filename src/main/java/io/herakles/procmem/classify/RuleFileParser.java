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
 * changes the classification. Every message is one line that starts with {@code file:line:} (the
 * line of the syntax error or of the offending entry; just {@code file:} when no line is known),
 * the form compilers use, so editors and terminals can jump to it. Stateless and thread-safe.
 */
final class RuleFileParser {

    private static final TomlMapper TOML = new TomlMapper();

    private RuleFileParser() {}

    /**
     * Parses one file's text.
     *
     * @param text       the file contents
     * @param sourceName how messages name the file
     * @throws RuleFileException with a one-line message starting {@code file:line:}
     */
    static RuleSource parse(String text, String sourceName) throws RuleFileException {
        JsonNode root = readTree(text, sourceName);
        JsonNode entries = root.get("subgroups");
        if (entries == null || !entries.isArray()) {
            throw new RuleFileException(sourceName + ": invalid subgroups file: expected a top-level array \"subgroups\"");
        }
        List<RuleDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = at(sourceName, EntryLines.lineOf(text, i + 1)) + " subgroups entry " + (i + 1);
            definitions.add(definition(entries.get(i), where));
        }
        return new RuleSource(sourceName, definitions);
    }

    private static JsonNode readTree(String text, String sourceName) throws RuleFileException {
        try {
            return TOML.readTree(text);
        } catch (JacksonException e) {
            throw new RuleFileException(at(sourceName, line(e)) + " cannot parse subgroups file: "
                    + firstLine(e.getOriginalMessage()));
        }
    }

    /** {@code file:line:}, or {@code file:} when the line is unknown. */
    private static String at(String sourceName, String line) {
        return sourceName + (line.isEmpty() ? "" : ":" + line) + ":";
    }

    private static String line(JacksonException e) {
        JsonLocation location = e.getLocation();
        return location != null && location.getLineNr() > 0 ? String.valueOf(location.getLineNr()) : "";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid TOML";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /** {@code where} is {@code "file:line: subgroups entry N"}. */
    private static RuleDefinition definition(JsonNode entry, String where) throws RuleFileException {
        if (!entry.isObject()) {
            throw new RuleFileException(where + " is not a table");
        }
        GroupKey key = new GroupKey(requiredText(entry, "group", where), requiredText(entry, "subgroup", where));
        List<String> matches = strings(entry, "matches", where);
        List<String> cmdlineMatches = strings(entry, "cmdline_matches", where);
        for (String regex : cmdlineMatches) {
            checkRegex(regex, where, key);
        }
        return new RuleDefinition(key, matches, cmdlineMatches);
    }

    private static String requiredText(JsonNode entry, String field, String where) throws RuleFileException {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new RuleFileException(where + ": \"" + field
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
            throw new RuleFileException(where + ": \"" + field
                    + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual() || element.asText().isEmpty()) {
                throw new RuleFileException(where + ": \"" + field
                        + "\" must contain only non-empty strings");
            }
            out.add(element.asText());
        }
        return out;
    }

    private static void checkRegex(String regex, String where, GroupKey key) throws RuleFileException {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleFileException(where + " (" + key + "): invalid cmdline_matches regex \""
                    + regex + "\": " + firstLine(e.getDescription()) + " near index " + e.getIndex());
        }
    }
}
