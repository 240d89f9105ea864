package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ChangeListener;

/**
 * One line of the process table: the i-th line shows the i-th process the table shows, whichever
 * that is after the latest refresh, filter or sort. The table's items are these lines, so a
 * re-sort changes the texts of the cells in view and not the table's item list; a list change
 * would make the table re-index and restyle every visible row (the largest cost of a refresh at
 * 5,000 processes, docs/PERFORMANCE.md). Lines are added or removed at the end only when the
 * number of shown processes changes.
 *
 * <p>Memory values are raw bytes (the table formats them); a null PSS/USS/swap means
 * "unreadable", shown as "—". CPU percent is of one core. The values are bindings computed from
 * the line's process when read. Only a line whose values were read is looked at on a refresh
 * (the view-model keeps those, a few dozen: the rows in view), and only its values that changed
 * are invalidated; a line nobody listens to any more is forgotten until it is read again. So a
 * refresh costs the rows in view, not the 5,000 lines.
 *
 * <p>FX thread only (or the thread that plays it in view-model tests).
 */
public final class ProcessRow {

    private final ProcessTableViewModel table;
    private final int index;
    /** The process the valid values were computed from; null when none is valid (the table does not watch the line). */
    private ProcessEntry computedFrom;
    /** The process a line removed from the table keeps showing; null while the line is in the table. */
    private ProcessEntry detached;
    /** Listeners on this line's values, counted so that a line out of view can be forgotten. */
    private int listeners;

    private final ShownValue<Integer> pid = new ShownValue<>(this, ProcessEntry::pid);
    private final ShownValue<String> name = new ShownValue<>(this, ProcessEntry::name);
    private final ShownValue<String> user = new ShownValue<>(this, ProcessEntry::user);
    private final ShownValue<String> group = new ShownValue<>(this, ProcessEntry::group);
    private final ShownValue<String> subgroup = new ShownValue<>(this, ProcessEntry::subgroup);
    private final ShownValue<String> state = new ShownValue<>(this, e -> String.valueOf(e.state()));
    private final ShownValue<String> cmdline = new ShownValue<>(this, ProcessEntry::cmdline);
    private final ShownValue<Long> rss = new ShownValue<>(this, ProcessEntry::rssKey);
    private final ShownValue<Long> pss = new ShownValue<>(this, e -> known(e.pssKey()));
    private final ShownValue<Long> uss = new ShownValue<>(this, e -> known(e.ussKey()));
    private final ShownValue<Long> swap = new ShownValue<>(this, e -> known(e.swapKey()));
    private final ShownValue<Double> cpuPercent = new ShownValue<>(this, ProcessEntry::cpuPercent);
    private final ShownValue<Double> cpuTime = new ShownValue<>(this, ProcessEntry::cpuTime);
    private final ShownValue<String> matchHint;
    private final List<ShownValue<?>> all;

    ProcessRow(ProcessTableViewModel table, int index) {
        this.table = table;
        this.index = index;
        matchHint = new ShownValue<>(this, e -> table.filter().hintFor(e));
        all = List.of(pid, name, user, group, subgroup, state, cmdline, rss, pss, uss, swap, cpuPercent, cpuTime,
                matchHint);
    }

    /**
     * Brings this watched line up to the table's latest listing: invalidates the values that
     * changed since they were computed ({@code filterChanged}: the match hint too), whether the
     * line shows the same process or another one. Returns whether the table
     * should go on watching the line: false when nobody listens to it any more, after
     * invalidating all of its values.
     */
    boolean refresh(boolean filterChanged) {
        ProcessEntry before = computedFrom;
        if (before == null) {
            return false;
        }
        if (listeners <= 0 || detached != null) {
            computedFrom = null;
            all.forEach(ShownValue::invalidate);
            return false;
        }
        ProcessEntry entry = entry();
        computedFrom = entry;
        ProcessSample last = before.sample();
        ProcessSample now = entry.sample();
        if (now != last) {
            // another process on this line (a re-sort) often has the same user, group or state:
            // a cell whose text stays is neither updated nor laid out
            invalidateIf(now.pid() != last.pid(), pid);
            invalidateIf(!now.name().equals(last.name()), name);
            invalidateIf(!now.cmdline().equals(last.cmdline()), cmdline);
            invalidateIf(!now.user().equals(last.user()), user);
            invalidateIf(!now.group().group().equals(last.group().group()), group);
            invalidateIf(!now.group().subgroup().equals(last.group().subgroup()), subgroup);
            invalidateIf(now.state() != last.state(), state);
            invalidateIf(before.rssKey() != entry.rssKey(), rss);
            invalidateIf(before.pssKey() != entry.pssKey(), pss);
            invalidateIf(before.ussKey() != entry.ussKey(), uss);
            invalidateIf(before.swapKey() != entry.swapKey(), swap);
            invalidateIf(Double.compare(now.cpuPercent(), last.cpuPercent()) != 0, cpuPercent);
            invalidateIf(Double.compare(now.cpuTimeSeconds(), last.cpuTimeSeconds()) != 0, cpuTime);
        }
        invalidateIf(filterChanged || before.searchText() != entry.searchText(), matchHint);
        return true;
    }

