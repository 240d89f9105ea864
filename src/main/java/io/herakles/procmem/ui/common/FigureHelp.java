package io.herakles.procmem.ui.common;

/**
 * One sentence for each figure the UI shows, used as the tooltip wherever that figure is labelled
 * (table headers, the details pane), so every view explains RSS, PSS, USS, swap and CPU the same
 * way and says what a CPU percentage is a share of. Pure text.
 */
public final class FigureHelp {

    public static final String RSS = "Resident set size: the process's memory now in RAM, pages shared with "
            + "other processes counted in full.";
    public static final String PSS = "Proportional set size: resident memory with each shared page divided "
            + "among the processes that share it, so PSS adds up across processes.";
    public static final String USS = "Unique set size: memory only this process uses, roughly what ending it "
            + "would free.";
    public static final String SWAP = "Memory of this process moved out to swap.";
    public static final String CPU_PERCENT = "CPU use over the last refresh in % of one core: 100 is one core "
            + "fully busy, and a process on several cores can exceed 100.";
    public static final String CPU_TIME = "CPU time used since the process started (user + system), as m:ss.s "
            + "or h:mm:ss.";

    /** What a per-process CPU percentage is a share of. */
    public static final String ONE_CORE = "of one core";
    /** The per-process CPU unit for labels: "% of one core". */
    public static final String CPU_BASE = "% " + ONE_CORE;

    private FigureHelp() {}

    /** "of all 4 cores" for the whole-machine CPU; "of all cores" when the count is unknown (0). */
    public static String allCores(int cpuCount) {
        if (cpuCount <= 0) {
            return "of all cores";
        }
        return cpuCount == 1 ? "of its one core" : "of all " + cpuCount + " cores";
    }
}
