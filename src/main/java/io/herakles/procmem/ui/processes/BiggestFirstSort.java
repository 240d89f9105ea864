package io.herakles.procmem.ui.processes;

import java.util.List;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumn.SortType;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.MouseEvent;

/**
 * Makes a click on a size or CPU column header sort biggest first: descending, then ascending, then
 * unsorted — where JavaFX always starts ascending, which puts 0 B kernel threads on top.
 *
 * <p>JavaFX has no setting for the first sort direction, and its header decides the next state
 * on mouse release. So a mouse-release filter on the table, which runs just before the header's
 * own handler, first moves the column to the state from which the header's fixed cycle
 * (unsorted → ascending → descending → unsorted) lands where ours should:
 *
 * <pre>
 *   wanted (plain click)          set here first     header then does
 *   unsorted   → descending       sole, ascending    ascending → descending
 *   descending → ascending        unsorted           unsorted → ascending
 *   ascending  → unsorted         sole, descending   descending → unsorted
 * </pre>
 *
 * and the same with Shift (add to / change within a multi-column sort). The header keeps handling
 * the event itself (drag, resize and focus bookkeeping stay intact); the preparation may sort once
 * more, on a click only. FX thread only.
 */
final class BiggestFirstSort {

    private final TableView<ProcessRow> table;
    private final Set<TableColumn<ProcessRow, ?>> columns;

    private BiggestFirstSort(TableView<ProcessRow> table, Set<TableColumn<ProcessRow, ?>> columns) {
        this.table = table;
        this.columns = columns;
    }

    /** Makes {@code columns} of {@code table} sort descending on the first click. */
    static void install(TableView<ProcessRow> table, Set<TableColumn<ProcessRow, ?>> columns) {
        BiggestFirstSort sort = new BiggestFirstSort(table, Set.copyOf(columns));
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, sort::beforeHeaderSorts);
    }

    private void beforeHeaderSorts(MouseEvent e) {
        // the same test as the header's: it sorts on a release that is no popup trigger and did not drag
        if (e.isPopupTrigger() || !e.isStillSincePress()) {
            return;
        }
        TableColumn<ProcessRow, ?> column = columnUnder(e.getTarget() instanceof Node n ? n : null);
        if (column != null && columns.contains(column) && column.isSortable()) {
            prepare(table.getSortOrder(), column, e.isShiftDown());
        }
    }

    /**
     * Moves {@code column} within {@code sortOrder} to the state from which JavaFX's click cycle
     * reaches the biggest-first cycle's next state (see the class comment). Package-private for tests.
     */
    static void prepare(ObservableList<TableColumn<ProcessRow, ?>> sortOrder, TableColumn<ProcessRow, ?> column,
            boolean addToSort) {
        boolean in = sortOrder.contains(column);
        boolean descending = column.getSortType() == SortType.DESCENDING;
        if (!addToSort) {
            boolean sole = in && sortOrder.size() == 1;
            if (sole && descending) {
                sortOrder.clear();
            } else if (sole) {
                column.setSortType(SortType.DESCENDING);
            } else {
                column.setSortType(SortType.ASCENDING);
                sortOrder.setAll(List.of(column));
            }
        } else if (in && descending) {
            sortOrder.remove(column);
        } else if (in) {
            column.setSortType(SortType.DESCENDING);
        } else {
            column.setSortType(SortType.ASCENDING);
            sortOrder.add(column);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableColumn<ProcessRow, ?> columnUnder(Node target) {
        for (Node n = target; n != null; n = n.getParent()) {
            if (n instanceof TableColumnHeader header) {
                return header.getTableColumn() instanceof TableColumn<?, ?> c ? (TableColumn<ProcessRow, ?>) c : null;
            }
            if (n instanceof TableView<?>) {
                return null;
            }
        }
        return null;
    }
}
