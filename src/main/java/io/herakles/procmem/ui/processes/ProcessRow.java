package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
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
        setIfChanged(rss, next.rssBytes());
        setIfChanged(pss, boxed(next.pssBytes()));
        setIfChanged(uss, boxed(next.ussBytes()));
        setIfChanged(swap, boxed(next.swapBytes()));
        setIfChanged(cpuPercent, next.cpuPercent());
        setIfChanged(cpuTime, next.cpuTimeSeconds());
        if (textChanged || before == null) {
            searchText = String.join("\n", next.name(), next.cmdline(), next.user(), next.group().toString(),
                    Integer.toString(pid)).toLowerCase(Locale.ROOT);
        }
        return textChanged;
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static boolean setIfChanged(ReadOnlyStringWrapper property, String value) {
        if (Objects.equals(property.get(), value)) {
            return false;
        }
        property.set(value);
        return true;
    }

    private static <T> void setIfChanged(ReadOnlyObjectWrapper<T> property, T value) {
        if (!Objects.equals(property.get(), value)) {
            property.set(value);
        }
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

    @Override
    public String toString() {
        return "ProcessRow[" + pid + " " + name.get() + "]";
    }
}
