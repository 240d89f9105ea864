package io.herakles.procmem.ui.processes;

import io.herakles.procmem.ui.common.FigureHelp;
import java.util.Map;

/**
 * One sentence per process-table column, shown as the header's tooltip: what the figure means and
 * in which unit, so "CPU %" says it is a share of one core. Pure text.
 */
final class ColumnHelp {

    private static final Map<String, String> BY_COLUMN_ID = Map.ofEntries(
            Map.entry("pid", "Process id."),
            Map.entry("name", "The process name (comm). A filter that matched elsewhere says where, beside the name."),
            Map.entry("user", "The user the process runs as."),
            Map.entry("group", "The group the classification rules put the process in."),
            Map.entry("subgroup", "The subgroup within that group."),
            Map.entry("rss", FigureHelp.RSS),
            Map.entry("pss", FigureHelp.PSS),
            Map.entry("uss", FigureHelp.USS),
            Map.entry("swap", FigureHelp.SWAP),
            Map.entry("cpu", FigureHelp.CPU_PERCENT),
            Map.entry("cputime", FigureHelp.CPU_TIME),
            Map.entry("state", "Kernel state: R running, S sleeping, D waiting for I/O, Z zombie, T stopped, I idle."),
            Map.entry("cmdline", "The full command line."));

    private ColumnHelp() {}

    /** The sentence for the column with {@code id}; empty for an unknown id. */
    static String of(String id) {
        return BY_COLUMN_ID.getOrDefault(id, "");
    }
}
