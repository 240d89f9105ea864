package io.herakles.procmem.ui.processes;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The process table's skin: the standard one, with a flow that does not restyle a row that keeps
 * its place. The table's rows are {@link ProcessRow lines} whose texts change in place on every
 * refresh; any such change makes the flow lay out all its rows again, and the standard flow then
 * applies CSS to every row whose texts changed, a pass over each of its dozen cells (the largest
 * part of a refresh's CSS and layout at 5,000 processes). A row that keeps its index was styled
 * when it got that index; a change of its state (selected, focused, hovered) still marks it for
 * the next CSS pass, as everywhere in the scene. Rows that move to another index or are new are
 * styled as the standard flow does.
 */
final class ProcessTableSkin extends TableViewSkin<ProcessRow> {

    ProcessTableSkin(TableView<ProcessRow> table) {
        super(table);
    }

    @Override
    protected VirtualFlow<TableRow<ProcessRow>> createVirtualFlow() {
        return new LineFlow<>();
    }

    /** A flow that re-indexes a cell without restyling it when the index stays the same. */
    static final class LineFlow<T extends IndexedCell<?>> extends VirtualFlow<T> {
        @Override
        protected void setCellIndex(T cell, int index) {
            if (cell.getIndex() == index && index >= 0 && cell.getScene() != null) {
                cell.updateIndex(index);
                return;
            }
            super.setCellIndex(cell, index);
        }
    }
}
