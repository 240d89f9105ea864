package io.herakles.procmem.ui.app;

import static io.herakles.procmem.ui.common.TestSnapshots.process;
import static io.herakles.procmem.ui.common.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.processes.ProcessRow;
import io.herakles.procmem.ui.treemap.Rect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window, headless (Monocle), fed from recorded snapshots through fake services. A
 * handful of end-to-end checks; the logic underneath is tested without a window.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path dir;

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(services, dialogs, FxExecutor.fx());
        window.show(stage);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    private void publish(Snapshot snapshot) throws Exception {
        services.live.publish(snapshot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.store().getCurrentSnapshot() == snapshot);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<ProcessRow> table(FxRobot robot) {
        return robot.lookup("#processTable").queryTableView();
    }

    private List<Integer> shownPids(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> table(robot).getItems().stream().map(ProcessRow::pid).toList()));
    }

    @Test
    void rowsAppearAndTheFilterNarrowsThem(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        assertThat(shownPids(robot)).containsExactly(101, 102, 203, 304, 405);
        assertThat(stage.getTitle()).startsWith("Herakles");
        Label count = robot.lookup("#processCount").queryAs(Label.class);
        assertThat(count.getText()).isEqualTo("5 processes");

        robot.clickOn("#processTable");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isInstanceOf(TextField.class);
        robot.write("postgres");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).containsExactly(101, 102);

        // a refresh keeps the filter
        publish(TestSnapshots.small(2));
        assertThat(shownPids(robot)).containsExactly(101, 102);

        // unreadable PSS/USS read as a dash, and the notice explains why
        robot.interact(() -> window.store().selectedPidProperty().set(-1));
        assertThat(robot.lookup("#accessNotice").query().isVisible()).isTrue();
        robot.clickOn("#dismissNotice");
        assertThat(robot.lookup("#accessNotice").query().isVisible()).isFalse();
    }

    @Test
    void sortByUssSurvivesRefreshesAndKeepsTheSelection(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        Node ussHeader = robot.lookup(".column-header").match((Node n) -> "uss".equals(n.getId())).query();
        robot.clickOn(ussHeader).clickOn(ussHeader); // ascending, then descending
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).containsExactly(102, 304, 101, 203, 405);

        robot.interact(() -> table(robot).getSelectionModel().select(2));
        ProcessRow selected = table(robot).getSelectionModel().getSelectedItem();
        assertThat(selected.pid()).isEqualTo(101);
        assertThat(window.store().selectedPidProperty().get()).isEqualTo(101);
        assertThat(window.visuals().treemap().selectedPid()).isEqualTo(101);

        // nginx outgrows everything: the order follows, the selected row object stays selected
        publish(snapshot(2, List.of(
                process(101, "postgres", "db", "postgres", 900, 400, 300),
                process(102, "postgres", "db", "postgres", 2048, 1500, 1200),
                process(203, "nginx", "web", "nginx", 6000, 5000, 4000),
                process(304, "firefox", "desktop", "browser", 1500, 1100, 950),
                TestSnapshots.rootDaemon(405))));
        assertThat(shownPids(robot)).containsExactly(203, 102, 304, 101, 405);
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isSameAs(selected);

        // Space (table focused) pauses: the next snapshot is held back
        robot.clickOn("#processTable");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(services.calls).contains("pause");
        assertThat(stage.getTitle()).contains("paused");
    }

    @Test
    void clickingATreemapBoxSelectsItsRow(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        robot.clickOn(treemapCentreOf(304), Motion.DIRECT, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.store().selectedPidProperty().get()).isEqualTo(304);
        assertThat(table(robot).getSelectionModel().getSelectedItem().pid()).isEqualTo(304);
    }

    @Test
    void exportWritesTheShownSnapshotThroughTheServices(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(4));
        Path target = dir.resolve("export.json");
        dialogs.exportChoice = target;

        robot.clickOn("#processTable");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Files.exists(target)).isTrue();
        Snapshot written = services.written.get(target);
        assertThat(written).isSameAs(window.store().getCurrentSnapshot());
        assertThat(written.processes()).extracting(p -> p.pid()).containsExactlyElementsOf(shownPids(robot));
    }

    @Test
    void openShowsTheFileUntilBackToLive(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        Path file = dir.resolve("night.json");
        services.files.put(file, snapshot(9, "file: night.json", List.of(
                process(7001, "batch", "jobs", "nightly", 300, 200, 100),
                process(7002, "batch", "jobs", "nightly", 300, 200, 100))));
        dialogs.openChoice = file;

        robot.clickOn("File").clickOn("#openItem");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getTitle()).isEqualTo("Herakles — snapshot night.json");
        assertThat(shownPids(robot)).containsExactly(7001, 7002);
        services.live.publish(TestSnapshots.small(2)); // live keeps arriving, the file stays
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).containsExactly(7001, 7002);

        robot.clickOn("#backToLive");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getTitle()).startsWith("Herakles").doesNotContain("snapshot");
        assertThat(shownPids(robot)).containsExactly(101, 102, 203, 304, 405);
    }

    @Test
    void serveMetricsSwitchStartsTheExporterAndShowsItsUrl(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        robot.clickOn(robot.lookup("#serveMetrics .thumb-area").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(services.calls).contains("startMetricsServer 19215");
        assertThat(robot.lookup("#metricsUrl").queryAs(Label.class).getText())
                .isEqualTo("http://127.0.0.1:19215/metrics");

        robot.clickOn(robot.lookup("#serveMetrics .thumb-area").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(services.calls).contains("closeMetricsServer 19215");
        assertThat(robot.lookup("#metricsUrl").queryAs(Label.class).getText()).isEmpty();
    }

    /** Screen point at the middle of process {@code pid}'s treemap box. */
    private Point2D treemapCentreOf(int pid) {
        var treemap = window.visuals().treemap();
        Rect r = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> treemap.model().cellOf(pid).orElseThrow().rect()));
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> treemap.canvas().localToScreen(r.x() + r.width() / 2, r.y() + r.height() / 2)));
    }
}
