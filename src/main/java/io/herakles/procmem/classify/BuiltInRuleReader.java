package io.herakles.procmem.classify;

import io.herakles.procmem.model.GroupKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the built-in rule files without a TOML library. They use a small, fixed part of TOML:
 * {@code subgroups = [ { key = value, ... }, ... ]} where a value is a string or an array of
 * strings, strings are basic ({@code "..."} with backslash escapes) or literal ({@code '...'}),
 * and {@code #} starts a comment. Why not the general parser ({@link RuleFileParser}): it brings
 * in about 400 Jackson classes (some 3 MiB of class metadata and its caches) that a headless
 * exporter with no custom rules file would load only for these two files. Custom files, written by
 * users in any valid TOML, still go through the general parser; a test reads both built-in files
 * both ways and requires the same definitions.
 *
 * <p>Anything outside that part is a build defect, so it throws {@link IllegalStateException}
 * naming the file and line. Stateless apart from one instance per read; not thread-safe.
 */
final class BuiltInRuleReader {

    private final String text;
    private final String sourceName;
    private int pos;

    private BuiltInRuleReader(String text, String sourceName) {
        this.text = text;
        this.sourceName = sourceName;
    }

    /** The definitions of one built-in file, in file order. */
    static RuleSource read(String text, String sourceName) {
        return new RuleSource(sourceName, new BuiltInRuleReader(text, sourceName).subgroups());
    }

    private List<RuleDefinition> subgroups() {
        expectWord("subgroups");
        expect('=');
        expect('[');
        List<RuleDefinition> definitions = new ArrayList<>();
        while (peek() != ']') {
            definitions.add(definition(table()));
            if (peek() == ',') {
                pos++;
            }
        }
        pos++;
        if (peek() != 0) {
            throw defect("unexpected text after the subgroups array");
        }
        return definitions;
    }

    private RuleDefinition definition(Map<String, Object> table) {
        return new RuleDefinition(new GroupKey(text(table, "group"), text(table, "subgroup")),
                strings(table, "matches"), strings(table, "cmdline_matches"));
    }

    private Map<String, Object> table() {
        expect('{');
        Map<String, Object> table = new HashMap<>();
        while (peek() != '}') {
            String key = word();
            expect('=');
            table.put(key, peek() == '[' ? array() : string());
            if (peek() == ',') {
                pos++;
            }
        }
        pos++;
        return table;
    }

    private List<String> array() {
        expect('[');
        List<String> values = new ArrayList<>();
        while (peek() != ']') {
            values.add(string());
            if (peek() == ',') {
                pos++;
            }
        }
        pos++;
        return values;
    }

    private String string() {
        char quote = peek();
        if (quote != '"' && quote != '\'') {
            throw defect("expected a string");
        }
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\n') {
                throw defect("unterminated string");
            }
            out.append(c == '\\' && quote == '"' ? escape() : c);
        }
        if (pos >= text.length()) {
            throw defect("unterminated string");
        }
        pos++;
        return out.toString();
    }

    private char escape() {
        char c = pos < text.length() ? text.charAt(pos++) : 0;
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case 'n': return '\n';
            case 't': return '\t';
            default: throw defect("unsupported escape \\" + c);
        }
    }

    private String word() {
        skipBlanks();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw defect("expected a key");
        }
        return text.substring(start, pos);
    }

    private void expectWord(String expected) {
        if (!word().equals(expected)) {
            throw defect("expected \"" + expected + "\"");
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw defect("expected '" + c + "'");
        }
        pos++;
    }

    /** The next significant character (0 at the end), after blanks, newlines and comments. */
    private char peek() {
        skipBlanks();
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private static String text(Map<String, Object> table, String key) {
        Object value = table.get(key);
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new IllegalStateException("built-in rule without \"" + key + "\": " + table);
        }
        return (String) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> table, String key) {
        Object value = table.getOrDefault(key, List.of());
        if (!(value instanceof List)) {
            throw new IllegalStateException("built-in rule with a non-array \"" + key + "\": " + table);
        }
        return (List<String>) value;
    }

    private IllegalStateException defect(String what) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalStateException(sourceName + ":" + line + ": " + what + " (built-in rules use a small part of TOML)");
    }
}
