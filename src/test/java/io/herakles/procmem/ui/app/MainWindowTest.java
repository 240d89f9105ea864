package io.herakles.procmem.ui.app;

import static io.herakles.procmem.ui.common.TestSnapshots.process;
import static io.herakles.procmem.ui.common.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.export.snapshot.SnapshotJsonReader;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.processes.ProcessRow;
import io.herakles.procmem.ui.treemap.Rect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
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
    void minimizedPausesCollectionHoldsSnapshotsAndRestoringShowsTheLatest(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));

        robot.interact(() -> stage.setIconified(true));
        Snapshot whileMinimized = TestSnapshots.small(2);
        services.live.publish(whileMinimized); // the listener runs here, on the publishing thread

        assertThat(services.calls).containsExactly("pause");
        assertThat(window.heldWhileMinimized()).isSameAs(whileMinimized);
        assertThat(window.store().getCurrentSnapshot().sequence()).isEqualTo(1);

        robot.interact(() -> stage.setIconified(false));

        assertThat(services.calls).containsExactly("pause", "resume");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.store().getCurrentSnapshot() == whileMinimized);
        assertThat(window.heldWhileMinimized()).isNull();
    }

    @Test
    void minimizingWhileTheUserPausedLeavesCollectionAlone(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        robot.clickOn("#pauseButton");
        services.calls.clear();

        robot.interact(() -> stage.setIconified(true));
        robot.interact(() -> stage.setIconified(false));

        assertThat(services.calls).isEmpty();
        assertThat(window.store().isPaused()).isTrue();
    }

    @Test
    void rowsAppearAndTheFilterNarrowsThem(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        assertThat(shownPids(robot)).as("biggest USS first until the user sorts").containsExactly(102, 304, 101, 203, 405);
        assertThat(stage.getTitle()).startsWith("Herakles");
        Label count = robot.lookup("#processCount").queryAs(Label.class);
        assertThat(count.getText()).isEqualTo("5 processes");

        robot.clickOn("#processTable");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isInstanceOf(TextField.class);
        robot.write("postgres");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).containsExactly(102, 101);

        // a refresh keeps the filter
        publish(TestSnapshots.small(2));
        assertThat(shownPids(robot)).containsExactly(102, 101);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).hasSize(5);

        // unreadable PSS/USS read as a dash, and the notice explains why
        robot.interact(() -> window.store().selectedPidProperty().set(-1));
        assertThat(robot.lookup("#accessNotice").query().isVisible()).isTrue();
        robot.clickOn("#dismissNotice");
        assertThat(robot.lookup("#accessNotice").query().isVisible()).isFalse();
    }

    @Test
    void sortByUssSurvivesRefreshesAndKeepsTheSelection(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        robot.clickOn(header(robot, "pid"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).containsExactly(101, 102, 203, 304, 405);
        robot.clickOn(header(robot, "uss"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).as("biggest first on the first click, unknown last")
                .containsExactly(102, 304, 101, 203, 405);
        robot.clickOn(header(robot, "uss"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).as("then ascending, unknown first").containsExactly(405, 203, 101, 304, 102);
        robot.clickOn(header(robot, "uss"));
        robot.clickOn(header(robot, "uss"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).containsExactly(102, 304, 101, 203, 405);

        robot.interact(() -> table(robot).getSelectionModel().select(2));
        ProcessRow selected = table(robot).getSelectionModel().getSelectedItem();
        assertThat(selected.pid()).isEqualTo(101);
        assertThat(window.store().selectedPidProperty().get()).isEqualTo(101);
        assertThat(window.visuals().treemap().selectedPid()).isEqualTo(101);

        // nginx outgrows everything: the order follows, and so does the selection (the process,
        // now on another line)
        publish(snapshot(2, List.of(
                process(101, "postgres", "db", "postgres", 900, 400, 300),
                process(102, "postgres", "db", "postgres", 2048, 1500, 1200),
                process(203, "nginx", "web", "nginx", 6000, 5000, 4000),
                process(304, "firefox", "desktop", "browser", 1500, 1100, 950),
                TestSnapshots.rootDaemon(405))));
        assertThat(shownPids(robot)).containsExactly(203, 102, 304, 101, 405);
        assertThat(table(robot).getSelectionModel().getSelectedIndex()).isEqualTo(3);
        assertThat(table(robot).getSelectionModel().getSelectedItem().pid()).isEqualTo(101);
        assertThat(window.store().selectedPidProperty().get()).isEqualTo(101);

        // the selected process exits: no neighbour gets selected in its place
        publish(snapshot(3, List.of(
                process(102, "postgres", "db", "postgres", 2048, 1500, 1200),
                process(203, "nginx", "web", "nginx", 6000, 5000, 4000))));
        assertThat(shownPids(robot)).containsExactly(203, 102);
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isNull();
        assertThat(window.store().selectedPidProperty().get()).isEqualTo(101);

        // Space (table focused) pauses: the next snapshot is held back
        robot.clickOn("#processTable");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(services.calls).contains("pause");
        assertThat(stage.getTitle()).contains("paused");
        assertThat(robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText())
                .startsWith("Paused");
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
        assertThat(written.processes()).extracting(p -> p.pid()).containsExactlyInAnyOrderElementsOf(shownPids(robot));
    }

    @Test
    void openShowsTheFileUntilBackToLive(FxRobot robot) throws Exception {
        for (int tick = 1; tick <= 3; tick++) {
            publish(TestSnapshots.small(tick));
        }
        int livePoints = window.historyShown().history(101).size();
        assertThat(livePoints).as("live history recorded").isEqualTo(3);
        Path file = dir.resolve("night.json");
        services.files.put(file, snapshot(9, "file: night.json", List.of(
                process(7001, "batch", "jobs", "nightly", 300, 200, 100),
                process(7002, "batch", "jobs", "nightly", 300, 200, 100))));
        dialogs.openChoice = file;

        robot.clickOn("File").clickOn("#openItem");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getTitle()).isEqualTo("Herakles — snapshot night.json");
        assertThat(shownPids(robot)).containsExactly(7001, 7002);
        robot.interact(() -> window.store().selectedPidProperty().set(7001));
        assertThat(window.visuals().detailsView().viewModel().historyNoteProperty().get())
                .as("a file has no history, and says so").startsWith("No history in a snapshot file");
        assertThat(window.visuals().cpuChart().message()).startsWith("No CPU history in a snapshot file")
                .doesNotContain("Collecting");
        services.live.publish(TestSnapshots.small(4)); // live keeps arriving, the file stays
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).containsExactly(7001, 7002);

        robot.clickOn("#backToLive");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getTitle()).startsWith("Herakles").doesNotContain("snapshot");
        assertThat(shownPids(robot)).containsExactlyInAnyOrder(101, 102, 203, 304, 405);
        assertThat(window.historyShown().history(101)).as("the live history survives a file")
                .hasSizeGreaterThanOrEqualTo(livePoints);
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

        // a busy port is a message, and the switch goes back off
        services.metricsFailure = new java.io.IOException("Address already in use");
        robot.clickOn(robot.lookup("#serveMetrics .thumb-area").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).singleElement().asString().contains("Port 19215: Address already in use");
        assertThat(robot.lookup("#serveMetrics").queryAs(org.controlsfx.control.ToggleSwitch.class).isSelected())
                .isFalse();
        assertThat(stage.getIcons()).isNotEmpty();
    }

    @Test
    void toolbarSetsIntervalAndMetricAndTheContextMenuKillsAfterConfirmation(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        @SuppressWarnings("unchecked")
        ChoiceBox<Duration> interval = robot.lookup("#intervalChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> interval.setValue(Duration.ofSeconds(5)));
        assertThat(services.calls).contains("setInterval 5");

        robot.clickOn("#metricPSS");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.store().metricProperty().get()).isEqualTo(MemoryMetric.PSS);
        assertThat(window.visuals().treemap().metricProperty().get()).isEqualTo(MemoryMetric.PSS);
        assertThat(header(robot, "pss").getStyleClass()).contains("metric-column");
        assertThat(header(robot, "uss").getStyleClass()).doesNotContain("metric-column");

        services.terminateResult = TerminationResult.refused("Operation not permitted");
        // the re-sort by PSS is laid out on a pulse, which may come after waitForFxEvents on a busy machine
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-row-cell")
                .match((TableRow<ProcessRow> r) -> r.getItem() != null && r.getItem().pid() == 405).tryQuery().isPresent());
        TableRow<ProcessRow> sshdRow = robot.lookup(".table-row-cell").match((TableRow<ProcessRow> r) ->
                r.getItem() != null && r.getItem().pid() == 405).query();
        robot.interact(() -> ContextMenuRequests.rightClick(sshdRow));
        robot.clickOn("Kill (SIGKILL)…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.confirmations).singleElement().asString().contains("sshd").contains("405");
        assertThat(services.calls).contains("kill 405");
        assertThat(dialogs.errors).singleElement().asString().contains("Operation not permitted");
    }

    private static Node header(FxRobot robot, String columnId) {
        return robot.lookup(".column-header").match((Node n) -> columnId.equals(n.getId())).query();
    }

    /** Screen point at the middle of process {@code pid}'s treemap box. */
    private Point2D treemapCentreOf(int pid) {
        var treemap = window.visuals().treemap();
        Rect r = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> treemap.model().cellOf(pid).orElseThrow().rect()));
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> treemap.canvas().localToScreen(r.x() + r.width() / 2, r.y() + r.height() / 2)));
    }

    // ---- recorded snapshot files, read as LiveDesktopServices reads them ----

    @Test
    void desktopFileShowsEveryProcessWithADashForUnreadablePssAndUss(FxRobot robot) throws Exception {
        services.readsRealFiles = true;
        Path file = recorded("desktop-33.json");
        Snapshot expected = SnapshotJsonReader.read(file);
        ProcessSample unreadable = expected.processes().stream()
                .filter(p -> p.pssBytes().isEmpty() && p.ussBytes().isEmpty()).findFirst().orElseThrow();
        ProcessSample readable = expected.processes().stream()
                .filter(p -> p.ussBytes().isPresent()).findFirst().orElseThrow();

        openThroughTheMenu(robot, file);

        assertThat(stage.getTitle()).isEqualTo("Herakles — snapshot desktop-33.json");
        assertThat(shownPids(robot)).hasSize(33)
                .containsExactlyInAnyOrderElementsOf(expected.processes().stream().map(ProcessSample::pid).toList());
        assertThat(cellText(robot, unreadable.pid(), "pss")).isEqualTo("—");
        assertThat(cellText(robot, unreadable.pid(), "uss")).isEqualTo("—");
        assertThat(cellText(robot, unreadable.pid(), "rss")).isNotEqualTo("—").endsWith("B");
        assertThat(cellText(robot, readable.pid(), "uss")).isNotEqualTo("—").endsWith("B");
    }

    @Test
    void upstreamExampleShowsItsTwoProcesses(FxRobot robot) throws Exception {
        services.readsRealFiles = true;
        openThroughTheMenu(robot, recorded("upstream-example.json"));

        assertThat(stage.getTitle()).isEqualTo("Herakles — snapshot upstream-example.json");
        assertThat(shownPids(robot)).containsExactly(1000, 1001); // biggest USS first
        assertThat(cellText(robot, 1000, "uss")).isEqualTo("384 MiB");
        assertThat(cellText(robot, 1000, "name")).isEqualTo("postgres");
    }

    private void openThroughTheMenu(FxRobot robot, Path file) {
        dialogs.openChoice = file;
        robot.clickOn("File").clickOn("#openItem");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Path recorded(String name) throws Exception {
        return Path.of(MainWindowTest.class.getResource("/snapshots/" + name).toURI());
    }

    /** The text the cell of {@code pid}'s row shows in the column {@code columnId}, scrolled into view first. */
    @SuppressWarnings("rawtypes") // TestFX's queryAllAs takes a class literal, which cannot carry the type arguments
    private String cellText(FxRobot robot, int pid, String columnId) {
        TableView<ProcessRow> table = table(robot);
        robot.interact(() -> {
            int index = table.getItems().indexOf(table.getItems().stream()
                    .filter(r -> r.pid() == pid).findFirst().orElseThrow());
            table.scrollTo(index);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> robot.lookup(".table-cell")
                .queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof ProcessRow r
                        && r.pid() == pid && columnId.equals(c.getTableColumn().getId()))
                .map(TableCell::getText).findFirst().orElse("(no cell)")));
    }
}
