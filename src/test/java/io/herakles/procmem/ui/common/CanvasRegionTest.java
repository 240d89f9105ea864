package io.herakles.procmem.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A canvas paints when its data or size changed, once per layout pass, and never without area. */
@ExtendWith(ApplicationExtension.class)
class CanvasRegionTest {

    private final CountingCanvas canvas = new CountingCanvas();
    private StackPane root;

    /** Counts its paints. */
    private static final class CountingCanvas extends CanvasRegion {
        int paints;

        CountingCanvas() {
            setPrefSize(200, 100);
        }

        void newData() {
            repaint();
        }

        boolean pending() {
            return repaintPending();
        }

        @Override
        protected void paint(GraphicsContext g, double width, double height) {
            paints++;
        }
    }

    @Start
    void start(Stage stage) {
        root = new StackPane(canvas);
        stage.setScene(new Scene(root, 200, 100));
        stage.show();
    }

    private void layout() {
        root.applyCss();
        root.layout();
    }

    @Test
    void repaintsOncePerLayoutPassAndOnlyAfterNewDataOrANewSize(FxRobot robot) {
        robot.interact(() -> {
            layout();
            int before = canvas.paints;

            layout();
            assertThat(canvas.paints).as("nothing changed: no paint").isEqualTo(before);

            canvas.newData();
            canvas.newData();
            canvas.newData();
            layout();
            assertThat(canvas.paints).as("three requests, one paint").isEqualTo(before + 1);

            root.resize(150, 80);
            layout();
            assertThat(canvas.paints).as("a new size paints").isEqualTo(before + 2);
        });
    }

    @Test
    void aCanvasWithoutAreaDoesNotPaintButPaintsOnceItHasOne(FxRobot robot) {
        robot.interact(() -> {
            canvas.setPrefSize(0, 0);
            canvas.setMaxSize(0, 0);
            layout();
            int before = canvas.paints;

            canvas.newData();
            layout();
            assertThat(canvas.paints).isEqualTo(before);
            assertThat(canvas.pending()).isTrue();

            canvas.setMaxSize(200, 100);
            canvas.setPrefSize(200, 100);
            layout();
            assertThat(canvas.paints).isEqualTo(before + 1);
            assertThat(canvas.pending()).isFalse();
        });
    }
}
