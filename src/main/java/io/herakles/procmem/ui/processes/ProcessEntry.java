package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
import java.util.Locale;

/**
 * One process of the table's view-model, kept for as long as its pid is in the snapshots: its
 * latest sample, the text the filter searches, the sort keys as primitives and where the filter
 * matched. Plain values, no JavaFX properties: the table shows entries on its {@link ProcessRow
 * lines}, and only a line's properties are observed.
 *
 * <p>FX thread only (or the thread that plays it in view-model tests).
 */
public final class ProcessEntry {

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
    private String matchHint = "";
    /** Scratch for {@link ProcessTableViewModel}: set while it collects the shown entries, false otherwise. */
    boolean shownMark;

    ProcessEntry(ProcessSample sample) {
        this.pid = sample.pid();
        update(sample);
    }

    /**
     * Takes the values of {@code next} (same pid). Returns true when a text the filter looks at
     * changed (name, command line, user, group), so the caller knows whether to filter again.
     */
    boolean update(ProcessSample next) {
        if (next.pid() != pid) {
            throw new IllegalArgumentException("pid " + next.pid() + " given to the entry of pid " + pid);
        }
        ProcessSample before = sample;
        sample = next;
        rssKey = next.rssBytes();
        pssKey = next.pssBytes().orElse(-1);
        ussKey = next.ussBytes().orElse(-1);
        swapKey = next.swapBytes().orElse(-1);
        boolean textChanged = before == null
                || !before.name().equals(next.name())
                || !before.cmdline().equals(next.cmdline())
                || !before.user().equals(next.user())
                // the group's two names, not the record: its equals() is an indy call C1 does not inline
                || !before.group().group().equals(next.group().group())
                || !before.group().subgroup().equals(next.group().subgroup());
        if (textChanged) {
            searchText = String.join("\n", next.name(), next.cmdline(), next.user(), next.group().toString(),
                    Integer.toString(pid)).toLowerCase(Locale.ROOT);
            // lower-casing keeps the length of these (almost always ASCII) texts; if a rare letter
            // does not, a hint may name the neighbouring field, never a wrong process
            nameEnd = next.name().length();
            cmdlineEnd = nameEnd + 1 + next.cmdline().length();
        }
        return before != null && textChanged;
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

    /**
     * Where the filter text matched when that is not the name, e.g. "in command line"; empty when
     * there is no filter or the name matched (see {@link ProcessFilter#hintFor}).
     */
    public String matchHint() {
        return matchHint;
    }

    void setMatchHint(String hint) {
        matchHint = hint;
    }

    // Plain values for the sort comparators: 5,000 entries are sorted every tick. Bytes with -1 for unknown.
    public String name() { return sample.name(); }
    public String user() { return sample.user(); }
    public String group() { return sample.group().group(); }
    public String subgroup() { return sample.group().subgroup(); }
    public String cmdline() { return sample.cmdline(); }
    public char state() { return sample.state(); }
    public long rssKey() { return rssKey; }
    public long pssKey() { return pssKey; }
    public long ussKey() { return ussKey; }
    public long swapKey() { return swapKey; }
    public double cpuPercent() { return sample.cpuPercent(); }
    public double cpuTime() { return sample.cpuTimeSeconds(); }

    @Override
    public String toString() {
        return "ProcessEntry[" + pid + " " + sample.name() + "]";
    }
}
