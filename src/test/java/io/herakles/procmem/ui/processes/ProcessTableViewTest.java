package io.herakles.procmem.ui.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The process table in a real (headless Monocle) window: header clicks, header tooltips, filter hints. */
@ExtendWith(ApplicationExtension.class)
class ProcessTableViewTest {

    private ProcessTableView view;
    private SnapshotStore store;

    @Start
    void start(Stage stage) {
        store = new SnapshotStore();
        view = new ProcessTableView(new ProcessTableViewModel(), store);
        stage.setScene(new Scene(view, 1100, 400));
        stage.show();
        store.acceptLive(TestSnapshots.small(1));
    }

    @Test
    void sizeAndCpuColumnsSortBiggestFirstThenSmallestThenNot(FxRobot robot) {
        // CPU % of small(1): 405 9.0, 102 6.0, 101 4.5, 304 4.5, 203 0
        click(robot, "cpu");
        assertThat(shownPids(robot)).containsExactly(405, 102, 101, 304, 203);
        click(robot, "cpu");
        assertThat(shownPids(robot)).containsExactly(203, 101, 304, 102, 405);
        click(robot, "cpu");
        assertThat(shownPids(robot)).as("third click: unsorted, pid order").containsExactly(101, 102, 203, 304, 405);

        click(robot, "rss");
        assertThat(rssValues(robot)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        click(robot, "pid");
        click(robot, "uss");
        assertThat(shownPids(robot)).as("from another column: biggest first, unknown last")
                .containsExactly(102, 304, 101, 203, 405);
    }

    @Test
    void textColumnsStillSortAscendingFirst(FxRobot robot) {
        click(robot, "name");
        assertThat(shownPids(robot)).containsExactly(304, 203, 101, 102, 405); // firefox, nginx, postgres ×2, sshd
    }

    @Test
    void headersExplainTheirFigures(FxRobot robot) {
        assertThat(headerHelp(robot, "rss")).startsWith("Resident set size");
        assertThat(headerHelp(robot, "pss")).startsWith("Proportional set size");
        assertThat(headerHelp(robot, "uss")).startsWith("Unique set size");
        assertThat(headerHelp(robot, "swap")).contains("swap");
        assertThat(headerHelp(robot, "cpu")).contains("% of one core");
        assertThat(view.table().getColumns()).extracting(c -> c.getText()).as("the column chooser keeps the titles")
                .contains("RSS", "PSS", "USS", "Swap", "CPU %", "CPU time");
    }

    @Test
    void aFilterThatMatchedInTheCommandLineSaysSoBesideTheName(FxRobot robot) {
        robot.clickOn("#processFilter").write("serve"); // every command line is "/usr/bin/NAME --serve"
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nameHint(robot, 101)).isEqualTo(NameCell.SHORT_HINT);

        robot.type(KeyCode.ESCAPE);
        robot.clickOn("#processFilter").write("nginx");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPids(robot)).containsExactly(203);
        assertThat(nameHint(robot, 203)).as("the name matched").isEmpty();
    }

    @Test
    void theCellsInViewShowTheProcessesTheirLinesMovedTo(FxRobot robot) {
        // sorted by USS, biggest first, as the table opens
        assertThat(shownPids(robot)).containsExactly(102, 304, 101, 203, 405);
        assertThat(cellTexts(robot, "pid")).startsWith("102", "304", "101", "203", "405");
        TableCell<?, ?> firstName = nameCellOfLine(robot, 0);

        // nginx outgrows everything and firefox leaves: the lines show the new order, the cells in
        // view follow without the table's rows being rebuilt
        robot.interact(() -> store.acceptLive(TestSnapshots.snapshot(2, List.of(
                TestSnapshots.process(101, "postgres", "db", "postgres", 900, 400, 300),
                TestSnapshots.process(102, "postgres", "db", "postgres", 2048, 1500, 1200),
                TestSnapshots.process(203, "nginx", "web", "nginx", 6000, 5000, 4000),
                TestSnapshots.rootDaemon(405)))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shownPids(robot)).containsExactly(203, 102, 101, 405);
        assertThat(cellTexts(robot, "pid")).startsWith("203", "102", "101", "405");
        assertThat(cellTexts(robot, "name")).startsWith("nginx", "postgres", "postgres", "sshd");
        assertThat(cellTexts(robot, "uss").get(0)).isEqualTo(io.herakles.procmem.ui.common.Formats.bytes(4000L << 20));
        assertThat(nameCellOfLine(robot, 0)).as("the same cell, now showing nginx").isSameAs(firstName);
    }

    /** The texts of a column's cells in view, top to bottom (empty rows give ""). */
    private List<String> cellTexts(FxRobot robot, String columnId) {
        TableView<ProcessRow> table = view.table();
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> robot.from(table).lookup(".table-cell")
                .queryAllAs(TableCell.class).stream()
                .filter(c -> columnId.equals(c.getTableColumn().getId()) && c.isVisible() && c.getTableRow() != null
                        && c.getTableRow().isVisible() && c.getIndex() >= 0)
                .sorted(java.util.Comparator.comparingInt(c -> c.getIndex()))
                .map(c -> c.getText() == null ? "" : c.getText())
                .toList()));
    }

    private TableCell<?, ?> nameCellOfLine(FxRobot robot, int index) {
        TableView<ProcessRow> table = view.table();
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> robot.from(table).lookup(".table-cell")
                .queryAllAs(TableCell.class).stream()
                .filter(c -> "name".equals(c.getTableColumn().getId()) && c.getIndex() == index && c.isVisible())
                .findFirst().orElseThrow()));
    }

    private void click(FxRobot robot, String columnId) {
        Node header = robot.lookup(".column-header").match((Node n) -> columnId.equals(n.getId())).query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Integer> shownPids(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> view.table().getItems().stream().map(ProcessRow::pid).toList()));
    }

    private List<Long> rssValues(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> view.table().getItems().stream().map(r -> r.rssProperty().get()).toList()));
    }

    private static String headerHelp(FxRobot robot, String columnId) {
        Node header = robot.lookup(".column-header").match((Node n) -> columnId.equals(n.getId())).query();
        Label title = robot.from(header).lookup(".column-title").queryAs(Label.class);
        return title.getTooltip().getText();
    }

    private String nameHint(FxRobot robot, int pid) {
        TableView<ProcessRow> table = view.table();
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> robot.from(table).lookup(".table-cell")
                .queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof ProcessRow r
                        && r.pid() == pid && "name".equals(c.getTableColumn().getId()))
                .map(c -> c.getGraphic() instanceof Label l && l.isVisible() ? l.getText() : "")
                .findFirst().orElse("(no cell)")));
    }
}
