package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;

/**
 * Pause/resume (also Space), the refresh interval (1/2/5/10 s), the memory metric (USS/PSS/RSS),
 * and in file mode the file's name with "Back to live". FX thread only.
 */
final class MainToolBar extends ToolBar {

    static final List<Duration> INTERVALS =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));

    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

    private final SnapshotStore store;
    private final DesktopServices services;
    private final ToggleButton pause = new ToggleButton();
    private ChoiceBox<Duration> intervalBox;
    private SegmentedButton metricBox;

    MainToolBar(SnapshotStore store, DesktopServices services, Runnable backToLive) {
        this.store = store;
        this.services = services;
        getStyleClass().add("main-tool-bar");

        pause.setId("pauseButton");
        pause.textProperty().bind(Bindings.when(store.pausedProperty()).then("Resume").otherwise("Pause"));
        Region icon = new Region();
        icon.getStyleClass().add("icon");
        pause.setGraphic(icon);
        store.pausedProperty().addListener((obs, was, now) -> pause.pseudoClassStateChanged(PAUSED, now));
        pause.setOnAction(e -> {
            pause.setSelected(store.isPaused()); // the store, not the button, holds the state
            togglePause();
        });
        store.pausedProperty().addListener((obs, was, now) -> pause.setSelected(now));
        pause.disableProperty().bind(store.modeProperty().isEqualTo(SnapshotStore.Mode.FILE));

        Label fileLabel = new Label();
        fileLabel.setId("fileModeLabel");
        fileLabel.getStyleClass().add("file-mode-label");
        fileLabel.textProperty().bind(Bindings.createStringBinding(
                () -> (store.timelineProperty().get().isEmpty() ? "Showing snapshot " : "Showing recording ")
                        + store.fileNameProperty().get(),
                store.fileNameProperty(), store.timelineProperty()));
        Button back = new Button("Back to live");
        back.setId("backToLive");
        back.setOnAction(e -> backToLive.run());
        HBox fileMode = new HBox(fileLabel, back);
        fileMode.getStyleClass().add("file-mode-box");
        fileMode.visibleProperty().bind(store.modeProperty().isEqualTo(SnapshotStore.Mode.FILE));
        fileMode.managedProperty().bind(fileMode.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(pause, caption("Refresh"), intervalChoice(), caption("Memory"), metricChoice(),
                spacer, fileMode);
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("tool-caption");
        return label;
    }

    private ChoiceBox<Duration> intervalChoice() {
        List<Duration> choices = new ArrayList<>(INTERVALS);
        Duration current = services.interval();
        if (!choices.contains(current)) {
            choices.add(current);
            choices.sort(null);
        }
        ChoiceBox<Duration> box = new ChoiceBox<>();
        box.setId("intervalChoice");
        box.getItems().setAll(choices);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
            }

            @Override
            public Duration fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        box.setValue(current);
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                services.setInterval(now);
            }
        });
        box.disableProperty().bind(store.modeProperty().isEqualTo(SnapshotStore.Mode.FILE));
        intervalBox = box;
        return box;
    }

    private SegmentedButton metricChoice() {
        SegmentedButton segmented = new SegmentedButton();
        metricBox = segmented;
        segmented.setId("metricChoice");
        for (MemoryMetric metric : MemoryMetric.values()) {
            ToggleButton button = new ToggleButton(metric.name());
            button.setId("metric" + metric.name());
            button.setUserData(metric);
            button.setSelected(store.metricProperty().get() == metric);
            segmented.getButtons().add(button);
        }
        segmented.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one metric is always chosen
            } else {
                store.metricProperty().set((MemoryMetric) now.getUserData());
            }
        });
        store.metricProperty().addListener((obs, old, now) -> segmented.getButtons().stream()
                .filter(b -> b.getUserData() == now).findFirst().ifPresent(b -> b.setSelected(true)));
        return segmented;
    }

    /** Shows {@code node} (the filter chip) after the metric choice. */
    void addAfterChoices(javafx.scene.Node node) {
        getItems().add(getItems().indexOf(metricBox) + 1, node);
    }

    /** The chosen refresh interval; choosing one changes the live source's. */
    javafx.beans.property.ObjectProperty<Duration> intervalProperty() {
        return intervalBox.valueProperty();
    }

    /** Chooses {@code interval} (remembered preferences), adding it to the choices when it is not one. */
    void selectInterval(Duration interval) {
        if (!intervalBox.getItems().contains(interval)) {
            List<Duration> choices = new ArrayList<>(intervalBox.getItems());
            choices.add(interval);
            choices.sort(null);
            intervalBox.getItems().setAll(choices);
        }
        intervalBox.setValue(interval);
    }

    /** Pauses or resumes live updates (button and Space). Ignored in file mode. */
    void togglePause() {
        if (store.getMode() == SnapshotStore.Mode.FILE) {
            return;
        }
        boolean pausing = !store.isPaused();
        if (pausing) {
            services.pause();
        } else {
            services.resume();
        }
        store.setPaused(pausing);
    }
}
