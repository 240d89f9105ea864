package io.herakles.procmem.ui.processes;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Turns the table's sort order into a comparator over the processes' raw values
 * ({@link ProcessEntry}), which the view-model sorts before showing them on the table's lines. The
 * table's own comparator would compare lines through the columns' cell-value factories (an
 * allocation and a callback per comparison, then unboxing), and the table's sort policy hands the
 * order to the view-model instead, so the columns carry no comparators of their own. Each column
 * registers an ascending comparator over a process's key (sizes with -1 for unknown, below every
 * value; texts by {@link ProcessComparators#TEXT}); the sort type flips it; columns chain in sort-order priority, then pid, so the order is total and stable.
 * FX thread only.
 */
final class SortOrder {

    private final Map<TableColumn<ProcessRow, ?>, Comparator<ProcessEntry>> ascending = new IdentityHashMap<>();

    /** Registers {@code column}'s ascending order over processes; returns the column. */
    <T> TableColumn<ProcessRow, T> key(TableColumn<ProcessRow, T> column, Comparator<ProcessEntry> order) {
        ascending.put(column, order);
        return column;
    }

    /**
     * The comparator for {@code table}'s current sort order; null when nothing is sorted (pid
     * order). A column without a registered order (none today) is left out of it.
     */
    Comparator<ProcessEntry> comparator(TableView<ProcessRow> table) {
        Comparator<ProcessEntry> result = null;
        for (TableColumn<ProcessRow, ?> column : table.getSortOrder()) {
            Comparator<ProcessEntry> up = ascending.get(column);
            if (up == null || !column.isSortable()) {
                continue;
            }
            Comparator<ProcessEntry> byColumn = column.getSortType() == TableColumn.SortType.DESCENDING ? up.reversed() : up;
            result = result == null ? byColumn : result.thenComparing(byColumn);
        }
        return result == null ? null : result.thenComparing(ProcessComparators.BY_PID);
    }
}
