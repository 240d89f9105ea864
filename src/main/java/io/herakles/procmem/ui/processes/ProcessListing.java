package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.PidSearch;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One snapshot's processes as the table shows them: an {@link ProcessEntry entry} per process in
 * pid order, the groups present, and the entries the filter lets through in the table's order.
 * Immutable, and free of JavaFX: for live snapshots it is computed on the "ui-prepare" thread
 * ({@link Preparer}), so the FX thread only shows it; for other snapshots, and when the user
 * changes the filter or the order, on the FX thread.
 *
 * <p>Each listing starts from the previous one: surviving entries are sorted from their previous
 * order, which a tick seldom changes much, so the sort is close to one pass of comparisons; and an
 * entry whose texts did not change takes its search text over. The previous listing is only a
 * shortcut: the result is the same without it.
 *
 * <p>Memory: an entry per process of the snapshot and two lists and an index array of that size,
 * nothing for processes that left (the previous listing is dropped when the next is made).
 */
public final class ProcessListing {

    /** No processes (before the first snapshot). */
    static final ProcessListing EMPTY = new ProcessListing(null, List.of(), List.of(), new int[0], List.of(),
            ProcessFilter.NONE, ProcessComparators.BY_PID);

    private final Snapshot snapshot;
    private final List<ProcessEntry> all;
    private final List<ProcessEntry> shown;
    /** For {@code all.get(i)}: its index in {@link #shown}, or -1 when the filter hides it. */
    private final int[] shownIndex;
    private final List<String> groups;
    private final ProcessFilter filter;
    private final Comparator<? super ProcessEntry> order;

    private ProcessListing(Snapshot snapshot, List<ProcessEntry> all, List<ProcessEntry> shown, int[] shownIndex,
            List<String> groups, ProcessFilter filter, Comparator<? super ProcessEntry> order) {
        this.snapshot = snapshot;
        this.all = all;
        this.shown = shown;
        this.shownIndex = shownIndex;
        this.groups = groups;
        this.filter = filter;
        this.order = order;
    }

    /**
     * The listing of {@code snapshot} with {@code filter} and {@code order}, made from
     * {@code previous} (any earlier listing; {@link #EMPTY} when there is none).
     *
     * <p>Both the snapshot and the previous entries are in pid order, so matching them is one merge
     * walk with no hashing per process.
     */
    static ProcessListing of(Snapshot snapshot, ProcessFilter filter, Comparator<? super ProcessEntry> order,
            ProcessListing previous) {
        List<ProcessSample> samples = snapshot.processes(); // pid ascending (Snapshot guarantees it)
        List<ProcessEntry> all = new ArrayList<>(samples.size());
        int[] previousIndex = new int[samples.size()];
        Set<String> groups = new HashSet<>();
        int old = 0;
        int previousPid = Integer.MIN_VALUE;
        for (ProcessSample sample : samples) {
            int pid = sample.pid();
            if (pid == previousPid) {
                continue; // a duplicate pid would break the one-entry-per-pid rule; keep the first
            }
            previousPid = pid;
            while (old < previous.all.size() && previous.all.get(old).pid() < pid) {
                old++;
            }
            ProcessEntry before = null;
            int shownBefore = -1;
            if (old < previous.all.size() && previous.all.get(old).pid() == pid) {
                before = previous.all.get(old);
                shownBefore = previous.shownIndex[old];
                old++;
            }
            previousIndex[all.size()] = shownBefore;
            ProcessEntry entry = new ProcessEntry(sample, before, all.size());
            all.add(entry);
            groups.add(entry.group());
        }
        List<String> sortedGroups = new ArrayList<>(groups);
        Collections.sort(sortedGroups);
        List<String> groupList = sortedGroups.equals(previous.groups) ? previous.groups
                : Collections.unmodifiableList(sortedGroups);
        return show(snapshot, Collections.unmodifiableList(all), previousIndex, previous.shown.size(), groupList,
                filter, order);
    }

