package io.herakles.procmem.ui.treemap;

import static io.herakles.procmem.ui.treemap.TestSnapshots.process;
import static io.herakles.procmem.ui.treemap.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.MemoryMetric;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** The treemap in a real (headless Monocle) window: clicks select, double-clicks zoom, the breadcrumb zooms out. */
@ExtendWith(ApplicationExtension.class)
class TreemapViewTest {

    private static final long MIB = 1 << 20;

    private final List<Integer> selections = new CopyOnWriteArrayList<>();
    private TreemapView view;

    @Start
    void start(Stage stage) {
        view = new TreemapView();
        view.setOnProcessSelected(selections::add);
        view.metricProperty().set(MemoryMetric.RSS);
        view.setSnapshot(snapshot(List.of(
                process(11, "db", "postgres", 400 * MIB, null, null),
                process(12, "db", "postgres", 200 * MIB, null, null),
                process(13, "db", "redis", 100 * MIB, null, null),
                process(21, "web", "nginx", 300 * MIB, null, null))));
        stage.setScene(new Scene(view, 640, 480));
        stage.show();
    }

    @Test
    void clickingAProcessBoxCallsBackWithItsPidAndHighlightsIt(FxRobot robot) {
        robot.clickOn(centreOf(21), Motion.DIRECT, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(selections).containsExactly(21);
        assertThat(view.selectedPid()).isEqualTo(21);
    }

    @Test
    void aScreenReaderHearsTheSelectedProcessOrWithoutOneTheZoomLevel(FxRobot robot) {
        assertThat(view.getAccessibleText()).as("nothing selected: not a group's box").startsWith("Treemap of ");

        robot.interact(() -> view.selectPid(13));
        assertThat(view.getAccessibleText()).isEqualTo("proc13, 100 MiB RSS");
    }

    @Test
    void selectPidHighlightsWithoutCallingBack(FxRobot robot) {
        robot.interact(() -> view.selectPid(12));

        assertThat(view.selectedPid()).isEqualTo(12);
        assertThat(selections).isEmpty();
    }

    @Test
    void doubleClickZoomsIntoTheGroupAndTheBreadcrumbZoomsBackOut(FxRobot robot) {
        robot.doubleClickOn(centreOf(13), Motion.DIRECT, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.zoomProperty().get()).isEqualTo(ZoomPath.group("db"));
        assertThat(view.model().cellOf(21)).as("web is outside the zoomed group").isEmpty();

        Hyperlink all = robot.lookup(".hyperlink").queryAs(Hyperlink.class);
        assertThat(all.getText()).isEqualTo("All groups");
        robot.clickOn(all);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.zoomProperty().get()).isEqualTo(ZoomPath.ROOT);
        assertThat(view.model().cellOf(21)).isPresent();
    }

    @Test
    void newSnapshotKeepsTheSelectionHighlightAndRelayouts(FxRobot robot) {
        robot.interact(() -> {
            view.selectPid(11);
            view.setSnapshot(snapshot(List.of(process(11, "db", "postgres", 10 * MIB, null, null))));
        });

        assertThat(view.selectedPid()).isEqualTo(11);
        assertThat(view.model().cells()).extracting(c -> c.node().pid()).contains(11).doesNotContain(21);
    }

    @Test
    void hoveringPutsTheNumbersInTheTooltipAndRightClickZoomsOut(FxRobot robot) {
        robot.moveTo(centreOf(12), Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();

        Tooltip tip = view.tooltip();
        assertThat(tip.getText()).contains("proc12 (pid 12)", "RSS 200 MiB", "db/postgres");

        robot.interact(() -> view.zoomTo(ZoomPath.subgroup("db", "postgres")));
        robot.clickOn(centreOf(12), Motion.DIRECT, MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.zoomProperty().get()).isEqualTo(ZoomPath.group("db"));
    }

    /** Screen point at the middle of process {@code pid}'s box. */
    @Test
    void offScreenItKeepsOnlyTheLatestSnapshotAndShowsItWhenDrawnAgain(FxRobot robot) {
        robot.interact(() -> {
            view.setDrawing(false);
            view.setSnapshot(snapshot(List.of(process(31, "cache", "redis", 100 * MIB, null, null))));
        });
        assertThat(view.model().cellOf(31)).as("not built while off screen").isEmpty();
        assertThat(view.model().cellOf(21)).isPresent();

        robot.interact(() -> view.setDrawing(true));

        assertThat(view.model().cellOf(31)).isPresent();
        assertThat(view.model().cellOf(21)).isEmpty();
    }

    private Point2D centreOf(int pid) {
        Rect r = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> view.model().cellOf(pid).orElseThrow().rect()));
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> view.canvas()
                .localToScreen(r.x() + r.width() / 2, r.y() + r.height() / 2)));
    }
}
