package io.herakles.procmem.ui.treemap;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import java.util.List;
import java.util.Objects;

/**
 * A treemap ready to draw: the hierarchy of one snapshot sized by one metric, laid out for one zoom
 * path and canvas size. Immutable and JavaFX-free, so it can be computed off the FX thread
 * ({@link #compute}) and shown on it with {@link TreemapView#setSnapshot(Snapshot, TreemapFrame)}.
 *
 * @param snapshot the snapshot it shows (compared by identity when shown)
 * @param params   what it was laid out for
 * @param root     the whole hierarchy
 * @param cells    the laid-out cells, parents before children
 */
public record TreemapFrame(Snapshot snapshot, Params params, TreemapNode root, List<TreemapCell> cells) {

    /**
     * What a layout depends on besides the snapshot; the view publishes it whenever it changes.
     *
     * @param metric the metric that sizes the boxes
     * @param zoom   the zoom path as asked for (a vanished path shows its parent)
     * @param width  canvas width in pixels
     * @param height canvas height in pixels
     */
    public record Params(MemoryMetric metric, ZoomPath zoom, double width, double height) {
        public Params {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(zoom, "zoom");
        }
    }

    public TreemapFrame {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(root, "root");
        cells = List.copyOf(cells);
    }

    /** Builds and lays out {@code snapshot} for {@code params}. Pure; any thread. */
    public static TreemapFrame compute(Snapshot snapshot, Params params) {
        TreemapNode root = TreemapModel.build(snapshot.processes(), params.metric());
        return new TreemapFrame(snapshot, params, root,
                TreemapModel.layout(root, params.zoom(), params.width(), params.height()));
    }
}
