package io.herakles.procmem.classify;

import io.herakles.procmem.model.GroupKey;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a subgroups file, as written: {@code { group, subgroup, matches, cmdline_matches }}.
 * Immutable.
 *
 * @param key            the group/subgroup the patterns lead to
 * @param matches        process names (comm), in file order; see {@link RuleClassifier} for how they match
 * @param cmdlineMatches regular expressions searched in the command line, in file order
 */
public record RuleDefinition(GroupKey key, List<String> matches, List<String> cmdlineMatches) {
    public RuleDefinition {
        Objects.requireNonNull(key, "key");
        matches = List.copyOf(matches);
        cmdlineMatches = List.copyOf(cmdlineMatches);
    }
}
