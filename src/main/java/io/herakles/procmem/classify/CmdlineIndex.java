package io.herakles.procmem.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code cmdline_matches} expressions, compiled once and searched ({@code find}) in the
 * command line, as upstream's README promises ({@code node.*myapp-frontend}). The expression
 * defined last is tried first, so a custom file beats the built-in rules and a specific rule
 * written after a general one ({@code PyCharm} after {@code IntelliJ}) wins.
 * <p>
 * Cost: classification runs once per new process, but a Java command line can be 100 KB of class
 * path, so each expression carries a literal it cannot match without (when one can be proven) and
 * {@link String#contains} rules most expressions out before the regex engine runs.
 * Immutable, thread-safe ({@link Pattern} is; each search makes its own matcher).
 */
final class CmdlineIndex {

    private record Expression(String regex, Pattern pattern, String requiredLiteral, PatternOwner owner) {}

    private final Expression[] newestFirst;

    CmdlineIndex(RuleSet rules) {
        List<Expression> expressions = new ArrayList<>();
        rules.cmdlinePatterns().forEach((regex, owner) ->
                expressions.add(new Expression(regex, Pattern.compile(regex), RequiredLiteral.of(regex), owner)));
        Collections.reverse(expressions);
        newestFirst = expressions.toArray(Expression[]::new);
    }

    /** The match of the newest expression found in {@code cmdline}, or null. */
    RuleMatch find(String cmdline) {
        if (cmdline.isEmpty()) {
            return null;
        }
        for (Expression e : newestFirst) {
            if (cmdline.contains(e.requiredLiteral()) && e.pattern().matcher(cmdline).find()) {
                return RuleMatch.of(e.owner(), "cmdline ~ " + e.regex());
            }
        }
        return null;
    }
}
