package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The process table's state: one {@link ProcessEntry} per pid, reconciled in place on every
 * snapshot (surviving pids keep their entry, gone pids are removed, new pids added), filtered by
 * {@link #filterProperty()} and sorted by the table's comparator; then shown on the table's
 * {@link ProcessRow lines}, the i-th shown process on the i-th line.
 *
 * <p>A refresh that moves processes (a re-sort) only changes what lines show: the table's item
 * list changes only when the number of shown processes does, and then only at its end. The table
 * re-indexes and restyles every visible row on any change of its items, which was the largest
 * cost of a refresh at 5,000 processes; the table view keeps its selection on the selected pid
 * after each refresh ({@link ProcessTableView}). Sorting starts from the previous order, which a
 * tick seldom changes much, so it is close to one pass of comparisons.
 *
 * <p>Memory: one entry per process of the current snapshot and one line per shown process (about
 * 1 KB each with its properties), nothing for processes that left; the group list holds the
 * groups present.
 *
 * <p>FX thread only (view-model tests play the FX thread).
 */
public final class ProcessTableViewModel {

    private final Map<Integer, ProcessEntry> byPid = new HashMap<>();
    /** The same entries as {@link #byPid}, in pid order (the order snapshots come in). */
    private List<ProcessEntry> entriesByPid = new ArrayList<>();
    /** The entries the lines show, in the lines' order. */
    private List<ProcessEntry> shown = new ArrayList<>();
    private final ObservableList<ProcessRow> lines = FXCollections.observableArrayList();
    private final ObservableList<ProcessRow> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ObjectProperty<ProcessFilter> filter = new SimpleObjectProperty<>(this, "filter", ProcessFilter.NONE);
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    /** Entries per group name, sorted by name; a group leaves when its count reaches zero. */
    private final Map<String, Integer> groupCounts = new TreeMap<>();
    private final ObservableList<String> groupsView = FXCollections.unmodifiableObservableList(groups);
    private Comparator<? super ProcessEntry> order = ProcessComparators.BY_PID;
    /** Whether some entry may carry a match hint (a text filter was set since the last clearing). */
    private boolean hinted;

    public ProcessTableViewModel() {
        filter.addListener((obs, old, now) -> {
            updateHints();
            showEntries(true);
        });
    }

    /**
     * Makes the entries match {@code snapshot}: updates surviving entries in place, removes gone
     * pids, adds new pids, refreshes the group list, then filters, sorts and shows them.
     *
     * <p>Both the snapshot and {@link #entriesByPid} are in pid order, so this is one merge walk
     * with no hashing per process; the map is only touched for added and gone pids.
     */
    public void apply(Snapshot snapshot) {
        List<ProcessSample> samples = snapshot.processes(); // pid ascending (Snapshot guarantees it)
        List<ProcessEntry> next = new ArrayList<>(samples.size());
        boolean textChanged = false;
        boolean membershipChanged = false;
        int old = 0;
        int previousPid = Integer.MIN_VALUE;
        for (ProcessSample sample : samples) {
            int pid = sample.pid();
            if (pid == previousPid) {
                continue; // a duplicate pid would break the one-entry-per-pid rule; keep the first
            }
            previousPid = pid;
            while (old < entriesByPid.size() && entriesByPid.get(old).pid() < pid) {
                forget(entriesByPid.get(old++));
                membershipChanged = true;
            }
            ProcessEntry entry;
            if (old < entriesByPid.size() && entriesByPid.get(old).pid() == pid) {
                entry = entriesByPid.get(old++);
                String groupBefore = entry.group();
                textChanged |= entry.update(sample);
                if (!groupBefore.equals(entry.group())) {
                    countGroup(groupBefore, -1);
                    countGroup(entry.group(), +1);
                }
            } else {
                entry = new ProcessEntry(sample);
                byPid.put(pid, entry);
                countGroup(entry.group(), +1);
                membershipChanged = true;
                textChanged = true;
            }
            next.add(entry);
        }
        while (old < entriesByPid.size()) {
            forget(entriesByPid.get(old++));
            membershipChanged = true;
        }
        entriesByPid = next;
        if (textChanged) {
            updateHints();
        }
        publishGroups();
        showEntries(membershipChanged || (textChanged && !filter.get().isEmpty()));
    }

    private void forget(ProcessEntry gone) {
        byPid.remove(gone.pid());
        countGroup(gone.group(), -1);
    }

    /**
     * Filters and sorts the entries onto the lines. With {@code refilter} false the shown set is
     * the same as before (no process came, left or changed a filtered text) and only their order
     * is checked; else the set is taken again, surviving entries first in their previous order, so
     * that the sort meets a nearly sorted list.
     */
    private void showEntries(boolean refilter) {
        List<ProcessEntry> next;
        if (refilter) {
            ProcessFilter current = filter.get() == null ? ProcessFilter.NONE : filter.get();
            next = new ArrayList<>(entriesByPid.size());
            for (ProcessEntry entry : shown) {
                if (byPid.get(entry.pid()) == entry && current.test(entry)) {
                    next.add(entry);
                    entry.shownMark = true;
                }
            }
            for (ProcessEntry entry : entriesByPid) {
                if (!entry.shownMark && current.test(entry)) {
                    next.add(entry);
                }
            }
            for (ProcessEntry entry : next) {
                entry.shownMark = false;
            }
        } else {
            next = new ArrayList<>(shown);
        }
        next.sort(order);
        shown = next;
        fitLines(next.size());
        for (int i = 0; i < next.size(); i++) {
            lines.get(i).show(next.get(i));
        }
    }

    /** Adds or removes lines at the end so that there are {@code count}. */
    private void fitLines(int count) {
        if (lines.size() > count) {
            lines.remove(count, lines.size());
        } else if (lines.size() < count) {
            List<ProcessRow> added = new ArrayList<>(count - lines.size());
            for (int i = lines.size(); i < count; i++) {
                added.add(new ProcessRow(shown.get(i)));
            }
            lines.addAll(added);
        }
    }

    /**
     * Tells each entry where the filter text matched, when not in a visible column (see
     * {@link ProcessFilter#hintFor}). One substring search per entry, only when the filter or a
     * searched text changed; the lines show the hints.
     */
    private void updateHints() {
        ProcessFilter current = filter.get() == null ? ProcessFilter.NONE : filter.get();
        if (current.text().isEmpty() && !hinted) {
            return;
        }
        for (ProcessEntry entry : entriesByPid) {
            entry.setMatchHint(current.hintFor(entry));
        }
        hinted = !current.text().isEmpty();
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

    /** Forgets every process (no snapshot to show, e.g. back to live before the first tick). */
    public void clear() {
        byPid.clear();
        entriesByPid = new ArrayList<>();
        shown = new ArrayList<>();
        lines.clear();
        groupCounts.clear();
        groups.clear();
    }

    /** Sets the table's order (a comparator over processes; null = by pid) and shows it. */
    public void setOrder(Comparator<? super ProcessEntry> comparator) {
        order = comparator == null ? ProcessComparators.BY_PID : comparator;
        showEntries(false);
    }

    /**
     * The table's lines: the shown processes, filtered and sorted. Bind the table's items to this
     * list. Read-only; it changes only when the number of shown processes changes.
     */
    public ObservableList<ProcessRow> shownRows() {
        return linesView;
    }

    /** Every process of the current snapshot, unfiltered, in pid order. Read-only view. */
    public List<ProcessEntry> allEntries() {
        return Collections.unmodifiableList(entriesByPid);
    }

    /** The process of {@code pid}, if it is in the current snapshot (shown or filtered out). */
    public Optional<ProcessEntry> entry(int pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    /** The line showing {@code pid}, if that process is shown now. */
    public Optional<ProcessRow> row(int pid) {
        int index = indexOf(pid);
        return index < 0 ? Optional.empty() : Optional.of(lines.get(index));
    }

    /** The index of the line showing {@code pid}; -1 when that process is not shown. */
    public int indexOf(int pid) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).pid() == pid) {
                return i;
            }
        }
        return -1;
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
