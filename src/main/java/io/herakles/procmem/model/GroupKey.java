package io.herakles.procmem.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A classification bucket: {@code group/subgroup}, e.g. {@code db/postgres}. Immutable.
 * Ordered by group, then subgroup (byte order of the strings), the order of every listing.
 */
public record GroupKey(String group, String subgroup) implements Comparable<GroupKey> {

    /** Where unclassified processes land in every output (upstream's normalised pair). */
    public static final GroupKey OTHER = new GroupKey("other", "other");

    private static final Comparator<GroupKey> ORDER =
            Comparator.comparing(GroupKey::group).thenComparing(GroupKey::subgroup);

    public GroupKey {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(subgroup, "subgroup");
    }

    /** True for upstream's "other" bucket (case-insensitive, as upstream compares it). */
    public boolean isOther() {
        return group.equalsIgnoreCase("other");
    }

    @Override
    public int compareTo(GroupKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return group + "/" + subgroup;
    }
}
