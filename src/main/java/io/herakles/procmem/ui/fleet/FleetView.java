package io.herakles.procmem.ui.fleet;

import io.herakles.procmem.fleet.Fleet;
import io.herakles.procmem.ui.common.Formats;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Fleet tab's content: a filter field, Refresh and a status line; the treemap above the host
 * table (sortable by any column, absent figures sorted first and shown as "—"). Double-click on a
 * host (table or treemap) → {@code onOpenHost} with its instance. FX thread only.
 */
public final class FleetView extends BorderPane {

    private final FleetViewModel model;
    private final TableView<FleetHostRow> table = new TableView<>();
    private final FleetTreemapView treemap;
    private Consumer<Fleet.Host> onOpenHost = host -> { };
    private Consumer<Fleet.Host> onHostSelected = host -> { };
    private final FleetTrendView trend = new FleetTrendView();

    public FleetView(FleetViewModel model, Runnable refresh) {
        this(model, refresh, io.herakles.procmem.ui.common.FxExecutor.fx());
    }

    /** @param fxHop the way back onto the FX thread for work done elsewhere (the treemap's layout) */
    public FleetView(FleetViewModel model, Runnable refresh, java.util.concurrent.Executor fxHop) {
        this.model = model;
        setId("fleetView");
        TextField filter = new TextField();
        filter.setId("fleetFilter");
        filter.setPromptText("filter: job=db  env=prod  instance~10.0.  or any text");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button refreshButton = new Button("Refresh");
        refreshButton.setId("fleetRefresh");
        refreshButton.setOnAction(e -> refresh.run());
        ChoiceBox<Fleet.Kind> kind = new ChoiceBox<>();
        kind.setId("fleetKind");
        kind.getItems().setAll(Fleet.Kind.values());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setTooltip(new Tooltip("What sizes the treemap's boxes: USS, PSS or RSS summed per subgroup"));
        ChoiceBox<java.time.Duration> auto = new ChoiceBox<>();
        auto.setId("fleetAutoRefresh");
        auto.getItems().setAll(FleetViewModel.AUTO_REFRESH);
        auto.setConverter(new StringConverter<>() {
            @Override
            public String toString(java.time.Duration d) {
                return d == null ? "" : d.isZero() ? "Auto: off" : "Auto: every " + Formats.duration(d);
            }

            @Override
            public java.time.Duration fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        auto.valueProperty().bindBidirectional(model.autoRefreshProperty());
        auto.setTooltip(new Tooltip("Read the fleet again by itself; after a failure the wait doubles each time "
                + "(up to " + Formats.duration(RefreshBackoff.MAX) + ") until a read works"));
        Label status = new Label();
        status.setId("fleetStatus");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, filter, new Label("Size by"), kind, refreshButton, auto, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        setTop(bar);

        treemap = new FleetTreemapView(model, fxHop);
        treemap.setOnOpenHost(i -> onOpenHost.accept(i));
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row == null) {
                trend.showMessage("", FleetTrendView.PICK_ONE);
            } else {
                onHostSelected.accept(row.host());
            }
        });
        SplitPane split = new SplitPane(treemap, new VBox(table, trend));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    /** What a double-click on a host does (remote attach to its exporter). */
    public void setOnOpenHost(Consumer<Fleet.Host> action) {
        this.onOpenHost = action;
    }

    private void buildTable() {
        table.setId("fleetHosts");
        // one row height for all: the flow need not measure rows to size its scroll bar (1,000 hosts)
        table.setFixedCellSize(24);
        table.setPlaceholder(new Label("No hosts"));
        table.getColumns().add(text("Instance", FleetHostRow::instance));
        table.getColumns().add(text("Job", FleetHostRow::job));
        table.getColumns().add(text("Up", FleetHostRow::up));
        table.getColumns().add(number("Processes", FleetHostRow::processes, v -> Long.toString(v)));
        table.getColumns().add(number("Mem used", FleetHostRow::memoryUsed, Formats::bytes));
        table.getColumns().add(number("Mem total", FleetHostRow::memoryTotal, Formats::bytes));
        table.getColumns().add(number("CPU (cores)", FleetHostRow::cpuCores, v -> String.format(java.util.Locale.ROOT, "%.2f", v)));
        table.getColumns().add(number("USS", FleetHostRow::uss, Formats::bytes));
        table.getColumns().add(text("Largest subgroups", FleetHostRow::largest));
        table.getColumns().add(number("Grew most 1h", FleetHostRow::grew1h, FleetHostRow.Growth::text));
        table.getColumns().add(number("Grew most 24h", FleetHostRow::grew24h, FleetHostRow.Growth::text));
        table.setItems(model.shownRows());
        table.setSortPolicy(t -> {
            model.setOrder(t.getComparator());
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<FleetHostRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpenHost.accept(row.getItem().host());
                }
            });
            return row;
        });
    }

    private static TableColumn<FleetHostRow, String> text(String title, Function<FleetHostRow, String> value) {
        TableColumn<FleetHostRow, String> c = titled(new TableColumn<>(title));
        c.setCellValueFactory(d -> follow(d.getValue(), value));
        return c;
    }

    /** A cell's value, following its row's host as it is read again (rows change in place). */
    private static <T> ObservableValue<T> follow(FleetHostRow row, Function<FleetHostRow, T> value) {
        return row.hostProperty().map(host -> value.apply(row));
    }

    private static <T extends Comparable<T>> TableColumn<FleetHostRow, T> number(String title,
            Function<FleetHostRow, T> value, Function<T, String> shown) {
        TableColumn<FleetHostRow, T> c = titled(new TableColumn<>(title));
        c.setCellValueFactory(d -> follow(d.getValue(), value));
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setSortType(TableColumn.SortType.DESCENDING);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? Formats.ABSENT : shown.apply(item));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return c;
    }

    /** The window's stylesheet shows column headers graphic-only (the process table's titles carry tooltips). */
    private static <T> TableColumn<FleetHostRow, T> titled(TableColumn<FleetHostRow, T> c) {
        c.setGraphic(new Label(c.getText()));
        return c;
    }

    /** What selecting a host in the table does: load its memory over the last day ({@link #showTrend}). */
    public void setOnHostSelected(Consumer<Fleet.Host> action) {
        this.onHostSelected = action;
    }

    /** Shows {@code host}'s memory in use over time under the table; a message instead when {@code points} is null. */
    public void showTrend(Fleet.Host host, List<io.herakles.procmem.fleet.Fleet.Point> points, String message) {
        String title = host.instance() + " \u2014 memory in use, last 24 h";
        if (points == null) {
            trend.showMessage(title, message);
        } else {
            trend.showPoints(title, points);
        }
    }

    /** The trend under the table: its points, or its message when it has none (tests). */
    public String trendState() {
        return trend.points().isEmpty() ? trend.message() : trend.points().size() + " points";
    }

    /** Whether the treemap shows the current hosts at the current size (tests, the benchmark). */
    public boolean treemapUpToDate() {
        return treemap.upToDate();
    }

    /** The host table (tests). */
    public TableView<FleetHostRow> table() {
        return table;
    }
}
