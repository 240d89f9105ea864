package io.herakles.procmem.ui.prefs;

import io.herakles.procmem.model.MemoryMetric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the desktop remembers between runs. Immutable; a null component (or an empty list) means
 * "not remembered": the window uses its default for it. Every value here has been checked when
 * read ({@link PrefsFile}); what only the window can check (a column id, a screen) it checks when
 * applying.
 *
 * @param window       the window's bounds and maximized state
 * @param mainDivider  the divider between table and the right-hand side, 0..1 of the width
 * @param sideDivider  the divider between the tabs and the details, 0..1 of the height
 * @param columns      the table's columns in display order, with visibility and width
 * @param sort         the table's sort keys, most significant first
 * @param metric       the memory metric (USS/PSS/RSS)
 * @param interval     the live refresh interval
 * @param cpuWindow    the CPU chart's time window
 * @param cpuStacked   whether the CPU chart stacks its groups
 * @param treemapHidesFiltered whether the treemap hides (rather than fades) what the filter leaves out
 * @param tab          the id of the selected tab (treemap or CPU)
 * @param theme        the View → Theme choice
 * @param lastFolder   the folder the last snapshot was opened from or exported to
 * @param recentFiles  snapshot files opened, most recent first, at most {@link RecentFiles#MAX}
 * @param recentExporters   exporters connected to (File → Connect), most recent first, URLs without
 *                          credentials ({@link RecentConnections})
 * @param recentPrometheus  Prometheus servers a fleet was opened from, the same way
 */
public record DesktopPrefs(
        WindowBounds window,
        Double mainDivider,
        Double sideDivider,
        List<ColumnPref> columns,
        List<SortPref> sort,
        MemoryMetric metric,
        Duration interval,
        Duration cpuWindow,
        Boolean cpuStacked,
        Boolean treemapHidesFiltered,
        String tab,
        ThemeChoice theme,
        Path lastFolder,
        List<Path> recentFiles,
        List<String> recentExporters,
        List<String> recentPrometheus) {

    /** The file format's version; a file with a higher one is still read key by key. */
    public static final int VERSION = 1;

    /** Nothing remembered: every view starts with its defaults. */
    public static final DesktopPrefs DEFAULTS =
            new DesktopPrefs(null, null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, List.of(), List.of(), List.of());

    public DesktopPrefs {
        columns = columns == null ? List.of() : List.copyOf(columns);
        sort = sort == null ? List.of() : List.copyOf(sort);
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
        recentExporters = recentExporters == null ? List.of() : List.copyOf(recentExporters);
        recentPrometheus = recentPrometheus == null ? List.of() : List.copyOf(recentPrometheus);
    }

    /** These preferences with the layout (window, dividers, columns, sort) forgotten: View → Reset layout. */
    public DesktopPrefs withoutLayout() {
        return new DesktopPrefs(null, null, null, List.of(), List.of(), metric, interval, cpuWindow, cpuStacked,
                treemapHidesFiltered, tab, theme, lastFolder, recentFiles, recentExporters, recentPrometheus);
    }
}
