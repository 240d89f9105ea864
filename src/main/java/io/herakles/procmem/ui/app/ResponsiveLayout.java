package io.herakles.procmem.ui.app;

import io.herakles.procmem.ui.charts.HeaderTilesView;
import io.herakles.procmem.ui.processes.ProcessTableView;
import javafx.scene.Scene;

/**
 * Fits the window to small screens: below {@value #NARROW} px wide the table's memory and CPU
 * columns come right after the name (unless the user arranged the columns), below
 * {@value #LOW} px high the header tiles are lower. FX thread only.
 */
final class ResponsiveLayout {

    static final double NARROW = 1280;
    static final double LOW = 800;

    private ResponsiveLayout() {}

    static void follow(Scene scene, ProcessTableView table, HeaderTilesView header) {
        scene.widthProperty().addListener((obs, old, w) -> table.setCompactColumns(w.doubleValue() < NARROW));
        scene.heightProperty().addListener((obs, old, h) -> header.setCompact(h.doubleValue() < LOW));
        table.setCompactColumns(scene.getWidth() < NARROW);
        header.setCompact(scene.getHeight() < LOW);
    }
}
