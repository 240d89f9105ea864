package io.herakles.procmem.ui.details;

import io.herakles.procmem.model.ProcessSample;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * Details of the selected process: RSS/PSS/USS/CPU history since first seen, the headline figures,
 * the memory breakdown (anon / file / shmem / swap) and who the process is (command line, user,
 * start time, group and the rule that matched). Unreadable values read "—".
 *
 * <p>Call {@link #show} with the selected sample after every snapshot (null when nothing is
 * selected). FX thread only.
 */
public class DetailsView extends VBox {

    private final DetailsViewModel viewModel;
    private final Label title = new Label();
    private final HistorySparkline sparkline = new HistorySparkline();
    private final GridPane figures = grid();
    private final BreakdownBar bar = new BreakdownBar();
    private final GridPane breakdown = grid();
    private final GridPane identity = grid();

    public DetailsView() {
        this(new DetailsViewModel());
    }

    public DetailsView(DetailsViewModel viewModel) {
        super(6);
        this.viewModel = viewModel;
        getStyleClass().add("details-view");
        setPadding(new Insets(8));
        title.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        title.textProperty().bind(viewModel.titleProperty());
        getChildren().addAll(title, sparkline, section("Memory and CPU"), figures, section("Memory breakdown"), bar,
                breakdown, section("Process"), identity);
        viewModel.historyProperty().addListener((obs, old, now) -> showHistory());
        viewModel.historyNoteProperty().addListener((obs, old, now) -> showHistory());
        viewModel.partsProperty().addListener((obs, old, now) -> bar.setBreakdown(now));
        viewModel.memoryProperty().addListener((obs, old, now) -> fill(figures, now));
        viewModel.breakdownProperty().addListener((obs, old, now) -> {
            fill(breakdown, now);
            colourKeys();
        });
        viewModel.identityProperty().addListener((obs, old, now) -> fill(identity, now));
        showNothing();
    }

    private void showNothing() {
        showHistory();
    }

    private void showHistory() {
        sparkline.setPoints(viewModel.historyProperty().get(), viewModel.historyNoteProperty().get());
    }

    /** Whether the shown snapshots come from a file (no history: the sparkline says so). */
    /** Draws the history and the breakdown bar in the light or dark look. */
    public void setPalette(io.herakles.procmem.ui.theme.Palette palette) {
        sparkline.setPalette(palette);
        bar.setPalette(palette);
    }

    public void setFromFile(boolean file) {
        viewModel.setFromFile(file);
    }

    /** Where the shown snapshots were collected (see {@link DetailsViewModel#setPssUssSource}). */
    public void setPssUssSource(PssUssReason.Source source) {
        viewModel.setPssUssSource(source);
    }

    /** Shows {@code sampleOrNull} (null: "No process selected") with its history from {@code history}. */
    public void show(ProcessSample sampleOrNull, ProcessHistory history) {
        viewModel.show(sampleOrNull, history);
    }

    /** The history chart (tests). */
    BreakdownBar breakdownBar() {
        return bar;
    }

    HistorySparkline sparkline() {
        return sparkline;
    }

    /** The view-model (read-only properties). */
    public DetailsViewModel viewModel() {
        return viewModel;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, values);
        return g;
    }

    /** Rewrites the grid's rows, reusing labels when the row count is unchanged (every second). */
    private static void fill(GridPane grid, List<DetailRow> rows) {
        if (grid.getChildren().size() == rows.size() * 2) {
            for (int i = 0; i < rows.size(); i++) {
                Label name = (Label) grid.getChildren().get(2 * i);
                name.setText(rows.get(i).label());
                explain(name, rows.get(i).help());
                ((Label) grid.getChildren().get(2 * i + 1)).setText(rows.get(i).value());
            }
            return;
        }
        grid.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            Label name = new Label(rows.get(i).label());
            name.setStyle("-fx-opacity: 0.75;");
            explain(name, rows.get(i).help());
            Label value = new Label(rows.get(i).value());
            value.setWrapText(true);
            grid.add(name, 0, i);
            grid.add(value, 1, i);
        }
    }

    /** Puts {@code help} on {@code label} as its tooltip (none when empty); keeps an equal one. */
    private static void explain(Label label, String help) {
        if (help.isEmpty()) {
            label.setTooltip(null);
        } else if (label.getTooltip() == null || !help.equals(label.getTooltip().getText())) {
            Tooltip tip = new Tooltip(help);
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            label.setTooltip(tip);
        }
    }

    /** The first four breakdown rows name the bar's segments: give them the segment colours. */
    private void colourKeys() {
        Color[] colours = {BreakdownBar.ANON, BreakdownBar.FILE, BreakdownBar.SHMEM, BreakdownBar.SWAP};
        for (int i = 0; i < colours.length && 2 * i < breakdown.getChildren().size(); i++) {
            ((Label) breakdown.getChildren().get(2 * i)).setGraphic(new Rectangle(9, 9, colours[i]));
        }
    }
}
