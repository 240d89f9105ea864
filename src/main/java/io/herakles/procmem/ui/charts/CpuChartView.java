package io.herakles.procmem.ui.charts;

import io.herakles.procmem.model.Snapshot;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * Live CPU per group: the top {@value #TOP_GROUPS} groups (by CPU in the window) stacked or as
 * lines, the others summed as "rest", over a window of 1, 5 or 15 minutes chosen in a built-in
 * selector. Values are percent of one core (100 % = one core busy), summed over the group's
 * processes. Keeps at most 15 minutes of samples however long it runs.
 *
 * <p>Call {@link #update} once per snapshot. FX thread only.
 */
public class CpuChartView extends VBox {

    /** Groups drawn on their own; the rest are summed. */
    public static final int TOP_GROUPS = 6;
    /** The windows the selector offers. */
    public static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15));

    private final GroupCpuHistory history = new GroupCpuHistory();
    private final ObjectProperty<Duration> window = new SimpleObjectProperty<>(this, "window", Duration.ofMinutes(5));
    private final ReadOnlyObjectWrapper<GroupCpuHistory.ChartData> chartData =
            new ReadOnlyObjectWrapper<>(this, "chartData");
    private final CpuChartCanvas canvas = new CpuChartCanvas();
    private final FlowPane legend = new FlowPane(10, 2);
    private final ChoiceBox<Duration> windowChoice = new ChoiceBox<>();
    private final CheckBox stackedBox = new CheckBox("Stacked");
    private List<String> legendGroups = List.of();
    /** The groups a filter leaves, null while nothing is filtered. */
    private java.util.Set<String> onlyGroups;
    /** False while the CPU tab is not selected: snapshots are recorded, not drawn. */
    private boolean drawing = true;
    private boolean stale;

    public CpuChartView() {
        super(4);
        getStyleClass().add("cpu-chart-view");
        setPadding(new Insets(6));
        Label title = new Label("CPU by group (% of one core)");
        title.setStyle("-fx-font-weight: bold;");
        windowChoice.getItems().setAll(WINDOWS);
        windowChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : d.toMinutes() + " min";
            }

            @Override
            public Duration fromString(String s) {
                return Duration.ofMinutes(Long.parseLong(s.replace(" min", "").trim()));
            }
        });
        windowChoice.valueProperty().bindBidirectional(window);
        stackedBox.setSelected(true);
        stackedBox.selectedProperty().addListener((obs, old, now) -> canvas.setStacked(now));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, stackedBox, new Label("Window"), windowChoice);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        getChildren().addAll(bar, canvas, legend);
        window.addListener((obs, old, now) -> refresh());
        setFocusTraversable(true); // Ctrl+3 lands here; a screen reader reads the summary below
        setAccessibleRoleDescription("chart");
        refresh();
    }

    /** Appends {@code snapshot}'s per-group CPU to the bounded history and redraws (when drawing). */
    public void update(Snapshot snapshot) {
        update(GroupCpuHistory.sampleOf(snapshot));
    }

    /** As {@link #update(Snapshot)}, with the per-group CPU already summed (off the FX thread). */
    public void update(GroupCpuHistory.Sample sample) {
        history.record(sample);
        if (drawing) {
            refresh();
        } else {
            stale = true;
        }
    }

    /**
     * Whether the chart is on screen. While it is not, {@link #update} still records every
     * snapshot (the history must have no gaps) but draws nothing; turning drawing on catches up.
     */
    public void setDrawing(boolean on) {
        drawing = on;
        if (on && stale) {
            stale = false;
            refresh();
        }
    }

    /** The time window shown: 1, 5 or 15 minutes (other values work too, up to 15 minutes of history). */
    public ObjectProperty<Duration> windowProperty() {
        return window;
    }

    /**
     * Restricts the chart to {@code groups} (the groups a filter leaves); null shows every group.
     */
    public void setOnlyGroups(java.util.Set<String> groups) {
        java.util.Set<String> now = groups == null ? null : java.util.Set.copyOf(groups);
        if (!java.util.Objects.equals(now, onlyGroups)) {
            onlyGroups = now;
            if (drawing) {
                refresh();
            } else {
                stale = true;
            }
        }
    }

    /** Whether the groups are stacked (true, the default) or drawn as lines. */
    public javafx.beans.property.BooleanProperty stackedProperty() {
        return stackedBox.selectedProperty();
    }

    /** What is drawn now (for tests and tooltips). */
    public ReadOnlyObjectProperty<GroupCpuHistory.ChartData> chartDataProperty() {
        return chartData.getReadOnlyProperty();
    }

    /**
     * Whether the snapshots come from a file: one moment, so the chart shows that moment's CPU per
     * group and says there is no history, instead of waiting for samples. The window and stacking
     * choices do not apply then.
     */
    /** Draws the chart in the light or dark look. */
    public void setPalette(io.herakles.procmem.ui.theme.Palette palette) {
        canvas.setPalette(palette);
    }

    public void setFromFile(boolean file) {
        canvas.setFromFile(file);
        windowChoice.setDisable(file);
        stackedBox.setDisable(file);
    }

    /** What the chart says instead of (or above) a time chart; empty when it draws one. */
    public String message() {
        return canvas.message();
    }

    /** Forgets the history (e.g. when the source changes). */
    public void clear() {
        history.clear();
        refresh();
    }

    /** "CPU by group, latest: db 12.5 %, web 3.0 %" — what the chart shows now, for a screen reader. */
    static String spoken(GroupCpuHistory.ChartData data) {
        StringBuilder sb = new StringBuilder("CPU by group, percent of one core");
        String sep = ", latest: ";
        for (GroupCpuHistory.Series s : data.series()) {
            if (s.values().length > 0) {
                sb.append(sep).append(s.group()).append(' ')
                        .append(io.herakles.procmem.ui.common.Formats.percent(s.values()[s.values().length - 1]));
                sep = ", ";
            }
        }
        return sb.toString();
    }

    private void refresh() {
        Duration w = window.get() == null ? Duration.ofMinutes(5) : window.get();
        GroupCpuHistory.ChartData data = history.chart(w, TOP_GROUPS, onlyGroups);
        chartData.set(data);
        canvas.setData(data);
        setAccessibleText(spoken(data));
        List<String> groups = data.series().stream().map(GroupCpuHistory.Series::group).toList();
        if (!groups.equals(legendGroups)) {
            legendGroups = groups;
            legend.getChildren().clear();
            for (String g : groups) {
                Label l = new Label(g, new Rectangle(10, 10, CpuChartCanvas.colour(g)));
                legend.getChildren().add(l);
            }
        }
    }
}
