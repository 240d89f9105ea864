package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.maps.MappingKind;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMapping;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.maps.MapsRow;
import io.herakles.procmem.ui.maps.TestMaps;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
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
 * The "Memory maps" tab and the "Shared memory" view in the whole window, headless (Monocle), with
 * fake services: maps are read off the FX thread and only while their tab is open; the scan shows
 * progress and can be cancelled.
 */
@ExtendWith(ApplicationExtension.class)
class MemoryMapsWindowTest {

    private final FakeDesktopServices services = new FakeDesktopServices();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        services.maps = TestMaps::jvm;
        window = new MainWindow(services, new FakeDialogs(), FxExecutor.fx());
        window.show(stage);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    private void publish(int sequence) throws Exception {
        var snapshot = TestSnapshots.small(sequence);
        services.live.publish(snapshot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.store().getCurrentSnapshot() == snapshot);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TabPane detailTabs(FxRobot robot) {
        return robot.lookup("#detailTabs").queryAs(TabPane.class);
    }

    @Test
    void mapsAreReadOnlyWhileTheirTabIsOpenAndNeverOnTheFxThread(FxRobot robot) throws Exception {
        publish(1);
        robot.interact(() -> window.store().selectedPidProperty().set(102));
        publish(2);
        publish(3);
        assertThat(services.mapsReads.get()).as("tab closed: no reads").isZero();

        robot.interact(() -> detailTabs(robot).getSelectionModel().select(1));
        TableView<MapsRow> table = robot.lookup("#mapsTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        Label status = robot.lookup("#mapsStatus").queryAs(Label.class);
        assertThat(status.getText()).contains("(pid 102): 6 mappings", "PSS 31.2 MiB");
        assertThat(table.getItems().get(0).name()).as("sorted by PSS, biggest first").isEqualTo("[anonymous]");
        assertThat(window.visuals().mapsView().treemap().cells()).isNotEmpty();

        int afterOpening = services.mapsReads.get();
        publish(4);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> services.mapsReads.get() > afterOpening);

        robot.clickOn("#mapsFilter").write("libc");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 1);

        robot.interact(() -> detailTabs(robot).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        int whenClosed = services.mapsReads.get();
        int requestsWhenClosed = window.visuals().mapsView().requests();
        publish(5);
        publish(6);
        robot.interact(() -> window.store().selectedPidProperty().set(101));
        publish(7);
        Thread.sleep(200); // a read would have been submitted by now
        assertThat(window.visuals().mapsView().requests()).as("tab closed again: nothing asked")
                .isEqualTo(requestsWhenClosed);
        assertThat(services.mapsReads.get()).as("tab closed again: no reads").isEqualTo(whenClosed);
        assertThat(services.mapsReadOnFxThread).isFalse();
    }

    @Test
    void deniedMapsShowTheReasonNotZeros(FxRobot robot) throws Exception {
        services.maps = io.herakles.procmem.model.maps.ProcessMaps::denied;
        publish(1);
        robot.interact(() -> {
            window.store().selectedPidProperty().set(304);
            detailTabs(robot).getSelectionModel().select(1);
        });
        Label status = robot.lookup("#mapsStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().contains("CAP_SYS_PTRACE"));
        assertThat(robot.lookup("#mapsTable").queryTableView().getItems()).isEmpty();
    }

    @Test
    void aSnapshotFileHasNoMapsUntilBackToLive(FxRobot robot) throws Exception {
        publish(1);
        robot.interact(() -> {
            window.store().selectedPidProperty().set(102);
            detailTabs(robot).getSelectionModel().select(1);
        });
        Label status = robot.lookup("#mapsStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().contains("(pid 102)"));

        java.nio.file.Path file = java.nio.file.Path.of("recorded.json");
        services.files.put(file, TestSnapshots.small(9));
        robot.interact(() -> window.openSnapshot(file));
        WaitForAsyncUtils.waitForFxEvents();
        int reads = services.mapsReads.get();
        assertThat(status.getText()).isEqualTo(VisualViews.FILE_HAS_NO_MAPS);
        assertThat(robot.lookup("#mapsTable").queryTableView().getItems()).isEmpty();

        robot.interact(() -> window.store().backToLive());
        publish(10);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().contains("(pid 102)"));
        assertThat(services.mapsReads.get()).isGreaterThan(reads);
    }

    @Test
    void sharedMemoryScanShowsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        services.shared = progress -> {
            int total = 1000;
            for (int i = 1; i <= total; i++) {
                if (progress.cancelled()) {
                    return new SharedMemoryReport(List.of(), i - 1, 0, 0, true, Duration.ofMillis(7));
                }
                progress.progress(i, total);
                if (i == total / 2) {
                    halfway.countDown();
                }
                sleepQuietly(2);
            }
            return new SharedMemoryReport(List.of(), total, 0, 0, false, Duration.ofMillis(9));
        };
        publish(1);
        robot.clickOn("View").clickOn("#sharedMemoryItem");
        assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
        ProgressBar bar = robot.lookup("#sharedProgress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bar.getProgress() > 0.4);
        assertThat(robot.lookup("#sharedStatus").queryAs(Label.class).getText()).contains("of 1000 processes");

        robot.clickOn("#sharedCancel");
        Label status = robot.lookup("#sharedStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Cancelled"));
        assertThat(services.mapsReadOnFxThread).isFalse();
    }

    @Test
    void sharedMemoryScanListsWhatSeveralProcessesMap(FxRobot robot) throws Exception {
        SharedMapping libjvm = new SharedMapping("/usr/lib/jvm/lib/server/libjvm.so", MappingKind.FILE, 270L << 20,
                19L << 20, 0, List.of(new SharedMapping.User(7, "java", 20L << 20, 1L << 20),
                        new SharedMapping.User(8, "java", 20L << 20, 1L << 20)));
        services.shared = (ScanProgress progress) -> new SharedMemoryReport(List.of(libjvm), 14, 2, 0, false,
                Duration.ofMillis(30));
        publish(1);
        robot.interact(() -> window.visuals().scanSharedMemory());
        TableView<SharedMapping> table = robot.lookup("#sharedTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(robot.lookup("#sharedStatus").queryAs(Label.class).getText())
                .contains("14 processes read", "2 not readable (run as root or grant CAP_SYS_PTRACE)");
        // the cells appear with the next layout pass after the items
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("270 MiB").tryQuery().isPresent()
                && robot.lookup("19.0 MiB").tryQuery().isPresent());
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
