package io.herakles.procmem.ui.charts;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import javafx.scene.layout.HBox;

/**
 * The header row of TilesFX tiles: memory gauge, system CPU area chart, top-processes leaderboard,
 * process counts. FX thread only. (API placeholder; tiles follow.)
 */
public class HeaderTilesView extends HBox {

    /** Refreshes every tile from {@code snapshot}; the leaderboard ranks by {@code metric}. */
    public void update(Snapshot snapshot, MemoryMetric metric) {
        // tiles follow
    }
}
