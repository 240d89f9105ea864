package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
 * from the context menu are handed to {@link #setOnSignal(BiConsumer)}. FX thread only.
 */
public final class ProcessTableView extends VBox {

    private final ProcessTableViewModel viewModel;
    private final SnapshotStore store;
    private final TableView<ProcessRow> table = new TableView<>();
    private final TextField filterField = TextFields.createClearableTextField();
    private final ObservableList<String> groupItems = FXCollections.observableArrayList();
    private final CheckComboBox<String> groupFilter = new CheckComboBox<>(groupItems);
    private final Label countLabel = new Label();
    private final Map<MemoryMetric, TableColumn<ProcessRow, Long>> metricColumns = new EnumMap<>(MemoryMetric.class);
    private BiConsumer<ProcessRow, Boolean> onSignal = (row, force) -> { };
    private boolean syncingSelection;
    private boolean syncingGroups;

    public ProcessTableView(ProcessTableViewModel viewModel, SnapshotStore store) {
        this.viewModel = viewModel;
        this.store = store;
        getStyleClass().add("process-table-view");
        buildTable();
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
        HBox.setHgrow(filterField, Priority.ALWAYS);
        groupFilter.setId("groupFilter");
        groupFilter.setTitle("All groups");
        groupFilter.setShowCheckedCount(true);
        groupFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
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

    private void buildTable() {
        table.setId("processTable");
        table.setItems(viewModel.shownRows());
        table.setTableMenuButtonVisible(true); // the column chooser
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPlaceholder(new Label("No processes to show"));
        table.setSortPolicy(t -> {
            viewModel.setOrder(t.getComparator());
            return true;
        });
        table.getColumns().setAll(List.of(
                intColumn("PID", "pid", 70),
                textColumn("Name", "name", 150, ProcessRow::nameProperty),
                textColumn("User", "user", 90, ProcessRow::userProperty),
                textColumn("Group", "group", 90, ProcessRow::groupProperty),
                textColumn("Subgroup", "subgroup", 100, ProcessRow::subgroupProperty),
                metricColumn(MemoryMetric.RSS, bytesColumn("RSS", "rss", ProcessRow::rssProperty)),
                metricColumn(MemoryMetric.PSS, bytesColumn("PSS", "pss", ProcessRow::pssProperty)),
                metricColumn(MemoryMetric.USS, bytesColumn("USS", "uss", ProcessRow::ussProperty)),
                bytesColumn("Swap", "swap", ProcessRow::swapProperty),
                numberColumn("CPU %", "cpu", 70, ProcessRow::cpuPercentProperty, Formats::percent),
                numberColumn("CPU time", "cputime", 90, ProcessRow::cpuTimeProperty, Formats::cpuTime),
                stateColumn(),
                textColumn("Command line", "cmdline", 420, ProcessRow::cmdlineProperty)));
        table.setRowFactory(t -> newRow());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncingSelection && row != null) {
                store.selectedPidProperty().set(row.pid());
            }
        });
    }

    private TableRow<ProcessRow> newRow() {
        TableRow<ProcessRow> row = new TableRow<>();
        MenuItem terminate = new MenuItem("Terminate (SIGTERM)…");
        terminate.setId("terminateItem");
        terminate.setOnAction(e -> onSignal.accept(row.getItem(), false));
        MenuItem kill = new MenuItem("Kill (SIGKILL)…");
        kill.setId("killItem");
        kill.setOnAction(e -> onSignal.accept(row.getItem(), true));
        ContextMenu menu = new ContextMenu(terminate, new SeparatorMenuItem(), kill);
        // Signals only make sense for live processes, not for a snapshot file.
        terminate.disableProperty().bind(store.modeProperty().isEqualTo(SnapshotStore.Mode.FILE));
        kill.disableProperty().bind(terminate.disableProperty());
        row.contextMenuProperty().bind(row.emptyProperty().map(empty -> empty ? null : menu));
        return row;
    }

    private static TableColumn<ProcessRow, Integer> intColumn(String title, String id, double width) {
        TableColumn<ProcessRow, Integer> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue().pid()));
        column.setCellFactory(c -> formattedCell(String::valueOf, true));
        return column;
    }

    private static TableColumn<ProcessRow, String> textColumn(String title, String id, double width,
            Function<ProcessRow, ObservableValue<String>> value) {
        TableColumn<ProcessRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> value.apply(f.getValue()));
        column.setComparator(ProcessComparators.TEXT);
        return column;
    }

    private static TableColumn<ProcessRow, String> stateColumn() {
        TableColumn<ProcessRow, String> column = textColumn("State", "state", 55, ProcessRow::stateProperty);
        column.getStyleClass().add("center");
        return column;
    }

    private static TableColumn<ProcessRow, Long> bytesColumn(String title, String id,
            Function<ProcessRow, ObservableValue<Long>> value) {
        TableColumn<ProcessRow, Long> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(90);
        column.setCellValueFactory(f -> value.apply(f.getValue()));
        column.setCellFactory(c -> formattedCell(Formats::bytes, true));
        column.setComparator(ProcessComparators.BYTES);
        return column;
    }

    private static TableColumn<ProcessRow, Double> numberColumn(String title, String id, double width,
            Function<ProcessRow, ObservableValue<Double>> value, Function<Double, String> format) {
        TableColumn<ProcessRow, Double> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> value.apply(f.getValue()));
        column.setCellFactory(c -> formattedCell(format, true));
        column.setComparator(ProcessComparators.NUMBERS);
        return column;
    }

    private TableColumn<ProcessRow, Long> metricColumn(MemoryMetric metric, TableColumn<ProcessRow, Long> column) {
        metricColumns.put(metric, column);
        return column;
    }

    /** A cell showing {@code format(value)}; null values show as "—"; numbers right-aligned. */
    private static <T> TableCell<ProcessRow, T> formattedCell(Function<T, String> format, boolean numeric) {
        TableCell<ProcessRow, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? Formats.ABSENT : format.apply(item));
            }
        };
        if (numeric) {
            cell.getStyleClass().add("numeric");
        }
        return cell;
    }

    // ---- behaviour ----

    private void wireStore() {
        store.currentSnapshotProperty().addListener((obs, old, snapshot) -> {
            if (snapshot == null) {
                viewModel.clear();
            } else {
                viewModel.apply(snapshot);
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
            int index = pid == SnapshotStore.NO_SELECTION ? -1 : indexOfPid(pid);
            if (index < 0) {
                if (pid == SnapshotStore.NO_SELECTION) {
                    table.getSelectionModel().clearSelection();
                }
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

    private int indexOfPid(int pid) {
        List<ProcessRow> shown = viewModel.shownRows();
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).pid() == pid) {
                return i;
            }
        }
        return -1;
    }

    private void highlight(MemoryMetric metric) {
        metricColumns.forEach((m, column) -> {
            column.getStyleClass().remove("metric-column");
            if (m == metric) {
                column.getStyleClass().add("metric-column");
            }
        });
    }

    private void updateFilter() {
        Set<String> groups = new HashSet<>(groupFilter.getCheckModel().getCheckedItems());
        viewModel.filterProperty().set(new ProcessFilter(filterField.getText(), groups));
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
        int total = viewModel.allRows().size();
        int shown = viewModel.shownRows().size();
        countLabel.setText(shown == total ? total + " processes" : shown + " of " + total + " processes");
    }

    // ---- API for the window ----

    /** Called with (row, force) when the user asks to terminate (false) or kill (true) a process. */
    public void setOnSignal(BiConsumer<ProcessRow, Boolean> handler) {
        onSignal = handler == null ? (row, force) -> { } : handler;
    }

    /** Moves the keyboard focus to the filter field (Ctrl+F). */
    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    /** The table, for tests and the window's focus handling. */
    public TableView<ProcessRow> table() {
        return table;
    }

    /** The sorting comparator currently applied. Package-private for tests. */
    Comparator<? super ProcessRow> comparator() {
        return table.getComparator();
    }
}
