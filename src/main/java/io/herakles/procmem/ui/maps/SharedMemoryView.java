package io.herakles.procmem.ui.maps;

import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMapping;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.common.FxExecutor;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Shared memory" view: on Scan, every process's {@code smaps} is read off the FX thread (with
 * a progress bar and Cancel) and the table lists each file or segment several processes map — how
 * many, RSS summed (what naive tools add), PSS summed (what it costs), the difference, and which
 * processes. Nothing is read until the user asks. FX thread only.
 */
public final class SharedMemoryView extends VBox {

    private final SharedMemoryViewModel viewModel = new SharedMemoryViewModel();
    private final SharedScan scan;
    private final TableView<SharedMapping> table = new TableView<>();

    /** @param source the scan; runs on the "ui-shared-scan" thread, may take seconds */
    public SharedMemoryView(Function<ScanProgress, SharedMemoryReport> source, FxExecutor fx) {
        super(4);
        this.scan = new SharedScan(source, fx, p -> viewModel.progress(p[0], p[1]), viewModel::finished,
                viewModel::failed);
        getStyleClass().add("shared-memory-view");
        setPadding(new Insets(4));
        Button start = new Button("Scan");
        start.setId("sharedScan");
        start.setOnAction(e -> scan());
        start.disableProperty().bind(viewModel.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("sharedCancel");
        cancel.setOnAction(e -> scan.cancel());
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("sharedProgress");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox tools = new HBox(6, start, cancel, bar);
        tools.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("sharedStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        table.setId("sharedTable");
        table.getColumns().setAll(columns());
        SortedList<SharedMapping> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("Press Scan to read every process's memory maps"));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(tools, status, table);
    }

    /** Starts a scan unless one runs. */
    public void scan() {
        if (scan.start()) {
            viewModel.started();
        }
    }

    /** Stops a running scan. */
    public void cancel() {
        scan.cancel();
    }

    public SharedMemoryViewModel viewModel() {
        return viewModel;
    }

    /** The table (tests). */
    public TableView<SharedMapping> table() {
        return table;
    }

    private static java.util.List<TableColumn<SharedMapping, ?>> columns() {
        TableColumn<SharedMapping, String> name = text("Name", 170, s -> MapsTreemap.shortName(s.path()));
        TableColumn<SharedMapping, Integer> count = new TableColumn<>("Processes");
        count.setPrefWidth(75);
        count.setSortType(TableColumn.SortType.DESCENDING);
        count.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().processes()));
        MapsColumns.titled(count, "Processes that map it");
        return java.util.List.of(name, count,
                bytes("RSS summed", SharedMapping::rss), bytes("PSS summed", SharedMapping::pss),
                bytes("RSS − PSS", s -> s.rss() - s.pss()), bytes("Swap", SharedMapping::swap),
                text("Kind", 100, s -> s.kind().label()), text("Path", 320, SharedMapping::path),
                text("Processes (largest RSS first)", 400, s -> s.users().stream()
                        .map(u -> u.name() + " " + u.pid()).collect(Collectors.joining(", "))));
    }

    private static TableColumn<SharedMapping, String> text(String title, double width,
            Function<SharedMapping, String> value) {
        TableColumn<SharedMapping, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return MapsColumns.titled(c, "");
    }

    private static TableColumn<SharedMapping, Long> bytes(String title, Function<SharedMapping, Long> value) {
        TableColumn<SharedMapping, Long> c = new TableColumn<>(title);
        c.setPrefWidth(90);
        c.setSortType(TableColumn.SortType.DESCENDING);
        c.setComparator(Comparator.naturalOrder());
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : Formats.bytes(item));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return MapsColumns.titled(c, title.startsWith("RSS summed") ? "What adding up every process's RSS says it costs"
                : title.startsWith("PSS summed") ? "What it really costs: each shared page counted once" : "");
    }
}
