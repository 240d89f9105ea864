package io.herakles.procmem.export.snapshot;

import io.herakles.procmem.model.GroupKey;
import java.util.List;
import java.util.Objects;

/**
 * One effective classification bucket as plain data, the input of {@link TestDataGenerator}: the
 * CLI maps the classify package's rules to these so this package need not import {@code classify}.
 * Immutable.
 *
 * @param group           the bucket, e.g. {@code web/tomcat}
 * @param namePatterns    exact process names (upstream {@code matches}), e.g. {@code tomcat}
 * @param cmdlinePatterns command-line regular expressions (upstream {@code cmdline_matches}), e.g.
 *                        {@code org.apache.catalina.startup.Bootstrap}
 */
public record SubgroupPatterns(GroupKey group, List<String> namePatterns, List<String> cmdlinePatterns) {

    public SubgroupPatterns {
        Objects.requireNonNull(group, "group");
        namePatterns = List.copyOf(namePatterns);
        cmdlinePatterns = List.copyOf(cmdlinePatterns);
    }

    /** True when the bucket has no pattern at all (upstream's {@code other/unknown} fallback). */
    public boolean isEmpty() {
        return namePatterns.isEmpty() && cmdlinePatterns.isEmpty();
    }
}
