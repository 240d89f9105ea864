package io.herakles.procmem.export.testdata;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A plausible process for a command-line pattern: a binary name (comm) and a command line that the
 * pattern, used as a regular expression with {@code find()}, matches. Immutable.
 *
 * <p>Upstream put command-line patterns into the generated process's <em>name</em>, because its
 * classifier only compared names. Ours matches command lines, so a generated process gets the
 * pattern as its {@code cmdline} (after un-escaping simple regex syntax) and a binary name as real
 * {@code /proc} would show it: {@code java} for Java class or package names, {@code sh} for shell
 * scripts, the basename for paths, otherwise the first word (cut to 15 characters like comm).
 *
 * @param name    the process name
 * @param cmdline the command line
 */
record CmdlineExample(String name, String cmdline) {

    private static final int COMM_LENGTH = 15;
    private static final Pattern JAVA_NAME = Pattern.compile("[a-z][\\w$]*(\\.[\\w$]+)+");

    /** An example for {@code pattern}; when the pattern is no valid regex it is taken literally. */
    static CmdlineExample forPattern(String pattern) {
        String text = plainText(pattern);
        if (!matches(pattern, text)) {
            text = pattern;
        }
        String first = text.isBlank() ? "" : text.strip().split("\\s+", 2)[0];
        if (first.isEmpty()) {
            return new CmdlineExample("process", text);
        }
        if (first.endsWith(".sh")) {
            return new CmdlineExample("sh", "/bin/sh " + text);
        }
        if (first.contains("/")) {
            String base = first.substring(first.lastIndexOf('/') + 1);
            return new CmdlineExample(comm(base.isEmpty() ? "process" : base), text);
        }
        if (JAVA_NAME.matcher(first).matches()) {
            return new CmdlineExample("java", "/usr/bin/java -Xmx512m " + text);
        }
        return new CmdlineExample(comm(first), text);
    }

    /** Whether {@code cmdline} is found by {@code pattern} as a regex (false for an invalid regex). */
    static boolean matches(String pattern, String cmdline) {
        try {
            return Pattern.compile(pattern).matcher(cmdline).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /**
     * Simple regex syntax turned into text it probably matches: anchors dropped, escapes, wildcards,
     * quantifiers and groups resolved. Callers check the result; alternations and classes are not handled.
     */
    static String plainText(String regex) {
        String s = regex;
        if (s.startsWith("^")) {
            s = s.substring(1);
        }
        if (s.endsWith("$") && !s.endsWith("\\$")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.replace("\\s+", " ").replace("\\s*", " ").replace("\\s", " ")
                .replace("\\d+", "1").replace("\\d*", "1").replace("\\d", "1")
                .replace("\\w+", "x").replace("\\w*", "x").replace("\\w", "x")
                .replace(".*", " ").replace(".+", "x");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                out.append(s.charAt(++i));
            } else if ("?+*()".indexOf(c) >= 0) {
                continue; // "3?" -> "3", "(ab)+" -> "ab": one occurrence matches
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static String comm(String name) {
        return name.length() > COMM_LENGTH ? name.substring(0, COMM_LENGTH) : name;
    }
}
