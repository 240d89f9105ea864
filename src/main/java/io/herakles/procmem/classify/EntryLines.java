package io.herakles.procmem.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The 1-based line on which each {@code subgroups} entry of a rules file starts, so a message about
 * "entry 3" can say {@code file:line}. The TOML tree we parse into carries no positions, hence this
 * light scan of the text: an entry starts at a <code>{</code> directly inside the
 * {@code subgroups = [ ... ]} array (upstream's form) or at a {@code [[subgroups]]} header. Strings
 * and comments are skipped. Only used for messages: a text it cannot follow gives no line, never an
 * exception. Stateless.
 */
final class EntryLines {

    private EntryLines() {}

    /** Start lines of the entries in file order; shorter than the entry count when the scan got lost. */
    static List<Integer> of(String text) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int depth = 0;
        int arrayDepth = -1;
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = true;
                continue;
            }
            if (c == '#') {
                i = endOfLine(text, i) - 1;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = endOfString(text, i);
                line += count(text, i, end, '\n');
                i = end;
                lineStart = false;
                continue;
            }
            if (lineStart && c == '[' && depth == 0 && isTableArrayHeader(text, i)) {
                lines.add(line);
            } else if (c == '[' || c == '{') {
                if (c == '{' && depth == arrayDepth + 1 && arrayDepth >= 0) {
                    lines.add(line);
                }
                if (c == '[' && depth == 0 && assignedKey(text, i).equals("subgroups")) {
                    arrayDepth = depth;
                }
                depth++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
                if (depth == arrayDepth) {
                    arrayDepth = -1;
                }
            }
            if (!Character.isWhitespace(c)) {
                lineStart = false;
            }
        }
        return lines;
    }

    /** The entry's line, or empty when unknown. */
    static String lineOf(String text, int entryIndex) {
        List<Integer> lines = of(text);
        return entryIndex >= 1 && entryIndex <= lines.size() ? String.valueOf(lines.get(entryIndex - 1)) : "";
    }

    private static boolean isTableArrayHeader(String text, int at) {
        int end = endOfLine(text, at);
        return text.substring(at, end).replace(" ", "").replace("\t", "").startsWith("[[subgroups]]");
    }

    /** The key before {@code =} on the line of {@code at}, or "" when there is none. */
    private static String assignedKey(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        String before = text.substring(start, at).strip();
        if (!before.endsWith("=")) {
            return "";
        }
        return before.substring(0, before.length() - 1).strip().replace("\"", "");
    }

    private static int endOfLine(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    /** Index of the closing quote (or the text's end); handles basic, literal and multi-line strings. */
    private static int endOfString(String text, int open) {
        char quote = text.charAt(open);
        String triple = String.valueOf(quote).repeat(3);
        boolean multiLine = text.startsWith(triple, open);
        int i = open + (multiLine ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '"') {
                i += 2;
                continue;
            }
            if (multiLine ? text.startsWith(triple, i) : c == quote) {
                return multiLine ? i + 2 : i;
            }
            if (!multiLine && c == '\n') {
                return i - 1;
            }
            i++;
        }
        return text.length() - 1;
    }

    private static int count(String text, int from, int to, char wanted) {
        int n = 0;
        for (int i = from; i <= to && i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                n++;
            }
        }
        return n;
    }
}
