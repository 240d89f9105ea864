package io.herakles.procmem.classify;

/**
 * Finds a piece of plain text that every match of a regular expression must contain, so a cheap
 * {@link String#contains} can skip the regex engine. Conservative: any construct it does not fully
 * understand (groups, alternation, inline flags, {@code \Q}, nested classes) yields {@code ""},
 * which every string contains. Stateless.
 */
final class RequiredLiteral {

    private RequiredLiteral() {}

    /** The longest literal run every match contains, or {@code ""} when none can be proven. */
    static String of(String regex) {
        String best = "";
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            switch (c) {
                case '|', '(', ')' -> {
                    return ""; // alternation or a group: its text may be optional
                }
                case '\\' -> {
                    if (i + 1 >= regex.length() || regex.charAt(i + 1) == 'Q') {
                        return "";
                    }
                    char next = regex.charAt(++i);
                    if (Character.isLetterOrDigit(next)) {
                        best = longer(best, run); // \d, \s, \b ...: a class, not text
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
                    best = longer(best, run);
                }
                case '[' -> {
                    best = longer(best, run);
                    i = endOfClass(regex, i);
                    if (i < 0) {
                        return "";
                    }
                }
                case '.', '+', '^', '$' -> best = longer(best, run);
                default -> run.append(c);
            }
        }
        return longer(best, run);
    }

    /** Keeps the longer of the best so far and the current run, and starts a new run. */
    private static String longer(String best, StringBuilder run) {
        String candidate = run.toString();
        run.setLength(0);
        return candidate.length() > best.length() ? candidate : best;
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
