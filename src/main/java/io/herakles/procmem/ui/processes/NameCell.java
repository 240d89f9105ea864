package io.herakles.procmem.ui.processes;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * The name cell: the process name and, after it, where the filter matched when that is not a
 * visible column ("in command line"), with the command line as the tooltip. The note is bound to
 * the row's {@link ProcessRow#matchHintProperty()}, so it follows filter changes without the table
 * rebuilding its cells. FX thread only.
 */
final class NameCell extends TableCell<ProcessRow, String> {

    private final Label hint = new Label();
    private final Tooltip commandLine = new Tooltip();

    NameCell() {
        hint.getStyleClass().add("match-hint");
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
            setTooltip(null);
            return;
        }
        setText(name);
        hint.textProperty().bind(row.matchHintProperty());
        setGraphic(hint);
        commandLine.textProperty().bind(row.cmdlineProperty());
        setTooltip(row.sample().cmdline().isBlank() ? null : commandLine);
    }
}
