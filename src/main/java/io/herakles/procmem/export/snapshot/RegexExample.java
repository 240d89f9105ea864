package io.herakles.procmem.export.snapshot;

/**
 * One short string a regular expression finds, built by walking the expression once (a small
 * recursive-descent reader of {@link java.util.regex.Pattern} syntax). Not thread-safe: one
 * instance per expression; use {@link #of(String)}.
 *
 * <p>Choices, made to give a short, plausible command line rather than a random member:
 * <ul>
 *   <li>alternation: the first alternative; anchors ({@code ^ $ \b \A \z}), inline flags and
 *       lookarounds: nothing;</li>
 *   <li>{@code *}, {@code ?} and {@code {0,m}} on a group or class: no occurrence (so
 *       {@code (\S*}{@code /)?firefox(-esr)?} gives {@code firefox}); {@code ?} on a single literal
 *       character keeps it ({@code python3?} gives {@code python3}); {@code +} and {@code {n,m}}: the
 *       minimum (at least once for {@code +});</li>
 *   <li>{@code .} stays a dot ({@code com.sap} gives {@code com.sap}, which {@code .} matches);
 *       {@code .*} and {@code .+} give one space between words, nothing (or {@code x}) after a space;</li>
 *   <li>{@code [a-z]}: its first character; {@code [^/ ]}: a letter outside the set; {@code \d}:
 *       {@code 0}; {@code \s}: a space; {@code \S}, {@code \w}: {@code x}; other escapes: the
 *       escaped character.</li>
 * </ul>
 * The result is not guaranteed to match (backreferences, lookarounds, an anchor in the middle);
 * callers check it with the compiled pattern.
 */
final class RegexExample {

    private static final String NOT_SPACE = "x";

    private final String regex;
    private int pos;

    private RegexExample(String regex) {
        this.regex = regex;
    }

    /** An example string for {@code regex}; the expression should be valid (callers compile it first). */
    static String of(String regex) {
        RegexExample reader = new RegexExample(regex);
        StringBuilder out = new StringBuilder();
        while (reader.pos < regex.length()) {
            out.append(reader.alternation(out));
            reader.pos++; // a stray ')' in an invalid expression: skip it
        }
        return out.toString();
    }

