package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.export.testdata.SnapshotJsonReader;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.processes.ProcessRow;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opening the recorded snapshot files of {@code src/test/resources/snapshots} through
 * File → Open and the real file reading of {@link LiveDesktopServices}: every process of the file
 * is a row, absent PSS/USS read "—", and the title names the file.
 */
@ExtendWith(ApplicationExtension.class)
class RecordedSnapshotWindowTest {

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services.readsRealFiles = true;
        window = new MainWindow(services, dialogs, FxExecutor.fx());
        window.show(stage);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void desktopFileShowsEveryProcessWithADashForUnreadablePssAndUss(FxRobot robot) throws Exception {
        Path file = recorded("desktop-33.json");
        Snapshot expected = SnapshotJsonReader.read(file);
        ProcessSample unreadable = expected.processes().stream()
                .filter(p -> p.pssBytes().isEmpty() && p.ussBytes().isEmpty()).findFirst().orElseThrow();
        ProcessSample readable = expected.processes().stream()
                .filter(p -> p.ussBytes().isPresent()).findFirst().orElseThrow();

        open(robot, file);

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
        open(robot, recorded("upstream-example.json"));

        assertThat(stage.getTitle()).isEqualTo("Herakles — snapshot upstream-example.json");
        assertThat(shownPids(robot)).containsExactly(1000, 1001); // biggest USS first
        assertThat(cellText(robot, 1000, "uss")).isEqualTo("384 MiB");
        assertThat(cellText(robot, 1000, "name")).isEqualTo("postgres");
    }

    private void open(FxRobot robot, Path file) {
        dialogs.openChoice = file;
        robot.clickOn("File").clickOn("#openItem");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Path recorded(String name) throws Exception {
        return Path.of(RecordedSnapshotWindowTest.class.getResource("/snapshots/" + name).toURI());
    }

    private TableView<ProcessRow> table(FxRobot robot) {
        return robot.lookup("#processTable").queryTableView();
    }

    private List<Integer> shownPids(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> table(robot).getItems().stream().map(ProcessRow::pid).toList()));
    }

    /** The text the cell of {@code pid}'s row shows in the column {@code columnId}, scrolled into view first. */
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
