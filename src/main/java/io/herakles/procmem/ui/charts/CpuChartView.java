package io.herakles.procmem.ui.charts;

import io.herakles.procmem.model.Snapshot;
import java.time.Duration;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.VBox;

/**
 * Live CPU per group over a selectable window (1/5/15 min). FX thread only. (API placeholder.)
 */
public class CpuChartView extends VBox {

    private final ObjectProperty<Duration> window = new SimpleObjectProperty<>(this, "window", Duration.ofMinutes(5));

    /** Appends {@code snapshot}'s per-group CPU to the bounded history and redraws. */
    public void update(Snapshot snapshot) {
        // chart follows
    }

    /** The time window shown: 1, 5 or 15 minutes. */
    public ObjectProperty<Duration> windowProperty() {
        return window;
    }
}