    /** Reads alternatives up to an unmatched ')' or the end; returns the first. */
    private String alternation(CharSequence before) {
        String first = sequence(before);
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            sequence(before); // read and drop the other alternatives
        }
        return first;
    }

    private String sequence(CharSequence before) {
        StringBuilder out = new StringBuilder();
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            CharSequence context = new StringBuilder(before).append(out);
            int atomStart = pos;
            String atom = atom(context);
            out.append(repeat(atom, regex.charAt(atomStart), context));
        }
        return out.toString();
    }

    /** Reads one atom (group, class, escape, character) and returns one occurrence of it. */
    private String atom(CharSequence before) {
        char c = regex.charAt(pos++);
        return switch (c) {
            case '(' -> group(before);
            case '[' -> characterClass();
            case '\\' -> escape();
            case '^', '$' -> "";
            default -> String.valueOf(c);
        };
    }

    private String group(CharSequence before) {
        boolean emits = true;
        if (peek('?')) {
            pos++;
            char kind = pos < regex.length() ? regex.charAt(pos) : ')';
            if (kind == '<' && pos + 1 < regex.length() && Character.isLetter(regex.charAt(pos + 1))) {
                int close = regex.indexOf('>', pos); // named group (?<name>...)
                pos = close < 0 ? regex.length() : close + 1;
            } else if (kind == ':' || kind == '>') {
                pos++;
            } else if (kind == '=' || kind == '!' || kind == '<') {
                emits = false; // lookaround: matches no text
                pos += kind == '<' ? 2 : 1;
            } else {
                emits = false; // inline flags (?i) or (?i:...): treat the body as text below
                while (pos < regex.length() && Character.isLetter(regex.charAt(pos)) || peek('-')) {
                    pos++;
                }
                if (peek(':')) {
                    pos++;
                    emits = true;
                }
            }
        }
        String body = alternation(before);
        if (peek(')')) {
            pos++;
        }
        return emits ? body : "";
    }

    /** Reads {@code [...]} and returns a character it contains. */
    private String characterClass() {
        boolean negated = peek('^');
        if (negated) {
            pos++;
        }
        StringBuilder members = new StringBuilder();
        boolean firstChar = true;
        while (pos < regex.length() && (regex.charAt(pos) != ']' || firstChar)) {
            char c = regex.charAt(pos++);
            firstChar = false;
            if (c == '\\' && pos < regex.length()) {
                members.append(escape());
            } else if (c == '[') {
                members.append(characterClass()); // nested class / union: one of its members
            } else if (c == '-' && members.length() > 0 && pos < regex.length() && regex.charAt(pos) != ']') {
                pos++; // a range a-z: its first character is already in members
            } else {
                members.append(c);
            }
        }
        pos++; // ']'
        if (!negated) {
            return members.isEmpty() ? NOT_SPACE : members.substring(0, 1);
        }
        for (char candidate : "xyzabc_0".toCharArray()) {
            if (members.indexOf(String.valueOf(candidate)) < 0) {
                return String.valueOf(candidate);
            }
        }
        return "~";
    }

    /** Reads the character after a backslash and returns what it matches. */
    private String escape() {
        if (pos >= regex.length()) {
            return "\\";
        }
        char c = regex.charAt(pos++);
        return switch (c) {
            case 'd' -> "0";
            case 's' -> " ";
            case 'S', 'w', 'D', 'W' -> c == 'W' ? "-" : NOT_SPACE;
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> "";
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'Q' -> quoted();
            default -> String.valueOf(c);
        };
    }

    private String quoted() {
        int end = regex.indexOf("\\E", pos);
        String text = regex.substring(pos, end < 0 ? regex.length() : end);
        pos = end < 0 ? regex.length() : end + 2;
        return text;
    }

    /** Applies a quantifier after an atom, if any, to one occurrence of it. */
    private String repeat(String once, char atomStart, CharSequence before) {
        if (pos >= regex.length()) {
            return once;
        }
        char q = regex.charAt(pos);
        int min;
        boolean unbounded;
        if (q == '?' || q == '*' || q == '+') {
            pos++;
            min = q == '+' ? 1 : 0;
            unbounded = q != '?';
        } else if (q == '{' && regex.indexOf('}', pos) > pos) {
            int end = regex.indexOf('}', pos);
            String range = regex.substring(pos + 1, end);
            if (!range.matches("\\d+(,\\d*)?")) {
                return once; // a literal '{'
            }
            pos = end + 1;
            min = Integer.parseInt(range.split(",", -1)[0]);
            unbounded = range.endsWith(",");
        } else {
            return once;
        }
        if (peek('?') || peek('+')) {
            pos++; // lazy or possessive: the same strings match
        }
        if (atomStart == '.' && unbounded) {
            return wildcard(min, before);
        }
        if (q == '?' && isLiteral(atomStart)) {
            return once; // python3? -> python3: a single optional character reads better present
        }
        return once.repeat(min);
    }

    /** {@code .*} or {@code .+}: a word separator, as such a wildcard usually spans arguments. */
    private static String wildcard(int min, CharSequence before) {
        boolean afterSpace = before.length() == 0 || Character.isWhitespace(before.charAt(before.length() - 1));
        if (!afterSpace) {
            return " ".repeat(Math.max(1, min));
        }
        return NOT_SPACE.repeat(min);
    }

    private static boolean isLiteral(char atomStart) {
        return "([\\.^$".indexOf(atomStart) < 0;
    }

    private boolean peek(char c) {
        return pos < regex.length() && regex.charAt(pos) == c;
    }
}
