package io.herakles.procmem.ui.processes;

import java.util.Comparator;

/**
 * The orders {@link SortOrder} builds the table's order from: texts, and pid when no column is
 * sorted. Sizes and CPU sort by their raw keys ({@link ProcessEntry#ussKey()} and the like), where
 * an unknown value (-1) sorts below every known one, i.e. first ascending and last descending, where
 * "the biggest" lists should not begin with unknowns.
 */
public final class ProcessComparators {

    private ProcessComparators() {}

    /** For names, users, groups: case-insensitive, then exact, so the order is total. */
    public static final Comparator<String> TEXT = Comparator.nullsFirst(
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));

    /** The order when no column is sorted: by pid ascending. */
    public static final Comparator<ProcessEntry> BY_PID = Comparator.comparingInt(ProcessEntry::pid);
}
