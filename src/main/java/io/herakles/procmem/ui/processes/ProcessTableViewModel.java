package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The process table's state: the current {@link ProcessListing} (one entry per process, filtered
 * by {@link #filterProperty()} and sorted by the table's comparator), shown on the table's
 * {@link ProcessRow lines}, the i-th shown process on the i-th line.
 *
 * <p>Live snapshots come with a listing made on the "ui-prepare" thread ({@link #listingPreparer()},
 * {@link #offer}); the FX thread then only swaps it in and refreshes the lines in view. A snapshot
 * without one (a file, a moment of the history) is listed here, and so is the current one again
 * when the user changes the filter or the order.
 *
 * <p>A refresh that moves processes (a re-sort) only changes what lines show: the table's item
 * list changes only when the number of shown processes does, and then only at its end. The table
 * re-indexes and restyles every visible row on any change of its items, which was the largest
 * cost of a refresh at 5,000 processes; the table view keeps its selection on the selected pid
 * after each refresh ({@link ProcessTableView}).
 *
 * <p>Memory: the current listing (an entry per process of the current snapshot), one line per
 * shown process (about 1 KB each with its values), and the list of lines whose values were read
 * and are still listened to (the rows in view); the group list holds the groups present.
 *
 * <p>FX thread only (view-model tests play the FX thread), apart from the preparer.
 */
public final class ProcessTableViewModel {

    private ProcessListing current = ProcessListing.EMPTY;
    /** A listing made off the FX thread for the snapshot {@link #apply} is about to get, or null. */
    private ProcessListing offered;
    private final ProcessListing.Preparer preparer = new ProcessListing.Preparer();
    private final ObservableList<ProcessRow> lines = FXCollections.observableArrayList();
    private final ObservableList<ProcessRow> linesView = FXCollections.unmodifiableObservableList(lines);
    /** Lines whose values were read since they were last invalidated: the only ones a refresh looks at. */
    private List<ProcessRow> watched = new ArrayList<>();
    private final ObjectProperty<ProcessFilter> filter = new SimpleObjectProperty<>(this, "filter", ProcessFilter.NONE);
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final ObservableList<String> groupsView = FXCollections.unmodifiableObservableList(groups);
    private Comparator<? super ProcessEntry> order = ProcessComparators.BY_PID;

    public ProcessTableViewModel() {
        filter.addListener((obs, old, now) -> {
            preparer.setFilter(filter());
            show(current.reshown(filter(), order), true);
        });
    }

    /**
     * Shows {@code snapshot}: the listing offered for it when there is one (sorted again if the
     * filter or the order changed since it was made), else a listing made here.
     */
    public void apply(Snapshot snapshot) {
        ProcessListing next = offered != null && offered.snapshot() == snapshot ? offered : null;
        offered = null;
        if (next == null) {
            next = ProcessListing.of(snapshot, filter(), order, current);
        } else if (!next.filter().equals(filter()) || next.order() != order) {
            next = next.reshown(filter(), order);
        }
        show(next, false);
    }

    /**
     * Hands over the listing the "ui-prepare" thread made for the snapshot the next {@link #apply}
     * will get; it is used only for that very snapshot.
     */
    public void offer(ProcessListing listing) {
        offered = listing;
    }

    /** Makes listings of live snapshots on another thread, with this table's filter and order. */
    public ProcessListing.Preparer listingPreparer() {
        return preparer;
    }

    private void show(ProcessListing next, boolean filterChanged) {
        int count = next.shown().size();
        if (lines.size() > count) {
            // lines leave while they still show their processes: a removed line (the table's
            // selected item, a cell) keeps showing its last process, never another one
            List<ProcessRow> leaving = lines.subList(count, lines.size());
            leaving.forEach(ProcessRow::detach);
            leaving.clear();
        }
        current = next;
        if (lines.size() < count) {
            List<ProcessRow> added = new ArrayList<>(count - lines.size());
            for (int i = lines.size(); i < count; i++) {
                added.add(new ProcessRow(this, i));
            }
            lines.addAll(added);
        }
        List<ProcessRow> still = new ArrayList<>(watched.size());
        List<ProcessRow> refreshing = watched;
        // a line that stops being watched and is read again while refreshing adds itself to the new
        // list (watch); one that stays watched is not added by a read (it is never twice in a list)
        watched = still;
        for (ProcessRow line : refreshing) {
            if (line.refresh(filterChanged)) {
                still.add(line);
            }
        }
        if (!groups.equals(next.groups())) {
            groups.setAll(next.groups());
        }
    }

    /** {@code line} computed a value: refresh it from now on (until nobody listens to it). */
    void watch(ProcessRow line) {
        watched.add(line);
    }

    /** How many lines a refresh looks at now (for tests: the rows in view, not every line). */
    int watchedLineCount() {
        return watched.size();
    }

    /** The process the {@code index}-th line shows. */
    ProcessEntry shownAt(int index) {
        return current.shown().get(index);
    }

    /** The current filter, never null. */
    ProcessFilter filter() {
        return filter.get() == null ? ProcessFilter.NONE : filter.get();
    }

    /** Forgets every process (no snapshot to show, e.g. back to live before the first tick). */
    public void clear() {
        offered = null;
        show(ProcessListing.EMPTY.reshown(filter(), order), false);
    }

    /** Sets the table's order (a comparator over processes; null = by pid) and shows it. */
    public void setOrder(Comparator<? super ProcessEntry> comparator) {
        order = comparator == null ? ProcessComparators.BY_PID : comparator;
        preparer.setOrder(order);
        show(current.reshown(filter(), order), false);
    }

    /**
     * The table's lines: the shown processes, filtered and sorted. Bind the table's items to this
     * list. Read-only; it changes only when the number of shown processes changes.
     */
    public ObservableList<ProcessRow> shownRows() {
        return linesView;
    }

    /** Every process of the current snapshot, unfiltered, in pid order. Read-only. */
    public List<ProcessEntry> allEntries() {
        return current.all();
    }

    /** The process of {@code pid}, if it is in the current snapshot (shown or filtered out). */
    public Optional<ProcessEntry> entry(int pid) {
        return Optional.ofNullable(current.entry(pid));
    }

    /** The line showing {@code pid}, if that process is shown now. */
    public Optional<ProcessRow> row(int pid) {
        int index = indexOf(pid);
        return index < 0 ? Optional.empty() : Optional.of(lines.get(index));
    }

    /** The index of the line showing {@code pid}; -1 when that process is not shown. */
    public int indexOf(int pid) {
        return current.shownIndexOf(pid);
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