    /** The table removes this line: it keeps showing its process and is no longer refreshed. */
    void detach() {
        detached = entry();
    }

    /** A value is being computed: from now on the table watches this line (while it is in the table). */
    private void computing() {
        if (computedFrom == null && detached == null) {
            table.watch(this);
        }
        computedFrom = entry();
    }

    private static void invalidateIf(boolean changed, ShownValue<?> value) {
        if (changed) {
            value.invalidate();
        }
    }

    private static Long known(long bytes) {
        return bytes < 0 ? null : bytes;
    }

    /** The pid of the process this line shows now. */
    public int pid() {
        return entry().pid();
    }

    /** The latest sample of the process this line shows now (immutable). */
    public ProcessSample sample() {
        return entry().sample();
    }

    /** The process this line shows now. */
    public ProcessEntry entry() {
        return detached != null ? detached : table.shownAt(index);
    }

    /** The pid of the process shown (changes when another process moves onto this line). */
    public ObjectBinding<Integer> pidProperty() { return pid; }
    public ObjectBinding<String> nameProperty() { return name; }
    public ObjectBinding<String> userProperty() { return user; }
    public ObjectBinding<String> groupProperty() { return group; }
    public ObjectBinding<String> subgroupProperty() { return subgroup; }
    public ObjectBinding<String> stateProperty() { return state; }
    public ObjectBinding<String> cmdlineProperty() { return cmdline; }
    /** Bytes; always known. */
    public ObjectBinding<Long> rssProperty() { return rss; }
    /** Bytes; null when unreadable. */
    public ObjectBinding<Long> pssProperty() { return pss; }
    /** Bytes; null when unreadable. */
    public ObjectBinding<Long> ussProperty() { return uss; }
    /** Bytes; null when unknown. */
    public ObjectBinding<Long> swapProperty() { return swap; }
    /** Percent of one core over the last tick. */
    public ObjectBinding<Double> cpuPercentProperty() { return cpuPercent; }
    /** Seconds of user + system CPU time. */
    public ObjectBinding<Double> cpuTimeProperty() { return cpuTime; }
    /**
     * Where the filter text matched when that is not the name, e.g. "in command line"; empty when
     * there is no filter or the name matched. Shown beside the name so a row's presence explains itself.
     */
    public ObjectBinding<String> matchHintProperty() { return matchHint; }

    @Override
    public String toString() {
        return "ProcessRow[" + index + ": " + entry() + "]";
    }

    /** One value of the process a line shows, read from it when asked; counts its listeners for the line. */
    private static final class ShownValue<T> extends ObjectBinding<T> {
        private final ProcessRow line;
        private final Function<ProcessEntry, T> read;

        ShownValue(ProcessRow line, Function<ProcessEntry, T> read) {
            this.line = line;
            this.read = read;
        }

        @Override
        protected T computeValue() {
            line.computing();
            return read.apply(line.entry());
        }

        @Override
        public void addListener(InvalidationListener listener) {
            super.addListener(listener);
            line.listeners++;
        }

        @Override
        public void removeListener(InvalidationListener listener) {
            super.removeListener(listener);
            line.listeners--;
        }

        @Override
        public void addListener(ChangeListener<? super T> listener) {
            super.addListener(listener);
            line.listeners++;
        }

        @Override
        public void removeListener(ChangeListener<? super T> listener) {
            super.removeListener(listener);
            line.listeners--;
        }
    }
}
