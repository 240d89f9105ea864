package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One table row: the view-model of one process, kept for as long as its pid is in the snapshots
 * and updated in place each tick, so the table's sort, selection and scroll survive refreshes.
 *
 * <p>Memory values are raw bytes (the table formats them; sorting uses the numbers); a null
 * PSS/USS/swap means "unreadable", shown as "—" and sorted below every known value. CPU percent is
 * of one core. A property is only written when its value changed, so a quiet tick fires no events.
 *
 * <p>FX thread only (or the thread that plays it in view-model tests).
 */
public final class ProcessRow {

    private final int pid;
    private ProcessSample sample;
    /** Lower-cased name, command line, user, group/subgroup and pid, for the filter. */
    private String searchText;
    /** Where the name ends in {@link #searchText}, and where the command line ends (it follows the name). */
    private int nameEnd;
    private int cmdlineEnd;
    /** Sort keys as primitives (bytes; -1 = unknown, below every value): sorting reads these. */
    private long rssKey;
    private long pssKey;
    private long ussKey;
    private long swapKey;

    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper(this, "user");
    private final ReadOnlyStringWrapper group = new ReadOnlyStringWrapper(this, "group");
    private final ReadOnlyStringWrapper subgroup = new ReadOnlyStringWrapper(this, "subgroup");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state");
    private final ReadOnlyStringWrapper cmdline = new ReadOnlyStringWrapper(this, "cmdline");
    private final ReadOnlyObjectWrapper<Long> rss = new ReadOnlyObjectWrapper<>(this, "rss");
    private final ReadOnlyObjectWrapper<Long> pss = new ReadOnlyObjectWrapper<>(this, "pss");
    private final ReadOnlyObjectWrapper<Long> uss = new ReadOnlyObjectWrapper<>(this, "uss");
    private final ReadOnlyObjectWrapper<Long> swap = new ReadOnlyObjectWrapper<>(this, "swap");
    private final ReadOnlyObjectWrapper<Double> cpuPercent = new ReadOnlyObjectWrapper<>(this, "cpuPercent");
    private final ReadOnlyObjectWrapper<Double> cpuTime = new ReadOnlyObjectWrapper<>(this, "cpuTime");
    private final ReadOnlyStringWrapper matchHint = new ReadOnlyStringWrapper(this, "matchHint", "");

    public ProcessRow(ProcessSample sample) {
        this.pid = sample.pid();
        update(sample);
    }

    /**
     * Takes the values of {@code next} (same pid). Returns true when a text the filter looks at
     * changed (name, command line, user, group), so the caller knows whether to filter again.
     */
    public boolean update(ProcessSample next) {
        if (next.pid() != pid) {
            throw new IllegalArgumentException("pid " + next.pid() + " given to the row of pid " + pid);
        }
        ProcessSample before = sample;
        sample = next;
        boolean textChanged = setIfChanged(name, next.name())
                | setIfChanged(cmdline, next.cmdline())
                | setIfChanged(user, next.user())
                | setIfChanged(group, next.group().group())
                | setIfChanged(subgroup, next.group().subgroup());
        setIfChanged(state, String.valueOf(next.state()));
        // Compare primitives first: boxing 5,000 rows' values every tick only to find them equal
        // showed up in the apply benchmark.
        long nextPss = next.pssBytes().orElse(-1);
        long nextUss = next.ussBytes().orElse(-1);
        long nextSwap = next.swapBytes().orElse(-1);
        if (before == null || rssKey != next.rssBytes()) {
            rssKey = next.rssBytes();
            rss.set(rssKey);
        }
        if (before == null || pssKey != nextPss) {
            pssKey = nextPss;
            pss.set(nextPss < 0 ? null : nextPss);
        }
        if (before == null || ussKey != nextUss) {
            ussKey = nextUss;
            uss.set(nextUss < 0 ? null : nextUss);
        }
        if (before == null || swapKey != nextSwap) {
            swapKey = nextSwap;
            swap.set(nextSwap < 0 ? null : nextSwap);
        }
        if (before == null || Double.compare(before.cpuPercent(), next.cpuPercent()) != 0) {
            cpuPercent.set(next.cpuPercent());
        }
        if (before == null || Double.compare(before.cpuTimeSeconds(), next.cpuTimeSeconds()) != 0) {
            cpuTime.set(next.cpuTimeSeconds());
        }
        if (textChanged || before == null) {
            searchText = String.join("\n", next.name(), next.cmdline(), next.user(), next.group().toString(),
                    Integer.toString(pid)).toLowerCase(Locale.ROOT);
            // lower-casing keeps the length of these (almost always ASCII) texts; if a rare letter
            // does not, a hint may name the neighbouring field, never a wrong row
            nameEnd = next.name().length();
            cmdlineEnd = nameEnd + 1 + next.cmdline().length();
        }
        return textChanged;
    }

