package io.herakles.procmem.ui.maps;

import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.ui.common.BackgroundPreparer;
import io.herakles.procmem.ui.common.FxExecutor;
import java.util.Objects;
import java.util.function.IntFunction;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Memory maps" tab: the selected process's mappings in a sortable, filterable table (every
 * mapping, or sums by path or kind) above a small treemap kind → path, with a status line of
 * totals or of why there are no maps.
 *
 * <p>Reading {@code smaps} walks the process's page tables, so it happens only while the tab is
 * open ({@link #setOpen}): when it opens or the selection changes, on Refresh, and — with
 * "Follow refresh" ticked — at the app's interval ({@link #tick()}, called with every shown
 * snapshot). Never while closed. The read runs on one background thread ("ui-maps", latest wins);
 * the result comes back in one FX hop. FX thread only, apart from that thread.
 */
public final class MapsView extends VBox implements AutoCloseable {

    /** No process selected. */
    public static final int NONE = -1;

    private final MapsViewModel viewModel;
    private final BackgroundPreparer<Integer, ProcessMaps> reads;
    private final TableView<MapsRow> table = new TableView<>();
    private final MapsTreemap treemap = new MapsTreemap();
    private final CheckBox follow = new CheckBox("Follow refresh");
    private int pid = NONE;
    private String name = "";
    private boolean open;
    /** Whether what is shown is for {@link #pid} (false after a selection change while closed). */
    private boolean current;
    private int requests;

    /**
     * @param source reads one process's maps; runs on the "ui-maps" thread, may block
     * @param fx     how results reach the FX thread
     */
    public MapsView(IntFunction<ProcessMaps> source, FxExecutor fx) {
        this(new MapsViewModel(), source, fx);
    }

    public MapsView(MapsViewModel viewModel, IntFunction<ProcessMaps> source, FxExecutor fx) {
        super(4);
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        Objects.requireNonNull(source, "source");
        this.reads = new BackgroundPreparer<>("ui-maps", p -> source.apply(p), fx, this::deliver);
        getStyleClass().add("maps-view");
        setPadding(new Insets(4));
        Label status = new Label();
        status.setId("mapsStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        table.setId("mapsTable");
        table.getColumns().setAll(MapsColumns.all());
        SortedList<MapsRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label(""));
        treemap.setId("mapsTreemap");
        viewModel.mappingsProperty().addListener((obs, old, now) -> treemap.setMappings(now));
        SplitPane split = new SplitPane(table, treemap);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar(), status, split);
        sortByPss();
        showSingleMappingColumns(viewModel.groupingProperty().get() == MapsListing.MAPPING);
        viewModel.groupingProperty().addListener((obs, old, now) -> showSingleMappingColumns(now == MapsListing.MAPPING));
    }

    /** Address and perms belong to single mappings; a group has neither. */
    private void showSingleMappingColumns(boolean show) {
        for (TableColumn<MapsRow, ?> c : table.getColumns()) {
            if ("maps-address".equals(c.getId()) || "maps-perms".equals(c.getId())) {
                c.setVisible(show);
            }
        }
    }

    private HBox toolbar() {
        Button refresh = new Button("Refresh");
        refresh.setId("mapsRefresh");
        refresh.setOnAction(e -> read());
        follow.setId("mapsFollow");
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Read the maps again at the app's refresh interval while this tab is open"));
        ChoiceBox<MapsListing> listing = new ChoiceBox<>();
        listing.setId("mapsListing");
        listing.getItems().setAll(MapsListing.values());
        listing.valueProperty().bindBidirectional(viewModel.groupingProperty());
        TextField filter = new TextField();
        filter.setId("mapsFilter");
        filter.setPromptText("Filter path, kind, perms");
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox bar = new HBox(6, refresh, follow, listing, filter);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void sortByPss() {
        for (TableColumn<MapsRow, ?> c : table.getColumns()) {
            if ("maps-pss".equals(c.getId())) {
                table.getSortOrder().setAll(java.util.List.of(c));
            }
        }
    }

    /** The selected process ({@link #NONE} for none) and its name for the status line. */
    public void setProcess(int newPid, String newName) {
        name = newName == null ? "" : newName;
        if (newPid == pid) {
            return;
        }
        pid = newPid;
        current = false;
        if (pid == NONE) {
            viewModel.showNothing();
        } else if (open) {
            read();
        }
    }

    /**
     * Reads nothing and says {@code why} instead, until the next {@link #setProcess}: a snapshot
     * file is shown, and the pid in it is not (or no longer) the process running under it now.
     */
    public void setUnavailable(String why) {
        pid = NONE;
        current = false;
        viewModel.showUnavailable(why);
    }

    /** Whether the tab is on screen; opening reads the maps unless they are already current. */
    public void setOpen(boolean now) {
        open = now;
        if (open && !current && pid != NONE) {
            read();
        }
    }

    /** The app's refresh tick: reads again while open and following. */
    public void tick() {
        if (open && follow.isSelected() && pid != NONE) {
            read();
        }
    }

    /** Reads the selected process's maps now, off the FX thread. */
    public void read() {
        if (pid == NONE) {
            return;
        }
        current = true;
        requests++;
        if (viewModel.shownPid() != pid) {
            viewModel.showLoading(pid);
        }
        reads.submit(pid);
    }

    /** Shows a read result; the selected row (same name and address) stays selected across refreshes. */
    private void deliver(ProcessMaps maps) {
        if (maps.pid() != pid) {
            return;
        }
        MapsRow selected = table.getSelectionModel().getSelectedItem();
        viewModel.show(maps, name);
        if (selected != null && !table.getItems().contains(selected)) {
            table.getItems().stream()
                    .filter(r -> r.name().equals(selected.name()) && r.address().equals(selected.address()))
                    .findFirst().ifPresent(r -> table.getSelectionModel().select(r));
        }
    }

    /** How many reads were asked for (tests: none while closed). */
    public int requests() {
        return requests;
    }

    public MapsViewModel viewModel() {
        return viewModel;
    }

    /** The table (tests). */
    public TableView<MapsRow> table() {
        return table;
    }

    /** The treemap (tests). */
    public MapsTreemap treemap() {
        return treemap;
    }

    /** Stops the background thread. */
    @Override
    public void close() {
        reads.close();
    }
}
