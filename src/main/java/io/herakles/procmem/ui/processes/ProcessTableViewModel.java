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
import java.util.Set;
import java.util.TreeSet;
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
 * change — the kind of change that keeps the table's selection and scroll position.
 *
 * <p>FX thread only (view-model tests play the FX thread).
 */
public final class ProcessTableViewModel {

    private final Map<Integer, ProcessRow> byPid = new HashMap<>();
    private final ObservableList<ProcessRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ProcessRow> filtered = new FilteredList<>(rows);
    private final SortedList<ProcessRow> sorted = new SortedList<>(filtered, ProcessComparators.BY_PID);
    private final ObjectProperty<ProcessFilter> filter = new SimpleObjectProperty<>(this, "filter", ProcessFilter.NONE);
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final ObservableList<String> groupsView = FXCollections.unmodifiableObservableList(groups);
    private Comparator<? super ProcessRow> order = ProcessComparators.BY_PID;

    public ProcessTableViewModel() {
        filter.addListener((obs, old, now) -> filtered.setPredicate(now == null || now.isEmpty() ? null : now));
    }

    /**
     * Makes the rows match {@code snapshot}: updates surviving rows in place, removes rows of gone
     * pids, adds rows for new pids, refreshes the group list, filters again if a filtered text
     * changed, and re-sorts.
     */
    public void apply(Snapshot snapshot) {
        List<ProcessRow> added = new ArrayList<>();
        Set<Integer> seen = new HashSet<>(snapshot.processes().size() * 2);
        boolean textChanged = false;
        for (ProcessSample sample : snapshot.processes()) {
            seen.add(sample.pid());
            ProcessRow row = byPid.get(sample.pid());
            if (row == null) {
                row = new ProcessRow(sample);
                byPid.put(sample.pid(), row);
                added.add(row);
            } else {
                textChanged |= row.update(sample);
            }
        }
        removeGone(seen);
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
        if (textChanged && !filter.get().isEmpty()) {
            filtered.setPredicate(null);
            filtered.setPredicate(filter.get());
        }
        updateGroups(snapshot);
        resort();
    }

    private void removeGone(Set<Integer> seen) {
        if (byPid.size() == seen.size()) {
            return; // every pid seen has a row, so equal sizes mean no row is gone
        }
        List<ProcessRow> gone = new ArrayList<>();
        byPid.values().removeIf(row -> {
            if (seen.contains(row.pid())) {
                return false;
            }
            gone.add(row);
            return true;
        });
        if (!gone.isEmpty()) {
            rows.removeAll(new HashSet<>(gone));
        }
    }

    private void updateGroups(Snapshot snapshot) {
        Set<String> names = new TreeSet<>();
        for (ProcessSample p : snapshot.processes()) {
            names.add(p.group().group());
        }
        if (!names.equals(new TreeSet<>(groups))) {
            groups.setAll(names);
        }
    }

    /** Forgets every row (no snapshot to show, e.g. back to live before the first tick). */
    public void clear() {
        byPid.clear();
        rows.clear();
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
