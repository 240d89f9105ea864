package io.herakles.procmem.classify;

import io.herakles.procmem.model.GroupKey;
import java.util.Objects;

/**
 * The result of classifying one process. Immutable.
 *
 * @param group the exported group/subgroup
 * @param rule  which rule matched, for people (e.g. {@code name = postgres} or
 *              {@code cmdline ~ org\.apache\.catalina}); empty when none did
 */
public record Classification(GroupKey group, String rule) {
    public Classification {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(rule, "rule");
    }
}
