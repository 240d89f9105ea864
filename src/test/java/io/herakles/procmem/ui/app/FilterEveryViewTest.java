package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.charts.GroupCpuHistory;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.prefs.PrefsStore;
import io.herakles.procmem.ui.treemap.TreemapView;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The table's filter reaches the treemap and the CPU chart; the chip shows it and clears it. */
@ExtendWith(ApplicationExtension.class)
class FilterEveryViewTest {

    private final FakeDesktopServices services = new FakeDesktopServices();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(services, new FakeDialogs(), FxExecutor.fx(), PrefsStore.inMemory());
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

    private java.util.List<String> cpuGroups() {
        return window.visuals().cpuChart().chartDataProperty().get().series().stream()
                .map(GroupCpuHistory.Series::group).toList();
    }

    @Test
    void typingAFilterFadesOtherTreemapBoxesAndNarrowsTheCpuChartUntilTheChipClearsIt(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        publish(TestSnapshots.small(2));
        TreemapView treemap = window.visuals().treemap();
        FilterChip chip = robot.lookup("#filterChip").queryAs(FilterChip.class);
        assertThat(chip.isVisible()).isFalse();
        assertThat(treemap.drawnAsMatching(304)).isTrue();

        robot.clickOn("#processFilter").write("postgres");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(treemap.drawnAsMatching(101)).isTrue();
        assertThat(treemap.drawnAsMatching(102)).isTrue();
        assertThat(treemap.drawnAsMatching(304)).as("firefox fades").isFalse();
        robot.interact(() -> window.visuals().selectTab(VisualViews.CPU_TAB));
        assertThat(cpuGroups()).containsExactly("db");
        assertThat(chip.isVisible()).isTrue();
        assertThat(chip.text()).isEqualTo("Filter: \u201cpostgres\u201d");

        robot.clickOn("#clearFilter");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chip.isVisible()).isFalse();
        assertThat(robot.lookup("#processFilter").queryTextInputControl().getText()).isEmpty();
        assertThat(treemap.drawnAsMatching(304)).isTrue();
        assertThat(cpuGroups()).contains("db", "desktop");
    }

    @Test
    void theChipsToggleHidesWhatTheFilterLeavesOutAndTheMatchingBoxesFillTheMap(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        TreemapView treemap = window.visuals().treemap();
        robot.clickOn("#processFilter").write("postgres");
        WaitForAsyncUtils.waitForFxEvents();
        double fadedArea = area(treemap, 101);

        robot.clickOn("#hideFilteredToggle");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(treemap.model().cellOf(304)).as("firefox has no box").isEmpty();
        assertThat(treemap.drawnAsMatching(101)).isTrue();
        assertThat(area(treemap, 101)).as("postgres takes the freed room").isGreaterThan(fadedArea * 1.5);
        assertThat(robot.lookup(".treemap-status").queryLabeled().getText()).endsWith(TreemapView.HIDDEN_NOTE);
        CheckMenuItem item = (CheckMenuItem) robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "hideFilteredItem".equals(i.getId()))
                .findFirst().orElseThrow();
        assertThat(item.isSelected()).as("View menu shows the same switch").isTrue();

        robot.clickOn("#clearFilter");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(treemap.model().cellOf(304)).as("no filter: every process again").isPresent();
        assertThat(robot.lookup(".treemap-status").queryLabeled().getText()).doesNotContain(TreemapView.HIDDEN_NOTE);

        robot.interact(() -> item.setSelected(false));
        robot.clickOn("#processFilter").write("postgres");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(treemap.drawnAsMatching(304)).as("switched off in the menu: faded again").isFalse();
        assertThat(treemap.model().cellOf(304)).isPresent();
    }

    private static double area(TreemapView treemap, int pid) {
        return treemap.model().cellOf(pid).orElseThrow().rect().area();
    }

    @Test
    void aGroupFilterIsSaidOnTheChip(FxRobot robot) throws Exception {
        publish(TestSnapshots.small(1));
        robot.interact(() -> window.tableView().groupFilterForTests().getCheckModel().check("desktop"));
        WaitForAsyncUtils.waitForFxEvents();

        FilterChip chip = robot.lookup("#filterChip").queryAs(FilterChip.class);
        assertThat(chip.text()).isEqualTo("Filter: desktop");
        assertThat(window.visuals().treemap().drawnAsMatching(304)).isTrue();
        assertThat(window.visuals().treemap().drawnAsMatching(101)).isFalse();
    }
}
