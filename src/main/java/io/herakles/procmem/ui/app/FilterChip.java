package io.herakles.procmem.ui.app;

import io.herakles.procmem.ui.processes.ProcessFilter;
import io.herakles.procmem.ui.processes.ProcessTableView;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The toolbar's sign that a filter narrows every view (table, treemap, CPU chart): what it keeps,
 * and a button that clears it. Hidden while nothing is filtered. FX thread only.
 */
final class FilterChip extends HBox {

    private final Label text = new Label();

    /**
     * @param hideInTreemap whether the treemap hides what the filter leaves out (the chip's toggle
     *                      and View → Hide… both change it)
     */
    FilterChip(ProcessTableView table, BooleanProperty hideInTreemap) {
        getStyleClass().add("filter-chip");
        setId("filterChip");
        Button clear = new Button("\u2715");
        clear.setId("clearFilter");
        clear.setAccessibleText("Clear filter");
        clear.setTooltip(new Tooltip("Clear the filter: every view shows every process again"));
        clear.setFocusTraversable(false); // Escape in the filter field clears too
        clear.setOnAction(e -> table.clearFilter());
        ToggleButton hide = new ToggleButton("Hide others");
        hide.setId("hideFilteredToggle");
        hide.setTooltip(new Tooltip("Memory map: hide the processes the filter leaves out, so the matching ones "
                + "fill the area (off: they are faded)"));
        hide.setFocusTraversable(false);
        hide.selectedProperty().bindBidirectional(hideInTreemap);
        getChildren().addAll(text, hide, clear);
        table.activeFilterProperty().addListener((obs, old, now) -> show(now));
        show(table.activeFilterProperty().get());
    }

    private void show(ProcessFilter filter) {
        boolean active = filter != null && !filter.isEmpty();
        text.setText(active ? "Filter: " + filter.describe() : "");
        setVisible(active);
        setManaged(active);
    }

    /** What the chip says (tests). */
    String text() {
        return text.getText();
    }
}
