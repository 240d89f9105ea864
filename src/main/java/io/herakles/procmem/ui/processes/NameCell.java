package io.herakles.procmem.ui.processes;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The name cell: the process name and, after it, a "cmdline" marker when the filter matched only in
 * the command line (a column usually out of view), with the command line as the tooltip. The note is bound to
 * the row's {@link ProcessRow#matchHintProperty()}, so it follows filter changes without the table
 * rebuilding its cells. FX thread only.
 */
final class NameCell extends TableCell<ProcessRow, String> {

    /** What the marker reads for {@link ProcessFilter#IN_COMMAND_LINE}. */
    static final String SHORT_HINT = "cmdline";

    private final Label hint = new Label();
    private final Tooltip commandLine = new Tooltip();

    NameCell() {
        hint.getStyleClass().add("match-hint");
        // short, so the name keeps its room; the tooltip says it in full
        hint.setTooltip(new Tooltip("The filter matched in the command line (the cell's tooltip shows it)"));
        hint.setMinWidth(Region.USE_PREF_SIZE);
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        commandLine.setWrapText(true);
        commandLine.setMaxWidth(600);
        setContentDisplay(ContentDisplay.RIGHT);
        setGraphicTextGap(6);
    }

    @Override
    protected void updateItem(String name, boolean empty) {
        super.updateItem(name, empty);
        ProcessRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (row == null) {
            hint.textProperty().unbind();
            hint.setText("");
            setText(null);
            setGraphic(null);
            tooltipProperty().unbind();
            setTooltip(null);
            return;
        }
        setText(name);
        hint.textProperty().bind(row.matchHintProperty().map(h -> h.isEmpty() ? "" : SHORT_HINT));
        setGraphic(hint);
        commandLine.textProperty().bind(row.cmdlineProperty());
        // the line shows another process after a re-sort, so whether there is a tooltip follows too
        tooltipProperty().bind(row.cmdlineProperty().map(c -> c.isBlank() ? null : commandLine));
    }
}
