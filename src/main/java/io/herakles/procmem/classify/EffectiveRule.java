package io.herakles.procmem.classify;

import io.herakles.procmem.model.GroupKey;
import java.util.List;
import java.util.Objects;

/**
 * One (group, subgroup) after every file has been merged and overridden patterns have moved to
 * their last definition. Only subgroups with at least one pattern exist as effective rules
 * (upstream's dead {@code cache/memcached} does not). Immutable.
 *
 * @param key             the group/subgroup
 * @param namePatterns    process-name patterns that lead here, in definition order
 * @param cmdlinePatterns command-line regular expressions that lead here, in definition order
 */
public record EffectiveRule(GroupKey key, List<String> namePatterns, List<String> cmdlinePatterns) {
    public EffectiveRule {
        Objects.requireNonNull(key, "key");
        namePatterns = List.copyOf(namePatterns);
        cmdlinePatterns = List.copyOf(cmdlinePatterns);
    }

    /** All patterns, names first, then command-line expressions. */
    public List<String> allPatterns() {
        var all = new java.util.ArrayList<String>(namePatterns);
        all.addAll(cmdlinePatterns);
        return List.copyOf(all);
    }
}
