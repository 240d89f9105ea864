package io.herakles.procmem.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the shape of a regular expression to make searching cheap: the pieces of plain text every
 * match must contain (so {@link String#contains} can skip the regex engine), and whether every
 * match starts at the beginning of the input (so the engine need not try every position of a
 * 100 KB command line). Conservative: a construct it does not fully understand (top-level
 * alternation, inline flags, {@code \Q}, nested classes) yields no literal and no anchor. Groups are skipped: their text may be optional. Stateless.
 */
final class RequiredLiteral {

    private RequiredLiteral() {}

    /** The longest literal run every match contains, or {@code ""} when none can be proven. */
    static String of(String regex) {
        List<String> runs = all(regex);
        return runs.isEmpty() ? "" : runs.get(0);
    }

    /**
     * Every literal run that every match contains, longest first; empty when none can be proven.
     * A command line that lacks any of them cannot match.
     */
    static List<String> all(String regex) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            switch (c) {
                case '|' -> {
                    return List.of(); // top-level alternation: nothing is required
                }
                case '(', ')' -> {
                    if (c == ')' || isInlineFlag(regex, i)) {
                        return List.of(); // unbalanced, or flags such as (?i) that change what text matches
                    }
                    end(run, runs);
                    i = endOfGroup(regex, i);
                    if (i < 0) {
                        return List.of();
                    }
                }
                case '\\' -> {
                    if (i + 1 >= regex.length() || regex.charAt(i + 1) == 'Q') {
                        return List.of();
                    }
                    char next = regex.charAt(++i);
                    if (Character.isLetterOrDigit(next)) {
                        end(run, runs); // \d, \s, \b ...: a class, not text
                    } else {
                        run.append(next); // \. \- \/ : the character itself
                    }
                }
                case '?', '*', '{' -> {
                    if (c == '{') {
                        int close = regex.indexOf('}', i);
                        i = close < 0 ? regex.length() : close;
                    }
                    // The quantified character may be absent (or repeated): it ends the run.
                    if (run.length() > 0) {
                        run.setLength(run.length() - 1);
                    }
                    end(run, runs);
                }
                case '[' -> {
                    end(run, runs);
                    i = endOfClass(regex, i);
                    if (i < 0) {
                        return List.of();
                    }
                }
                case '.', '+', '^', '$' -> end(run, runs);
                default -> run.append(c);
            }
        }
        end(run, runs);
        runs.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(runs);
    }

    /**
     * True when every match must start at the beginning of the input: the expression starts with
     * {@code ^} and has no top-level alternation (no flags are used, so {@code ^} is not MULTILINE).
     */
    static boolean anchoredAtStart(String regex) {
        if (!regex.startsWith("^")) {
            return false;
        }
        for (int i = 1; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = endOfClass(regex, i);
            } else if (c == '(') {
                i = endOfGroup(regex, i);
            } else if (c == '|' || c == ')') {
                return false;
            }
            if (i < 0) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the current run (if any, once) and starts a new one. */
    private static void end(StringBuilder run, List<String> runs) {
        String candidate = run.toString();
        run.setLength(0);
        if (!candidate.isEmpty() && !runs.contains(candidate)) {
            runs.add(candidate);
        }
    }

    /** {@code (?i)}, {@code (?x:...)}: a flag letter right after {@code (?}. */
    private static boolean isInlineFlag(String regex, int open) {
        return open + 2 < regex.length() && regex.charAt(open + 1) == '?'
                && Character.isLetter(regex.charAt(open + 2));
    }

    /** Index of the {@code )} closing the group opened at {@code open}; -1 if unclosed or unclear. */
    private static int endOfGroup(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = endOfClass(regex, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                if (isInlineFlag(regex, i)) {
                    return -1;
                }
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the {@code ]} closing the class opened at {@code open}; -1 if nested or unclosed. */
    private static int endOfClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++; // a leading ] is a literal member
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }
}
