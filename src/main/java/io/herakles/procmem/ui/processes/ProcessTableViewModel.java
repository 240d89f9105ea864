package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The process table's state: one {@link ProcessRow} per pid, reconciled in place on every
 * snapshot (surviving pids keep their row object, gone pids are removed, new pids added), then
 * filtered by {@link #filterProperty()} and sorted by the table's comparator.
 *
 * <p>After each reconcile the shown rows are sorted as a plain list that starts in the previous
 * order (so it is nearly sorted and the sort is close to one pass), and {@link ShownRows} reports
 * only what changed: nothing when no two rows swapped, else removals, additions and one
 * permutation — the kinds of change that keep the table's selection and scroll position.
 *
 * <p>Memory: one row per process of the current snapshot (about 1 KB each with its properties),
 * nothing for processes that left; the group list holds the groups present.
 *
 * <p>FX thread only (view-model tests play the FX thread).
 */
public final class ProcessTableViewModel {

    private final Map<Integer, ProcessRow> byPid = new HashMap<>();
    /** The same rows as {@link #byPid}, in pid order (the order snapshots come in). */
    private List<ProcessRow> rowsByPid = new ArrayList<>();
    private final ShownRows shown = new ShownRows();
    private final ObservableList<ProcessRow> shownView = FXCollections.unmodifiableObservableList(shown);
    private final ObjectProperty<ProcessFilter> filter = new SimpleObjectProperty<>(this, "filter", ProcessFilter.NONE);
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    /** Rows per group name, sorted by name; a group leaves when its count reaches zero. */
    private final Map<String, Integer> groupCounts = new TreeMap<>();
    private final ObservableList<String> groupsView = FXCollections.unmodifiableObservableList(groups);
    private Comparator<? super ProcessRow> order = ProcessComparators.BY_PID;

    public ProcessTableViewModel() {
        filter.addListener((obs, old, now) -> refreshShown());
    }

    /**
     * Makes the rows match {@code snapshot}: updates surviving rows in place, removes rows of gone
     * pids, adds rows for new pids, refreshes the group list, then filters and sorts the shown rows.
     *
     * <p>Both the snapshot and {@link #rowsByPid} are in pid order, so this is one merge walk with
     * no hashing per process; the map is only touched for added and gone pids.
     */
    public void apply(Snapshot snapshot) {
        List<ProcessSample> samples = snapshot.processes(); // pid ascending (Snapshot guarantees it)
        List<ProcessRow> next = new ArrayList<>(samples.size());
        List<ProcessRow> added = new ArrayList<>();
        List<ProcessRow> gone = new ArrayList<>();
        int old = 0;
        int previousPid = Integer.MIN_VALUE;
        for (ProcessSample sample : samples) {
            int pid = sample.pid();
            if (pid == previousPid) {
                continue; // a duplicate pid would break the one-row-per-pid rule; keep the first
            }
            previousPid = pid;
            while (old < rowsByPid.size() && rowsByPid.get(old).pid() < pid) {
                gone.add(rowsByPid.get(old++));
            }
            ProcessRow row;
            if (old < rowsByPid.size() && rowsByPid.get(old).pid() == pid) {
                row = rowsByPid.get(old++);
                String groupBefore = row.group();
                row.update(sample);
                if (!groupBefore.equals(row.group())) {
                    countGroup(groupBefore, -1);
                    countGroup(row.group(), +1);
                }
            } else {
                row = new ProcessRow(sample);
                byPid.put(pid, row);
                added.add(row);
            }
            next.add(row);
        }
        while (old < rowsByPid.size()) {
            gone.add(rowsByPid.get(old++));
        }
        rowsByPid = next;
        for (ProcessRow row : added) {
            countGroup(row.group(), +1);
        }
        for (ProcessRow row : gone) {
            byPid.remove(row.pid());
            countGroup(row.group(), -1);
        }
        publishGroups();
        refreshShown(gone);
    }

    private void refreshShown() {
        refreshShown(List.of());
    }

    /**
     * Filters and sorts the rows into {@link #shown}. The candidates start in the order shown now
     * (minus {@code gone}), new rows after them, so the sort finds a nearly sorted list: TimSort
     * then needs little more than one pass of comparisons.
     */
    private void refreshShown(List<ProcessRow> gone) {
        Set<ProcessRow> left = Collections.newSetFromMap(new IdentityHashMap<>());
        left.addAll(gone);
        Set<ProcessRow> placed = Collections.newSetFromMap(new IdentityHashMap<>(rowsByPid.size() * 2));
        List<ProcessRow> next = new ArrayList<>(rowsByPid.size());
        ProcessFilter f = filter.get();
        boolean everything = f == null || f.isEmpty();
        for (ProcessRow row : shown) {
            if (!left.contains(row) && (everything || f.test(row))) {
                next.add(row);
                placed.add(row);
            }
        }
        for (ProcessRow row : rowsByPid) {
            if (!placed.contains(row) && (everything || f.test(row))) {
                next.add(row);
            }
        }
        next.sort(order);
        shown.show(next);
    }

    private void countGroup(String group, int delta) {
        groupCounts.merge(group, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** Replaces the group list when the set of groups changed (kept by counting, not by a scan). */
    private void publishGroups() {
        if (!groups.equals(List.copyOf(groupCounts.keySet()))) {
            groups.setAll(groupCounts.keySet());
        }
    }

    /** Forgets every row (no snapshot to show, e.g. back to live before the first tick). */
    public void clear() {
        byPid.clear();
        rowsByPid = new ArrayList<>();
        shown.show(List.of());
        groupCounts.clear();
        groups.clear();
    }

    /** Sets the table's order (its comparator; null = by pid) and re-sorts. */
    public void setOrder(Comparator<? super ProcessRow> comparator) {
        order = comparator == null ? ProcessComparators.BY_PID : comparator;
        refreshShown();
    }

    /** The rows to show: filtered and sorted. Bind the table's items to this list. Read-only. */
    public ObservableList<ProcessRow> shownRows() {
        return shownView;
    }

    /** Every row, unfiltered, in pid order. Read-only view. */
    public List<ProcessRow> allRows() {
        return Collections.unmodifiableList(rowsByPid);
    }

    /** The row of {@code pid}, if that process is in the current snapshot. */
    public Optional<ProcessRow> row(int pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    /** The current filter; set it from the filter bar. */
    public ObjectProperty<ProcessFilter> filterProperty() {
        return filter;
    }

    /** Group names present in the current snapshot, sorted; replaced only when the set changes. */
    public ObservableList<String> groups() {
        return groupsView;
    }
}
