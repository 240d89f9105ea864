package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.ObjectBinding;

/**
 * One line of the process table: it shows one {@link ProcessEntry process} at a time, and the
 * view-model moves processes between lines when the order or the filter changes. The table's
 * items are these lines, so a re-sort changes the texts of the cells in view and not the table's
 * item list; a list change would make the table re-index and restyle every visible row (the
 * largest cost of a refresh at 5,000 processes, docs/PERFORMANCE.md). Lines are added or removed
 * at the end only when the number of shown processes changes.
 *
 * <p>Memory values are raw bytes (the table formats them); a null PSS/USS/swap means
 * "unreadable", shown as "—". CPU percent is of one core. The values are bindings computed from
 * the shown process when observed; a quiet tick invalidates none of them and fires no events.
 *
 * <p>FX thread only (or the thread that plays it in view-model tests).
 */
public final class ProcessRow {

    private ProcessEntry shown;
    /** What the values were last computed from, so that an unchanged one is not invalidated. */
    private ProcessSample shownSample;
    private long rssKey;
    private long pssKey;
    private long ussKey;
    private long swapKey;
    private String shownHint;

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
    private final ShownValue<String> matchHint = new ShownValue<>(this, ProcessEntry::matchHint);
    private final List<ShownValue<?>> all = List.of(pid, name, user, group, subgroup, state, cmdline, rss, pss, uss,
            swap, cpuPercent, cpuTime, matchHint);

    ProcessRow(ProcessEntry entry) {
        show(entry);
    }

    /**
     * Shows {@code entry} on this line (another process, or the same one with new values). Only
     * invalidates the values that changed: a line out of view is observed by nobody, so that costs
     * nothing, and a cell in view reads its value again and redraws when it differs. Values are
     * compared cheaply (primitives, and texts by reference: a text that is equal but a new object
     * costs one needless check in a visible cell, never a wrong text).
     */
    void show(ProcessEntry entry) {
        ProcessEntry before = shown;
        ProcessSample last = shownSample;
        ProcessSample now = entry.sample();
        shown = entry;
        shownSample = now;
        if (before != entry) {
            all.forEach(ShownValue::invalidate);
        } else if (now != last) {
            invalidateIf(now.name() != last.name(), name);
            invalidateIf(now.cmdline() != last.cmdline(), cmdline);
            invalidateIf(now.user() != last.user(), user);
            invalidateIf(now.group() != last.group(), group);
            invalidateIf(now.group() != last.group(), subgroup);
            invalidateIf(now.state() != last.state(), state);
            invalidateIf(rssKey != entry.rssKey(), rss);
            invalidateIf(pssKey != entry.pssKey(), pss);
            invalidateIf(ussKey != entry.ussKey(), uss);
            invalidateIf(swapKey != entry.swapKey(), swap);
            invalidateIf(Double.compare(now.cpuPercent(), last.cpuPercent()) != 0, cpuPercent);
            invalidateIf(Double.compare(now.cpuTimeSeconds(), last.cpuTimeSeconds()) != 0, cpuTime);
        }
        invalidateIf(before == entry && !entry.matchHint().equals(shownHint), matchHint);
        rssKey = entry.rssKey();
        pssKey = entry.pssKey();
        ussKey = entry.ussKey();
        swapKey = entry.swapKey();
        shownHint = entry.matchHint();
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
        return shown.pid();
    }

    /** The latest sample of the process this line shows now (immutable). */
    public ProcessSample sample() {
        return shown.sample();
    }

    /** The process this line shows now. */
    public ProcessEntry entry() {
        return shown;
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
        return "ProcessRow[" + shown.pid() + " " + shown.name() + "]";
    }

    /** One value of the process a line shows, read from it when asked (see {@link #show}). */
    private static final class ShownValue<T> extends ObjectBinding<T> {
        private final ProcessRow line;
        private final Function<ProcessEntry, T> read;

        ShownValue(ProcessRow line, Function<ProcessEntry, T> read) {
            this.line = line;
            this.read = read;
        }

        @Override
        protected T computeValue() {
            return read.apply(line.shown);
        }
    }
}
