package io.herakles.procmem.export.snapshot;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A plausible process for a command-line pattern: a binary name (comm) and a command line that the
 * pattern, used as a regular expression with {@code find()}, matches. Immutable.
 *
 * <p>Upstream put command-line patterns into the generated process's <em>name</em>, because its
 * classifier only compared names. Ours matches command lines, so a generated process gets a
 * command line the pattern finds ({@link RegexExample}: first alternative, optional parts left
 * out, classes and escapes resolved) and a binary name as real {@code /proc} would show it:
 * {@code java} for Java class or package names and {@code -D} properties, {@code node} for
 * {@code .js} files, {@code sh} for shell scripts, the basename for paths (a directory such as
 * {@code /pycharm/bin/} gets a program named after it), otherwise the first word (cut to 15
 * characters like comm). Callers that need certainty about the classification check it: the
 * name may also match another rule.
 *
 * @param name    the process name
 * @param cmdline the command line
 */
record CmdlineExample(String name, String cmdline) {

    private static final int COMM_LENGTH = 15;
    private static final String FALLBACK_NAME = "process";
    private static final Pattern JAVA_NAME = Pattern.compile("[a-z][\\w$]*(\\.[\\w$]+)+");
    /** Directory names that say nothing about the program in them. */
    private static final Set<String> GENERIC_DIRS =
            Set.of("", "bin", "sbin", "lib", "lib64", "libexec", "jbr", "methods", "usr", "opt", "local", "share");

    /** An example for {@code pattern}; when the pattern is no valid regex it is taken literally. */
    static CmdlineExample forPattern(String pattern) {
        String text = exampleText(pattern);
        CmdlineExample dressed = dress(text);
        // the binary in front or the completed path may break an anchored pattern: then the bare text
        return matches(pattern, dressed.cmdline()) || !matches(pattern, text)
                ? dressed
                : new CmdlineExample(comm(baseName(firstWord(text))), text);
    }

    /** Whether {@code cmdline} is found by {@code pattern} as a regex (false for an invalid regex). */
    static boolean matches(String pattern, String cmdline) {
        try {
            return Pattern.compile(pattern).matcher(cmdline).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** Text the regex finds, without surrounding blanks when it still matches; the pattern itself if invalid. */
    static String exampleText(String pattern) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return pattern;
        }
        String raw = RegexExample.of(pattern);
        String stripped = raw.strip();
        return matches(pattern, stripped) || !matches(pattern, raw) ? stripped : raw;
    }

    /** Puts the text into a command line with a plausible binary in front, by its first word. */
    private static CmdlineExample dress(String text) {
        String first = firstWord(text);
        if (first.isEmpty()) {
            return new CmdlineExample(FALLBACK_NAME, text);
        }
        if (first.endsWith(".sh")) {
            return new CmdlineExample("sh", "/bin/sh " + text);
        }
        if (first.endsWith(".js") || first.endsWith(".cjs") || first.endsWith(".mjs")) {
            return new CmdlineExample("node", "/usr/bin/node " + text);
        }
        int eq = first.indexOf('=');
        if (eq > 0 && JAVA_NAME.matcher(first.substring(0, eq)).matches()) {
            return new CmdlineExample("java", "/usr/bin/java -Xmx512m -D" + text);
        }
        if (first.endsWith("/")) {
            String program = programFor(first);
            String path = installDir(first) + first + program;
            return new CmdlineExample(comm(program), path + text.substring(first.length()));
        }
        if (first.contains("/")) {
            return new CmdlineExample(comm(baseName(first)), text);
        }
        if (JAVA_NAME.matcher(first).matches()) {
            return new CmdlineExample("java", "/usr/bin/java -Xmx512m " + text);
        }
        return new CmdlineExample(comm(first), text);
    }

    /** A program name for a directory: its most specific non-generic component, e.g. {@code pycharm}. */
    private static String programFor(String dir) {
        String[] parts = dir.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = parts[i].replaceFirst("^\\.+", "");
            if (!GENERIC_DIRS.contains(part)) {
                return part;
            }
        }
        return FALLBACK_NAME;
    }

    /** {@code /opt} in front of a directory that does not start at a system location, e.g. {@code /pycharm/bin/}. */
    private static String installDir(String dir) {
        if (!dir.startsWith("/")) {
            return "/opt/";
        }
        String top = dir.substring(1).split("/", 2)[0];
        return GENERIC_DIRS.contains(top) || top.equals("var") || top.equals("etc") ? "" : "/opt";
    }

    private static String firstWord(String text) {
        return text.isBlank() ? "" : text.strip().split("\\s+", 2)[0];
    }

    private static String baseName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.isEmpty() ? FALLBACK_NAME : base;
    }

    private static String comm(String name) {
        return name.length() > COMM_LENGTH ? name.substring(0, COMM_LENGTH) : name;
    }
}
