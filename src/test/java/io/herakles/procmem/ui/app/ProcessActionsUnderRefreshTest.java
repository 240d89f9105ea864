package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.processes.ProcessRow;
import io.herakles.procmem.ui.processes.ProcessSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Terminate / kill while the view is live: a source publishes a snapshot every 50 ms that draws
 * every process's memory anew, so the rows re-sort under the open menu. Whatever the table does,
 * the confirmation must be about the process that was right-clicked (or selected, for the keys).
 */
@ExtendWith(ApplicationExtension.class)
class ProcessActionsUnderRefreshTest {

    private static final int PROCESSES = 30;

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ScheduledExecutorService source = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-snapshot-source");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong tick = new AtomicLong();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(services, dialogs, FxExecutor.fx());
        window.show(stage);
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        source.shutdownNow();
        source.awaitTermination(10, TimeUnit.SECONDS);
        robot.interact(() -> window.tableView().contextMenu().hide());
        robot.interact(window::close);
    }

    /** Starts publishing a re-sorting snapshot every 50 ms, after the first one is shown. */
    private void goLive() throws Exception {
        Snapshot first = TestSnapshots.generated(PROCESSES, tick.incrementAndGet(), true);
        services.live.publish(first);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.store().getCurrentSnapshot() == first);
        source.scheduleAtFixedRate(
                () -> services.live.publish(TestSnapshots.generated(PROCESSES, tick.incrementAndGet(), true)),
                50, 50, TimeUnit.MILLISECONDS);
    }

    private TableView<ProcessRow> table() {
        return window.tableView().table();
    }

    private ContextMenu menu() {
        return window.tableView().contextMenu();
    }

    @Test
    void everyMenuActivationAsksAboutTheProcessThatWasRightClicked(FxRobot robot) throws Exception {
        goLive();
        List<Integer> clicked = new ArrayList<>();
        List<ProcessSignal> chosen = new ArrayList<>();
        long ticksBefore = tick.get();

        for (int i = 0; i < 100; i++) {
            int index = i % 10;
            // what is under the pointer and the request itself happen in one FX turn: that is the truth
            int pid = rightClickRow(index);
            clicked.add(pid);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> menu().isShowing());
            WaitForAsyncUtils.sleep(120, TimeUnit.MILLISECONDS); // a couple of re-sorts under the open menu
            ProcessSignal signal = i % 2 == 0 ? ProcessSignal.TERMINATE : ProcessSignal.KILL;
            chosen.add(signal);
            robot.clickOn(menuItemNode(signal == ProcessSignal.TERMINATE ? "#terminateItem" : "#killItem"),
                    Motion.DIRECT, MouseButton.PRIMARY);
            int asked = i + 1;
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs.signalQuestions.size() >= asked);
        }

        assertThat(tick.get() - ticksBefore).as("the rows really were replaced meanwhile").isGreaterThan(100);
        assertThat(dialogs.signalQuestions).hasSize(100);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            SignalConfirmation q = dialogs.signalQuestions.get(i);
            assertThat(q.target().pid()).as("activation %d", i + 1).isEqualTo(clicked.get(i));
            assertThat(q.signal()).isEqualTo(chosen.get(i));
            assertThat(q.message()).contains("pid " + clicked.get(i) + " ");
            expected.add((chosen.get(i).force() ? "kill " : "terminate ") + clicked.get(i));
        }
        assertThat(services.calls).containsExactlyElementsOf(expected);
    }

    /**
     * Fires a right-click request on a cell of the row at {@code index} and returns the pid that row
     * showed then; waits (bounded) for the row to be laid out first.
     */
    private int rightClickRow(int index) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            int pid = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> rightClickRowNow(index)));
            if (pid >= 0) {
                return pid;
            }
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("no visible row " + index);
    }

    /** The shown menu's node for the item with {@code id} (the menu's skin gives its rows the items' ids). */
    private Node menuItemNode(String id) throws Exception {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> menu().getSkin().getNode().lookup(id)));
    }

    /** In one FX turn: the pid the row at {@code index} shows, and the request on it; -1 when not laid out. */
    private int rightClickRowNow(int index) {
        for (Node n : table().lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableRow() != null && cell.getTableRow().getIndex() == index
                    && cell.getTableRow().getItem() instanceof ProcessRow row && cell.isVisible()) {
                ContextMenuRequests.rightClick(cell);
                return row.pid();
            }
        }
        return -1;
    }

    @Test
    void deleteAndShiftDeleteAskAboutTheSelectedProcess(FxRobot robot) throws Exception {
        goLive();
        int selected = selectRow(robot, 3);

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs.signalQuestions.size() == 1);
        robot.press(KeyCode.SHIFT).type(KeyCode.DELETE).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs.signalQuestions.size() == 2);

        assertThat(dialogs.signalQuestions.get(0).target().pid()).isEqualTo(selected);
        assertThat(dialogs.signalQuestions.get(0).signal()).isEqualTo(ProcessSignal.TERMINATE);
        assertThat(dialogs.signalQuestions.get(1).target().pid()).isEqualTo(selected);
        assertThat(dialogs.signalQuestions.get(1).signal()).isEqualTo(ProcessSignal.KILL);
        assertThat(services.calls).containsExactly("terminate " + selected, "kill " + selected);

        // Delete in the filter field edits the text and signals nothing
        robot.clickOn("#processFilter").write("ab");
        robot.type(KeyCode.LEFT).type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#processFilter").queryAs(TextField.class).getText()).isEqualTo("a");
        assertThat(dialogs.signalQuestions).hasSize(2);
    }

    @Test
    void shiftF10OpensTheMenuForTheSelectedProcessWithItsShortcutsShown(FxRobot robot) throws Exception {
        goLive();
        int selected = selectRow(robot, 2);

        robot.press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> menu().isShowing());

        MenuItem heading = menu().getItems().get(0);
        assertThat(heading.getText()).contains("pid " + selected);
        List<String> accelerators = robot.lookup(".accelerator-text").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(accelerators).contains(new KeyCodeCombination(KeyCode.DELETE).getDisplayText(),
                new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHIFT_DOWN).getDisplayText());

        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS); // re-sorts under the open menu
        robot.clickOn(menuItemNode("#killItem"), Motion.DIRECT, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs.signalQuestions.size() == 1);
        assertThat(dialogs.signalQuestions.get(0).target().pid()).isEqualTo(selected);
        assertThat(services.calls).containsExactly("kill " + selected);
    }

    @Test
    void theMenuKeyOpensTheMenuToo(FxRobot robot) throws Exception {
        goLive();
        int selected = selectRow(robot, 1);

        robot.type(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> menu().isShowing());

        assertThat(menu().getItems().get(0).getText()).contains("pid " + selected);
    }

    private Optional<TableRow<?>> rowAt(int index) throws Exception {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> table().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == index && !r.isEmpty())
                .<TableRow<?>>map(n -> (TableRow<?>) n).findFirst()));
    }

    /** Clicks the row at {@code index} and returns the pid it selected. */
    private int selectRow(FxRobot robot, int index) throws Exception {
        // the first snapshot's rows are laid out on a pulse: wait (bounded) for them
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rowAt(index).isPresent());
        TableRow<?> row = rowAt(index).orElseThrow();
        robot.clickOn(row, Motion.DIRECT, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        ProcessRow selected = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> table().getSelectionModel().getSelectedItem()));
        assertThat(selected).isNotNull();
        assertThat(window.store().selectedPidProperty().get()).isEqualTo(selected.pid());
        return selected.pid();
    }
}
