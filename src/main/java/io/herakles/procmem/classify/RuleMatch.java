package io.herakles.procmem.classify;

import io.herakles.procmem.model.GroupKey;

/**
 * A raw match before the configuration's policy: the subgroup, and the rule text for people
 * ({@code name = postgres (built-in subgroups.toml)}).
 */
record RuleMatch(GroupKey key, String rule) {

    static RuleMatch of(PatternOwner owner, String how) {
        return new RuleMatch(owner.key(), how + " (" + owner.source() + ")");
    }
}
