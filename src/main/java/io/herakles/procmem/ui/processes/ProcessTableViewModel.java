package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The process table's state: one {@link ProcessRow} per pid, reconciled in place on every
 * snapshot (surviving pids keep their row object, gone pids are removed, new pids added), then
 * filtered by {@link #filterProperty()} and sorted by the table's comparator.
 *
 * <p>Rows change in place, which a {@link SortedList} does not notice; so after each reconcile the
 * sorted list is given a fresh comparator wrapper, which makes it re-sort with one permutation
 * change — the kind of change that keeps the table's selection and scroll position. When the rows
 * are still in order after a reconcile (values moved but no two swapped), nothing is re-sorted.
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
    private final ObservableList<ProcessRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ProcessRow> filtered = new FilteredList<>(rows);
    private final SortedList<ProcessRow> sorted = new SortedList<>(filtered, ProcessComparators.BY_PID);
    private final ObjectProperty<ProcessFilter> filter = new SimpleObjectProperty<>(this, "filter", ProcessFilter.NONE);
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    /** Rows per group name, sorted by name; a group leaves when its count reaches zero. */
    private final Map<String, Integer> groupCounts = new TreeMap<>();
    private final ObservableList<String> groupsView = FXCollections.unmodifiableObservableList(groups);
    private Comparator<? super ProcessRow> order = ProcessComparators.BY_PID;
    /** Whether some row may carry a match hint (a text filter was set since the last clearing). */
    private boolean hinted;

    public ProcessTableViewModel() {
        filter.addListener((obs, old, now) -> {
            filtered.setPredicate(now == null || now.isEmpty() ? null : now);
            updateHints();
        });
    }

    /**
     * Makes the rows match {@code snapshot}: updates surviving rows in place, removes rows of gone
     * pids, adds rows for new pids, refreshes the group list, filters again if a filtered text
     * changed, and re-sorts.
     *
     * <p>Both the snapshot and {@link #rowsByPid} are in pid order, so this is one merge walk with
     * no hashing per process; the map is only touched for added and gone pids.
     */
    public void apply(Snapshot snapshot) {
        List<ProcessSample> samples = snapshot.processes(); // pid ascending (Snapshot guarantees it)
        List<ProcessRow> next = new ArrayList<>(samples.size());
        List<ProcessRow> added = new ArrayList<>();
        List<ProcessRow> gone = new ArrayList<>();
        boolean textChanged = false;
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
                textChanged |= row.update(sample);
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
        applyMembership(added, gone);
        if (textChanged && !filter.get().isEmpty()) {
            filtered.setPredicate(null);
            filtered.setPredicate(filter.get());
        }
        if (textChanged || !added.isEmpty()) {
            updateHints();
        }
        publishGroups();
        if (!inOrder()) {
            resort();
        }
    }

    /**
     * Tells each row where the filter text matched, when not in a visible column (see
     * {@link ProcessFilter#hintFor}). One substring search per row, only when the filter or a
     * searched text changed, and a row property is written only when its hint changes.
     */
    private void updateHints() {
        ProcessFilter current = filter.get() == null ? ProcessFilter.NONE : filter.get();
        if (current.text().isEmpty() && !hinted) {
            return;
        }
        for (ProcessRow row : rows) {
            row.setMatchHint(current.hintFor(row));
        }
        hinted = !current.text().isEmpty();
    }

    /**
     * Whether the shown rows are still in the table's order after rows changed in place: one pass
     * of comparisons, much cheaper than a re-sort whose permutation change makes the table
     * re-index its selection and rebuild every visible cell.
     */
    private boolean inOrder() {
        for (int i = 1; i < sorted.size(); i++) {
            if (order.compare(sorted.get(i - 1), sorted.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private void applyMembership(List<ProcessRow> added, List<ProcessRow> gone) {
        for (ProcessRow row : added) {
            countGroup(row.group(), +1);
        }
        if (!gone.isEmpty()) {
            for (ProcessRow row : gone) {
                byPid.remove(row.pid());
                countGroup(row.group(), -1);
            }
            rows.removeAll(new HashSet<>(gone));
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
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
        rows.clear();
        groupCounts.clear();
        groups.clear();
    }

    /** Sets the table's order (its comparator; null = by pid) and re-sorts. */
    public void setOrder(Comparator<? super ProcessRow> comparator) {
        order = comparator == null ? ProcessComparators.BY_PID : comparator;
        resort();
    }

    /** Re-sorts the shown rows with the current order (rows change in place, see the class comment). */
    public void resort() {
        Comparator<? super ProcessRow> current = order;
        sorted.setComparator((a, b) -> current.compare(a, b));
    }

    /** The rows to show: filtered and sorted. Bind the table's items to this list. */
    public SortedList<ProcessRow> shownRows() {
        return sorted;
    }

    /** Every row, unfiltered, unsorted. Read-only view. */
    public List<ProcessRow> allRows() {
        return Collections.unmodifiableList(rows);
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
