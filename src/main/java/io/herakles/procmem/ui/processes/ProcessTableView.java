package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.ui.prefs.ColumnPref;
import io.herakles.procmem.ui.prefs.SortPref;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Skin;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * The process table with its filter bar: a clearable text filter, a group filter, a "shown of
 * total" count, and a {@link TableView} whose column menu button chooses the visible columns.
 * Memory cells show binary units and sort by bytes; unreadable values show as "—".
 *
 * <p>Keeps the table's selection and {@link SnapshotStore#selectedPidProperty()} in step (both
 * ways), and feeds every shown snapshot to its {@link ProcessTableViewModel}. Terminate and kill
 * from the context menu and the keyboard ({@link ProcessContextMenu}) are handed to
 * {@link #setOnSignal(BiConsumer)}. FX thread only.
 */
public final class ProcessTableView extends VBox {

    private final ProcessTableViewModel viewModel;
    private final SnapshotStore store;
    private final TableView<ProcessRow> table = new TableView<>() {
        @Override
        protected Skin<?> createDefaultSkin() {
            return new ProcessTableSkin(this);
        }
    };
    private final TextField filterField = TextFields.createClearableTextField();
    private final ObservableList<String> groupItems = FXCollections.observableArrayList();
    private final CheckComboBox<String> groupFilter = new CheckComboBox<>(groupItems);
    private final Label countLabel = new Label();
    private final Label placeholder = new Label("Waiting for the first snapshot…");
    private final ProcessColumns columns = new ProcessColumns();
    private final ProcessContextMenu contextMenu;
    private final ColumnLayout columnLayout;
    private final javafx.beans.property.ReadOnlyObjectWrapper<ProcessFilter> activeFilter =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "activeFilter", ProcessFilter.NONE);
    private boolean syncingSelection;
    private boolean syncingGroups;

    public ProcessTableView(ProcessTableViewModel viewModel, SnapshotStore store) {
        this.viewModel = viewModel;
        this.store = store;
        getStyleClass().add("process-table-view");
        buildTable();
        columnLayout = new ColumnLayout(table, columns.all());
        // Signals only make sense for live processes, not for a snapshot file.
        contextMenu = new ProcessContextMenu(table, store.modeProperty().isEqualTo(SnapshotStore.Mode.FILE));
        HBox filterBar = buildFilterBar();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(filterBar, table);
        wireStore();
    }

    // ---- layout ----

    private HBox buildFilterBar() {
        filterField.setPromptText("Filter: name, command, pid, user, group (Ctrl+F)");
        filterField.setId("processFilter");
        filterField.textProperty().addListener((obs, old, now) -> updateFilter());
        filterField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filterField.getText().isEmpty()) {
                filterField.clear(); // Escape clears, as the field's own clear button does
                e.consume();
            }
        });
        HBox.setHgrow(filterField, Priority.ALWAYS);
        groupFilter.setId("groupFilter");
        groupFilter.setTitle(groupTitle(List.of()));
        groupFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            groupFilter.setTitle(groupTitle(groupFilter.getCheckModel().getCheckedItems()));
            if (!syncingGroups) {
                updateFilter();
            }
        });
        viewModel.groups().addListener((ListChangeListener<String>) c -> syncGroupItems());
        countLabel.getStyleClass().add("count-label");
        countLabel.setMinWidth(Region.USE_PREF_SIZE);
        viewModel.shownRows().addListener((ListChangeListener<ProcessRow>) c -> updateCount());
        HBox bar = new HBox(filterField, groupFilter, countLabel);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    /** What the group box says: "All groups" when none is ticked, else the ticked ones (or their count). */
    static String groupTitle(List<String> checked) {
        if (checked.isEmpty()) {
            return "All groups";
        }
        return checked.size() <= 2 ? String.join(", ", checked) : checked.size() + " groups";
    }

    private void buildTable() {
        table.setId("processTable");
        table.setItems(viewModel.shownRows());
        table.setTableMenuButtonVisible(true); // the column chooser
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPlaceholder(placeholder);
        // One row height for all rows: the flow need not measure cells on every refresh.
        table.setFixedCellSize(24);
        table.setSortPolicy(t -> {
            viewModel.setOrder(columns.comparator(t));
            return true;
        });
        table.getColumns().setAll(columns.all());
        columns.install(table);
        sortByMetricDescending(store.metricProperty().get()); // biggest first until the user sorts
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncingSelection && row != null) {
                store.selectedPidProperty().set(row.pid());
            }
        });
    }

    // ---- behaviour ----

    private void wireStore() {
        store.currentSnapshotProperty().addListener((obs, old, snapshot) -> {
            // While rows come and go the table may move its selection to a neighbour of a removed
            // row; that is not the user's choice, so it must not reach the store.
            syncingSelection = true;
            try {
                if (snapshot == null) {
                    viewModel.clear();
                } else {
                    viewModel.apply(snapshot);
                }
            } finally {
                syncingSelection = false;
            }
            selectPid(store.selectedPidProperty().get(), false);
            updateCount();
        });
        store.selectedPidProperty().addListener((obs, old, pid) -> selectPid(pid.intValue(), true));
        store.metricProperty().addListener((obs, old, metric) -> highlight(metric));
        highlight(store.metricProperty().get());
        if (store.getCurrentSnapshot() != null) {
            viewModel.apply(store.getCurrentSnapshot());
        }
        updateCount();
    }

    /** Selects the row of {@code pid} (if shown); scrolls to it when the selection came from elsewhere. */
    private void selectPid(int pid, boolean scroll) {
        ProcessRow selected = table.getSelectionModel().getSelectedItem();
        if (selected != null && selected.pid() == pid) {
            return;
        }
        syncingSelection = true;
        try {
            int index = pid == SnapshotStore.NO_SELECTION ? -1 : viewModel.indexOf(pid);
            if (index < 0) {
                // none, gone or filtered out: show no row selected (the store keeps the pid)
                table.getSelectionModel().clearSelection();
                return;
            }
            table.getSelectionModel().clearAndSelect(index);
            if (scroll) {
                table.scrollTo(Math.max(0, index - 3));
            }
        } finally {
            syncingSelection = false;
        }
    }


    private void sortByMetricDescending(MemoryMetric metric) {
        TableColumn<ProcessRow, Long> column = columns.forMetric(metric);
        column.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(column));
    }

    private void highlight(MemoryMetric metric) {
        for (MemoryMetric m : MemoryMetric.values()) {
            TableColumn<ProcessRow, Long> column = columns.forMetric(m);
            column.getStyleClass().remove("metric-column");
            if (m == metric) {
                column.getStyleClass().add("metric-column");
            }
        }
    }

    private void updateFilter() {
        Set<String> groups = new HashSet<>(groupFilter.getCheckModel().getCheckedItems());
        ProcessFilter filter = new ProcessFilter(filterField.getText(), groups);
        viewModel.filterProperty().set(filter);
        // every view narrows to what the table shows
        store.filterProperty().set(filter.isEmpty() ? null : filter::matches);
        activeFilter.set(filter);
        // Re-filtering replaces the shown list, which drops the table's selection; the store keeps it.
        selectPid(store.selectedPidProperty().get(), false);
        updateCount();
    }

    /** Replaces the group choices by the snapshot's groups, keeping the checks that still apply. */
    private void syncGroupItems() {
        Set<String> checked = new HashSet<>(groupFilter.getCheckModel().getCheckedItems());
        syncingGroups = true;
        try {
            groupFilter.getCheckModel().clearChecks();
            groupItems.setAll(viewModel.groups());
            for (String group : groupItems) {
                if (checked.contains(group)) {
                    groupFilter.getCheckModel().check(group);
                }
            }
        } finally {
            syncingGroups = false;
        }
        Set<String> nowChecked = new HashSet<>(groupFilter.getCheckModel().getCheckedItems());
        if (!nowChecked.equals(checked)) {
            updateFilter();
        }
    }

    private void updateCount() {
        int total = viewModel.allEntries().size();
        int shown = viewModel.shownRows().size();
        countLabel.setText(shown == total ? total + " processes" : shown + " of " + total + " processes");
        placeholder.setText(total == 0 ? "Waiting for the first snapshot…" : "No process matches the filter");
    }

    // ---- API for the window ----

    /**
     * Called when the user asks to terminate or kill a process (context menu, Delete, Shift+Delete),
     * with the process as it was when the menu opened or the key was pressed.
     */
    public void setOnSignal(BiConsumer<ProcessTarget, ProcessSignal> handler) {
        contextMenu.setOnSignal(handler);
    }

    /** The filter the table applies now (text and groups); {@link ProcessFilter#NONE} when none. */
    public javafx.beans.property.ReadOnlyObjectProperty<ProcessFilter> activeFilterProperty() {
        return activeFilter.getReadOnlyProperty();
    }

    /** Clears the text and the group filter: every view shows everything again. */
    public void clearFilter() {
        filterField.clear();
        groupFilter.getCheckModel().clearChecks();
    }

    /** The group filter (tests tick groups in it). */
    public CheckComboBox<String> groupFilterForTests() {
        return groupFilter;
    }

    /** Moves the keyboard focus to the filter field (Ctrl+F). */
    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    /** The context menu of the rows (tests; Monocle raises no context-menu requests). */
    public ContextMenu contextMenu() {
        return contextMenu.menu();
    }

    /** The columns in display order, with visibility and width (preferences). */
    public List<ColumnPref> columnPrefs() {
        return columnLayout.columns();
    }

    /** The sort keys, most significant first (preferences). */
    public List<SortPref> sortPrefs() {
        return columnLayout.sort();
    }

    /**
     * Restores saved columns and sort; unknown ids are skipped, columns the list lacks are appended.
     * Empty lists leave that part as it is.
     */
    public void applyColumnPrefs(List<ColumnPref> saved, List<SortPref> savedSort) {
        columnLayout.apply(saved, savedSort);
    }

    /** Every column back in its default order, visible, at its default width, sorted biggest first. */
    public void resetColumns() {
        columnLayout.reset();
        sortByMetricDescending(store.metricProperty().get());
    }

    /**
     * Whether the window is narrow: then, unless the user ordered the columns, memory and CPU come
     * right after the name.
     */
    public void setCompactColumns(boolean compact) {
        columnLayout.setCompact(compact);
    }

    /** Calls {@code changed} whenever the user changes columns or sort. */
    public void setOnColumnsChanged(Runnable changed) {
        columnLayout.onChange(changed);
    }

    /** The table, for tests and the window's focus handling. */
    public TableView<ProcessRow> table() {
        return table;
    }

}