    /** The same processes with another filter or order, sorted from this listing's order. */
    ProcessListing reshown(ProcessFilter newFilter, Comparator<? super ProcessEntry> newOrder) {
        return show(snapshot, all, shownIndex, shown.size(), groups, newFilter, newOrder);
    }

    /**
     * Filters {@code all} and sorts what passes by {@code order}, starting from the order given by
     * {@code previousIndex} (an entry's index in a previous shown list of {@code previousShown}
     * entries, or -1: those come after, in pid order).
     */
    private static ProcessListing show(Snapshot snapshot, List<ProcessEntry> all, int[] previousIndex,
            int previousShown, List<String> groups, ProcessFilter filter, Comparator<? super ProcessEntry> order) {
        ProcessEntry[] survivors = new ProcessEntry[previousShown];
        List<ProcessEntry> next = new ArrayList<>(all.size());
        List<ProcessEntry> fresh = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ProcessEntry entry = all.get(i);
            if (!filter.test(entry)) {
                continue;
            }
            int at = previousIndex[i];
            if (at >= 0) {
                survivors[at] = entry;
            } else {
                fresh.add(entry);
            }
        }
        for (ProcessEntry entry : survivors) {
            if (entry != null) {
                next.add(entry);
            }
        }
        next.addAll(fresh);
        next.sort(order);
        int[] shownIndex = new int[all.size()];
        Arrays.fill(shownIndex, -1);
        for (int k = 0; k < next.size(); k++) {
            shownIndex[next.get(k).position] = k;
        }
        return new ProcessListing(snapshot, all, Collections.unmodifiableList(next), shownIndex, groups, filter,
                order);
    }

    /** The snapshot listed (null for {@link #EMPTY}). */
    Snapshot snapshot() {
        return snapshot;
    }

    /** Every process, in pid order. */
    List<ProcessEntry> all() {
        return all;
    }

    /** The processes the filter lets through, in the table's order. */
    List<ProcessEntry> shown() {
        return shown;
    }

    /** The index in {@link #shown()} of the process of {@code pid}; -1 when it is filtered out or absent. */
    int shownIndexOf(int pid) {
        int at = positionOf(pid);
        return at < 0 ? -1 : shownIndex[at];
    }

    /** The process of {@code pid}, or null. */
    ProcessEntry entry(int pid) {
        int at = positionOf(pid);
        return at < 0 ? null : all.get(at);
    }

    /** Group names present, sorted. */
    List<String> groups() {
        return groups;
    }

    ProcessFilter filter() {
        return filter;
    }

    Comparator<? super ProcessEntry> order() {
        return order;
    }

    /** The index in {@link #all} of {@code pid} (it is in pid order), or -1. */
    private int positionOf(int pid) {
        return PidSearch.indexOf(all, ProcessEntry::pid, pid);
    }

    /**
     * Makes listings of live snapshots off the FX thread, with the filter and order the FX thread
     * last gave it; the FX thread shows a listing made with a filter or order that changed since
     * after sorting it again ({@link ProcessTableViewModel#offer}).
     *
     * <p>Threads: the setters from the FX thread (volatile, immutable values), {@link #prepare}
     * from one thread at a time, which owns the previous listing.
     */
    public static final class Preparer {
        private volatile ProcessFilter filter = ProcessFilter.NONE;
        private volatile Comparator<? super ProcessEntry> order = ProcessComparators.BY_PID;
        private ProcessListing previous = EMPTY;

        void setFilter(ProcessFilter filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
        }

        void setOrder(Comparator<? super ProcessEntry> order) {
            this.order = Objects.requireNonNull(order, "order");
        }

        /** The listing of {@code snapshot}. Pure apart from remembering it as the next one's start. */
        public ProcessListing prepare(Snapshot snapshot) {
            previous = of(snapshot, filter, order, previous);
            return previous;
        }
    }
}
