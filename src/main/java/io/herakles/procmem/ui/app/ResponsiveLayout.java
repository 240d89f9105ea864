package io.herakles.procmem.ui.app;

import io.herakles.procmem.ui.charts.HeaderTilesView;
import io.herakles.procmem.ui.processes.ProcessTableView;
import javafx.scene.Scene;

/**
 * Fits the window to small screens: below {@value #NARROW} px wide the table's memory and CPU
 * columns come right after the name (unless the user arranged the columns); narrow or below
 * {@value #LOW} px high the header tiles are lower, and both narrow and low they fold into one
 * line. FX thread only.
 */
final class ResponsiveLayout {

    static final double NARROW = 1280;
    static final double LOW = 800;

    private ResponsiveLayout() {}

    static void follow(Scene scene, ProcessTableView table, HeaderTilesView header) {
        scene.widthProperty().addListener((obs, old, w) -> fit(scene, table, header));
        scene.heightProperty().addListener((obs, old, h) -> fit(scene, table, header));
        fit(scene, table, header);
    }

    private static void fit(Scene scene, ProcessTableView table, HeaderTilesView header) {
        boolean narrow = scene.getWidth() < NARROW;
        table.setCompactColumns(narrow);
        header.fit(narrow, scene.getHeight() < LOW);
    }
}