    private static boolean setIfChanged(ReadOnlyStringWrapper property, String value) {
        if (Objects.equals(property.get(), value)) {
            return false;
        }
        property.set(value);
        return true;
    }

    public int pid() {
        return pid;
    }

    /** The latest sample of this process (immutable). */
    public ProcessSample sample() {
        return sample;
    }

    /** Lower-cased text the filter searches (name, command line, user, group/subgroup, pid). */
    String searchText() {
        return searchText;
    }

    /** Where in {@link #searchText()} the name ends (exclusive). */
    int nameEnd() {
        return nameEnd;
    }

    /** Where in {@link #searchText()} the command line ends (exclusive); it starts at {@code nameEnd() + 1}. */
    int cmdlineEnd() {
        return cmdlineEnd;
    }

    /** Sets the filter's note on this row ("" for none); the view-model calls it when the filter changes. */
    void setMatchHint(String hint) {
        setIfChanged(matchHint, hint);
    }

    // Plain values for the sort comparators: cheaper than going through the properties, which
    // matters when 5,000 rows are re-sorted every tick. Bytes with -1 for unknown.
    String name() { return sample.name(); }
    String user() { return sample.user(); }
    String group() { return sample.group().group(); }
    String subgroup() { return sample.group().subgroup(); }
    String cmdline() { return sample.cmdline(); }
    char state() { return sample.state(); }
    long rssKey() { return rssKey; }
    long pssKey() { return pssKey; }
    long ussKey() { return ussKey; }
    long swapKey() { return swapKey; }
    double cpuPercent() { return sample.cpuPercent(); }
    double cpuTime() { return sample.cpuTimeSeconds(); }

    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }
    public ReadOnlyStringProperty userProperty() { return user.getReadOnlyProperty(); }
    public ReadOnlyStringProperty groupProperty() { return group.getReadOnlyProperty(); }
    public ReadOnlyStringProperty subgroupProperty() { return subgroup.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty cmdlineProperty() { return cmdline.getReadOnlyProperty(); }
    /** Bytes; always known. */
    public ReadOnlyObjectProperty<Long> rssProperty() { return rss.getReadOnlyProperty(); }
    /** Bytes; null when unreadable. */
    public ReadOnlyObjectProperty<Long> pssProperty() { return pss.getReadOnlyProperty(); }
    /** Bytes; null when unreadable. */
    public ReadOnlyObjectProperty<Long> ussProperty() { return uss.getReadOnlyProperty(); }
    /** Bytes; null when unknown. */
    public ReadOnlyObjectProperty<Long> swapProperty() { return swap.getReadOnlyProperty(); }
    /** Percent of one core over the last tick. */
    public ReadOnlyObjectProperty<Double> cpuPercentProperty() { return cpuPercent.getReadOnlyProperty(); }
    /** Seconds of user + system CPU time. */
    public ReadOnlyObjectProperty<Double> cpuTimeProperty() { return cpuTime.getReadOnlyProperty(); }
    /**
     * Where the filter text matched when that is not the name, e.g. "in command line"; empty when
     * there is no filter or the name matched. Shown beside the name so a row's presence explains itself.
     */
    public ReadOnlyStringProperty matchHintProperty() { return matchHint.getReadOnlyProperty(); }

    @Override
    public String toString() {
        return "ProcessRow[" + pid + " " + name.get() + "]";
    }
}
