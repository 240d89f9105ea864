package io.herakles.procmem.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code cmdline_matches} expressions, compiled once and searched ({@code find}) in the
 * command line, as upstream's README promises ({@code node.*myapp-frontend}). The expression
 * defined last is tried first, so a custom file beats the built-in rules and a specific rule
 * written after a general one ({@code PyCharm} after {@code IntelliJ}) wins.
 * <p>
 * Cost: classification runs once per new process, but a Java command line can be 100 KB of class
 * path, so each expression carries the literals it cannot match without (when they can be proven)
 * and {@link String#contains} rules most expressions out before the regex engine runs; an expression
 * anchored with {@code ^} is tried at the start only.
 * Immutable, thread-safe ({@link Pattern} is; each search makes its own matcher).
 */
final class CmdlineIndex {

    private record Expression(String regex, Pattern pattern, String[] requiredLiterals, boolean anchored,
            PatternOwner owner) {

        boolean foundIn(String cmdline) {
            for (String literal : requiredLiterals) {
                if (!cmdline.contains(literal)) {
                    return false;
                }
            }
            Matcher m = pattern.matcher(cmdline);
            return anchored ? m.lookingAt() : m.find();
        }
    }

    private final Expression[] newestFirst;

    CmdlineIndex(RuleSet rules) {
        List<Expression> expressions = new ArrayList<>();
        rules.cmdlinePatterns().forEach((regex, owner) ->
                expressions.add(new Expression(regex, Pattern.compile(regex), RequiredLiteral.all(regex).toArray(String[]::new),
                        RequiredLiteral.anchoredAtStart(regex), owner)));
        Collections.reverse(expressions);
        newestFirst = expressions.toArray(Expression[]::new);
    }

    /** The match of the newest expression found in {@code cmdline}, or null. */
    RuleMatch find(String cmdline) {
        if (cmdline.isEmpty()) {
            return null;
        }
        for (Expression e : newestFirst) {
            if (e.foundIn(cmdline)) {
                return RuleMatch.of(e.owner(), "cmdline ~ " + e.regex());
            }
        }
        return null;
    }
}
