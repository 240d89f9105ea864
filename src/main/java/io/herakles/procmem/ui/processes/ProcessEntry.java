package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
import java.util.Locale;

/**
 * One process of one {@link ProcessListing}: its sample, the text the filter searches and the sort
 * keys as primitives. Immutable, so a listing computed on the "ui-prepare" thread can be shown on
 * the FX thread; the next listing makes new entries, taking the search text over from the previous
 * entry of the same pid when the texts are the same (most ticks). The table shows entries on its
 * {@link ProcessRow lines}, and only a line's values are observed.
 */
public final class ProcessEntry {

    private final int pid;
    private final ProcessSample sample;
    /** Lower-cased name, command line, user, group/subgroup and pid, for the filter. */
    private final String searchText;
    /** Where the name ends in {@link #searchText}, and where the command line ends (it follows the name). */
    private final int nameEnd;
    private final int cmdlineEnd;
    /** Sort keys as primitives (bytes; -1 = unknown, below every value): sorting reads these. */
    private final long rssKey;
    private final long pssKey;
    private final long ussKey;
    private final long swapKey;
    /** This entry's index in its listing's pid order (see {@link ProcessListing}). */
    final int position;

    /**
     * The entry of {@code sample} at {@code position} of its listing; {@code before} is the entry of
     * the same pid in the previous listing, or null, and lends its search text when the texts are
     * unchanged.
     */
    ProcessEntry(ProcessSample sample, ProcessEntry before, int position) {
        this.pid = sample.pid();
        this.sample = sample;
        this.position = position;
        rssKey = sample.rssBytes();
        pssKey = sample.pssBytes().orElse(-1);
        ussKey = sample.ussBytes().orElse(-1);
        swapKey = sample.swapBytes().orElse(-1);
        if (before != null && sameTexts(before.sample, sample)) {
            searchText = before.searchText;
            nameEnd = before.nameEnd;
            cmdlineEnd = before.cmdlineEnd;
        } else {
            searchText = String.join("\n", sample.name(), sample.cmdline(), sample.user(), sample.group().toString(),
                    Integer.toString(pid)).toLowerCase(Locale.ROOT);
            // lower-casing keeps the length of these (almost always ASCII) texts; if a rare letter
            // does not, a hint may name the neighbouring field, never a wrong process
            nameEnd = sample.name().length();
            cmdlineEnd = nameEnd + 1 + sample.cmdline().length();
        }
    }

    /** Whether the texts the filter looks at (name, command line, user, group) are the same in both. */
    static boolean sameTexts(ProcessSample a, ProcessSample b) {
        return a.pid() == b.pid()
                && a.name().equals(b.name())
                && a.cmdline().equals(b.cmdline())
                && a.user().equals(b.user())
                // the group's two names, not the record: its equals() is an indy call C1 does not inline
                && a.group().group().equals(b.group().group())
                && a.group().subgroup().equals(b.group().subgroup());
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
