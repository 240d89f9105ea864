package io.herakles.procmem.ui.treemap;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * Treemap of group → subgroup → process memory. FX thread only. (API placeholder; drawing follows.)
 */
public class TreemapView extends Region {

    private final TreemapModel model = new TreemapModel();
    private final ObjectProperty<MemoryMetric> metric = new SimpleObjectProperty<>(this, "metric", MemoryMetric.RSS);
    private final Canvas canvas = new Canvas();
    private IntConsumer onProcessSelected = pid -> { };
    private int selectedPid = -1;

    public TreemapView() {
        getChildren().add(canvas);
        metric.addListener((obs, old, now) -> model.setMetric(now == null ? MemoryMetric.RSS : now));
    }

    /** Shows {@code snapshot} (null clears). */
    public void setSnapshot(Snapshot snapshot) {
        model.setSnapshot(snapshot);
    }

    /** The memory metric that sizes the boxes. */
    public ObjectProperty<MemoryMetric> metricProperty() {
        return metric;
    }

    /** Called with the pid when the user clicks a process box. */
    public void setOnProcessSelected(IntConsumer pidConsumer) {
        onProcessSelected = pidConsumer == null ? pid -> { } : pidConsumer;
    }

    /** Highlights the box of {@code pid} (-1 for none); does not call the selection callback. */
    public void selectPid(int pid) {
        selectedPid = pid;
    }

    /** The view-model (read-only use: hierarchy, zoom, cells). */
    public TreemapModel model() {
        return model;
    }
}
