package io.herakles.procmem.ui.maps;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The memory-maps treemap in a real (headless Monocle) window: a screen reader hears what it draws. */
@ExtendWith(ApplicationExtension.class)
class MapsTreemapTest {

    private MapsTreemap view;

    @Start
    void start(Stage stage) {
        view = new MapsTreemap();
        stage.setScene(new Scene(view, 400, 240));
        stage.show();
    }

    @Test
    void itsAccessibleTextNamesTheLargestKinds(FxRobot robot) {
        assertThat(view.getAccessibleText()).isEqualTo(MapsTreemap.SPOKEN_EMPTY);

        robot.interact(() -> view.setMappings(TestMaps.jvm(1).mappings()));
        robot.interact(view::layout);

        MapsTreemapLayout.Cell biggest = view.cells().stream().filter(MapsTreemapLayout.Cell::isKind)
                .max(java.util.Comparator.comparingLong(MapsTreemapLayout.Cell::bytes)).orElseThrow();
        assertThat(view.getAccessibleText()).startsWith("Memory maps by kind, PSS: " + biggest.name() + " ");
    }
}
