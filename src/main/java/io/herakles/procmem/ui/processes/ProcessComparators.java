package io.herakles.procmem.ui.processes;

import java.util.Comparator;

/**
 * Column comparators over raw values, so "2.00 GiB" sorts above "900 MiB" and CPU time sorts by
 * seconds. Unknown values (null: PSS/USS unreadable) sort below every known value, i.e. first
 * ascending and last descending, where "the biggest" lists should not begin with unknowns.
 */
public final class ProcessComparators {

    private ProcessComparators() {}

    /** For byte counts; null (unreadable) below every number. */
    public static final Comparator<Long> BYTES = Comparator.nullsFirst(Comparator.naturalOrder());

    /** For CPU percent and CPU seconds. */
    public static final Comparator<Double> NUMBERS = Comparator.nullsFirst(Comparator.naturalOrder());

    /** For names, users, groups: case-insensitive, then exact, so the order is total. */
    public static final Comparator<String> TEXT = Comparator.nullsFirst(
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));

    /** The order when no column is sorted: by pid ascending. */
    public static final Comparator<ProcessEntry> BY_PID = Comparator.comparingInt(ProcessEntry::pid);
}
