package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.prefs.PrefsStore;
import io.herakles.procmem.ui.processes.ProcessRow;
import io.herakles.procmem.ui.store.SnapshotStore;
import io.herakles.procmem.ui.treemap.TreemapView;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Without a mouse: from the start to the terminate question, through the treemap and the table. */
@ExtendWith(ApplicationExtension.class)
class KeyboardPathTest {

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(services, dialogs, FxExecutor.fx(), PrefsStore.inMemory());
        window.show(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    private void publish(Snapshot snapshot) throws Exception {
        services.live.publish(snapshot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.store().getCurrentSnapshot() == snapshot);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void atStartTheTableHasTheFocusAndSpacePausesAndResumes(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        assertThat(window.tableView().table().isFocused()).as("the table, not the filter field").isTrue();

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.store().isPaused()).as("Space pauses").isTrue();
        assertThat(robot.lookup("#processFilter").queryAs(javafx.scene.control.TextField.class).getText())
                .as("and types nothing into the filter").isEmpty();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.store().isPaused()).as("Space resumes").isFalse();
    }

    @Test
    void ctrl2ArrowsEnterEscapeCtrl1AndDeleteReachTheTerminateQuestion(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        TreemapView treemap = window.visuals().treemap();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(treemap.isFocused()).as("Ctrl+2 focuses the treemap").isTrue();

        robot.type(KeyCode.RIGHT);
        int first = window.store().selectedPidProperty().get();
        assertThat(first).as("an arrow selects a process").isNotEqualTo(SnapshotStore.NO_SELECTION);
        assertThat(treemap.getAccessibleText()).as("what a screen reader says")
                .matches(".+, [0-9.]+ [KMG]iB USS");
        robot.type(KeyCode.LEFT).type(KeyCode.DOWN).type(KeyCode.RIGHT).type(KeyCode.UP);
        int chosen = window.store().selectedPidProperty().get();
        assertThat(chosen).isNotEqualTo(SnapshotStore.NO_SELECTION);

        robot.type(KeyCode.ENTER);
        assertThat(treemap.zoomProperty().get().depth()).as("Enter zooms in").isEqualTo(1);
        robot.type(KeyCode.ESCAPE);
        assertThat(treemap.zoomProperty().get().depth()).as("Escape zooms out").isZero();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        TableView<ProcessRow> table = window.tableView().table();
        assertThat(table.isFocused()).as("Ctrl+1 focuses the table").isTrue();
        assertThat(table.getSelectionModel().getSelectedItem().pid()).isEqualTo(chosen);

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.signalQuestions).hasSize(1);
        assertThat(dialogs.signalQuestions.get(0).title()).contains("Terminate");
        assertThat(dialogs.signalQuestions.get(0).textBinding().get()).contains(String.valueOf(chosen));
    }

    @Test
    void ctrl3ShowsTheCpuChartAndItSaysWhatItShows(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        publish(TestSnapshots.small(2));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);

        assertThat(window.visuals().selectedTabId()).isEqualTo(VisualViews.CPU_TAB);
        assertThat(window.visuals().cpuChart().isFocused()).isTrue();
        assertThat(window.visuals().cpuChart().getAccessibleText()).startsWith("CPU by group").contains("db");
    }

    @Test
    void theMenusHaveMnemonics(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(bar.getMenus()).allMatch(m -> m.getText().startsWith("_") && m.isMnemonicParsing());
        assertThat(bar.getMenus()).flatMap(javafx.scene.control.Menu::getItems)
                .filteredOn(i -> i.getText() != null)
                .allMatch(i -> i.getText().contains("_"), "every item has a mnemonic");
    }
}
