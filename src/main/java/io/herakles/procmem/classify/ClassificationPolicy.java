package io.herakles.procmem.classify;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's per-process policy, applied to a raw classification:
 * <ol>
 *   <li>{@code disable_others} drops a raw group equal to {@code other};</li>
 *   <li>{@code search_mode = include} keeps only processes whose raw group is in
 *       {@code search_groups} or raw subgroup is in {@code search_subgroups}; {@code exclude} drops
 *       them; any other value keeps everything. Exact, case-sensitive. An unclassified process has
 *       the raw subgroup {@code unknown} here, as upstream;</li>
 *   <li>a group equal to {@code other} (any case) is exported as {@code other/other}.</li>
 * </ol>
 * Immutable, thread-safe.
 */
public final class ClassificationPolicy {

    /** The raw pair of a process no rule matched (upstream: {@code ("other", "unknown")}). */
    public static final GroupKey UNCLASSIFIED = new GroupKey("other", "unknown");

    private final boolean disableOthers;
    private final String searchMode;
    private final List<String> searchGroups;
    private final List<String> searchSubgroups;

    public ClassificationPolicy(ExporterConfig config) {
        this.disableOthers = config.disableOthers();
        this.searchMode = config.searchMode();
        this.searchGroups = config.searchGroups();
        this.searchSubgroups = config.searchSubgroups();
    }

    /**
     * The exported pair for a raw pair.
     *
     * @return the pair to export, or empty when the configuration drops the process
     */
    public Optional<GroupKey> apply(GroupKey raw) {
        if (disableOthers && raw.group().equals("other")) {
            return Optional.empty();
        }
        boolean listed = searchGroups.contains(raw.group()) || searchSubgroups.contains(raw.subgroup());
        if ("include".equals(searchMode) && !listed || "exclude".equals(searchMode) && listed) {
            return Optional.empty();
        }
        return Optional.of(raw.isOther() ? GroupKey.OTHER : raw);
    }
}
