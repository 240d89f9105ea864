package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.prefs.ColumnPref;
import io.herakles.procmem.ui.prefs.DesktopPrefs;
import io.herakles.procmem.ui.prefs.PrefsFile;
import io.herakles.procmem.ui.prefs.PrefsStore;
import io.herakles.procmem.ui.prefs.SortPref;
import io.herakles.procmem.ui.prefs.ThemeChoice;
import io.herakles.procmem.ui.prefs.WindowBounds;
import io.herakles.procmem.ui.processes.ProcessRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Preferences through the real window (headless): what a window was left as, the next one opens
 * as; a corrupt file or a window off every screen opens a usable window.
 */
@ExtendWith(ApplicationExtension.class)
class WindowPrefsTest {

    @TempDir
    Path dir;

    private final List<MainWindow> opened = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();

    @AfterEach
    void closeAll(FxRobot robot) {
        robot.interact(() -> {
            stages.forEach(Stage::hide);
            opened.forEach(MainWindow::close);
        });
    }

    private MainWindow open(FxRobot robot, PrefsStore store) {
        return open(robot, store, new FakeDialogs());
    }

    private MainWindow open(FxRobot robot, PrefsStore store, FakeDialogs dialogs) {
        FakeDesktopServices services = new FakeDesktopServices();
        MainWindow[] out = new MainWindow[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            out[0] = new MainWindow(services, dialogs, FxExecutor.fx(), store);
            out[0].show(stage);
            stages.add(stage);
        });
        opened.add(out[0]);
        services.live.publish(TestSnapshots.small(1));
        WaitForAsyncUtils.waitForFxEvents();
        return out[0];
    }

    private static Stage stageOf(MainWindow w) {
        return (Stage) w.root().getScene().getWindow();
    }

    private static TableView<ProcessRow> table(MainWindow w) {
        return w.tableView().table();
    }

    private static TableColumn<ProcessRow, ?> column(MainWindow w, String id) {
        return table(w).getColumns().stream().filter(c -> c.getId().equals(id)).findFirst().orElseThrow();
    }

    private static SplitPane split(MainWindow w, String id) {
        return (SplitPane) w.root().lookup("#" + id);
    }

    @Test
    void aWindowReopensAsItWasClosed(FxRobot robot) throws Exception {
        Path file = dir.resolve("herakles/desktop.json");
        MainWindow first = open(robot, PrefsStore.at(file));
        robot.interact(() -> {
            Stage stage = stageOf(first);
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(650);
            first.store().metricProperty().set(MemoryMetric.PSS);
            first.visuals().cpuChart().windowProperty().set(Duration.ofMinutes(15));
            first.visuals().cpuChart().stackedProperty().set(false);
            first.visuals().treemap().hideFilteredProperty().set(true);
            first.visuals().selectTab(VisualViews.CPU_TAB);
            TableView<ProcessRow> table = table(first);
            TableColumn<ProcessRow, ?> uss = column(first, "uss");
            table.getColumns().remove(uss);
            table.getColumns().add(1, uss);
            column(first, "user").setVisible(false);
            column(first, "name").setPrefWidth(230);
            TableColumn<ProcessRow, ?> name = column(first, "name");
            name.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(name));
        });
        robot.interact(() -> { // after the resize: the side pane keeps its width when the window's changes
            split(first, "mainSplit").setDividerPositions(0.45);
            split(first, "sideSplit").setDividerPositions(0.7);
        });
        robot.interact(() -> first.tableView().table().layout());
        robot.interact(() -> stageOf(first).hide()); // closing saves, and waits for the write
        assertThat(file).exists();
        DesktopPrefs saved = PrefsStore.at(file).load();

        MainWindow second = open(robot, PrefsStore.at(file));

        robot.interact(() -> {
            Stage stage = stageOf(second);
            assertThat(List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))
                    .containsExactly(40.0, 30.0, 1000.0, 650.0);
            assertThat(second.store().metricProperty().get()).isEqualTo(MemoryMetric.PSS);
            assertThat(second.visuals().cpuChart().windowProperty().get()).isEqualTo(Duration.ofMinutes(15));
            assertThat(second.visuals().cpuChart().stackedProperty().get()).isFalse();
            assertThat(second.visuals().treemap().hideFilteredProperty().get()).isTrue();
            assertThat(second.visuals().selectedTabId()).isEqualTo(VisualViews.CPU_TAB);
            assertThat(table(second).getColumns().stream().map(TableColumn::getId).limit(3))
                    .containsExactly("pid", "uss", "name");
            assertThat(column(second, "user").isVisible()).isFalse();
            assertThat(column(second, "name").getWidth()).isEqualTo(230.0);
            assertThat(second.tableView().sortPrefs()).containsExactly(new SortPref("name", true));
            assertThat(split(second, "mainSplit").getDividerPositions()[0]).isCloseTo(0.45, org.assertj.core.data.Offset.offset(0.01));
            assertThat(split(second, "sideSplit").getDividerPositions()[0]).isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.01));
        });
        assertThat(saved.columns()).contains(new ColumnPref("user", false, column(second, "user").getWidth()));
        assertThat(second.tableView().columnPrefs()).isEqualTo(saved.columns());
    }

    @Test
    void changesAreSavedSoonWithoutClosing(FxRobot robot) throws Exception {
        Path file = dir.resolve("desktop.json");
        MainWindow window = open(robot, PrefsStore.at(file));

        robot.interact(() -> window.store().metricProperty().set(MemoryMetric.RSS));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Files.exists(file) && PrefsStore.at(file).load().metric() == MemoryMetric.RSS);
    }

    @Test
    void theFirstWindowHasItsOwnSizeCentredAndFitsASmallScreen() {
        WindowBounds wide = WindowPrefs.defaultBounds(new Rectangle2D(0, 0, 1920, 1050));
        assertThat(wide).isEqualTo(new WindowBounds(448, 185, 1024, 680, false));

        WindowBounds onSecondScreen = WindowPrefs.defaultBounds(new Rectangle2D(1920, 0, 2560, 1400));
        assertThat(onSecondScreen.x()).isEqualTo(1920 + (2560 - 1024) / 2.0);
        assertThat(onSecondScreen.width()).isEqualTo(WindowPrefs.DEFAULT_WIDTH);

        WindowBounds small = WindowPrefs.defaultBounds(new Rectangle2D(0, 0, 1024, 600));
        assertThat(small).isEqualTo(new WindowBounds(51, 30, 922, 540, false));
        WindowBounds narrow = WindowPrefs.defaultBounds(new Rectangle2D(0, 0, 1100, 900));
        assertThat(narrow.width()).isEqualTo(990);
        assertThat(narrow.height()).isEqualTo(WindowPrefs.DEFAULT_HEIGHT);
    }

    @Test
    void aCorruptFileOpensTheDefaultWindowAndIsReplacedOnExit(FxRobot robot) throws Exception {
        Path file = dir.resolve("desktop.json");
        Files.writeString(file, "{\"window\": {\"x\": 1, \"y\"");

        MainWindow window = open(robot, PrefsStore.at(file));

        assertThat(window.prefs().loaded()).isEqualTo(DesktopPrefs.DEFAULTS);
        WindowBounds expected = WindowPrefs.defaultBounds();
        assertThat(stageOf(window).getWidth()).isEqualTo(expected.width());
        assertThat(table(window).getColumns().get(0).getId()).isEqualTo("pid");
        robot.interact(() -> stageOf(window).hide());
        assertThat(PrefsFile.parse(Files.readString(file), p -> { }).window()).isNotNull();
    }

    @Test
    void connectionsAreRememberedWithoutCredentialsAndOfferedNextTime(FxRobot robot) throws Exception {
        Path file = dir.resolve("desktop.json");
        FakeDialogs dialogs = new FakeDialogs();
        MainWindow first = open(robot, PrefsStore.at(file), dialogs);
        dialogs.connectAnswer = ConnectRequest.of("http://viewer:s3cret@127.0.0.1:19215/snapshot");
        robot.interact(() -> first.remote().askAndConnect());
        dialogs.connectAnswer = new ConnectRequest("https://db1.example:9215", "admin", "pa55word",
                Optional.empty(), Optional.empty(), false);
        robot.interact(() -> first.remote().askAndConnect());
        RemoteTarget prometheus = RemoteTarget.parse("http://ops:t0ken@127.0.0.1:9/prom");
        robot.interact(() -> first.openFleet(prometheus));
        robot.interact(() -> {
            stageOf(first).hide();
            first.close();
        });

        String json = Files.readString(file);
        assertThat(json).doesNotContain("s3cret", "viewer", "pa55word", "admin", "t0ken", "ops");
        DesktopPrefs saved = PrefsFile.parse(json, p -> { });
        assertThat(saved.recentExporters()).containsExactly("https://db1.example:9215", "http://127.0.0.1:19215");
        assertThat(saved.recentPrometheus()).containsExactly("http://127.0.0.1:9/prom");

        FakeDialogs next = new FakeDialogs();
        MainWindow second = open(robot, PrefsStore.at(file), next);
        robot.interact(() -> second.remote().askAndConnect());
        assertThat(next.offeredRecent).containsExactly("https://db1.example:9215", "http://127.0.0.1:19215");
    }

    @Test
    void aWindowLeftOnAScreenThatIsGoneOpensOnAVisibleOne(FxRobot robot) throws Exception {
        PrefsStore store = PrefsStore.inMemory();
        store.save(new DesktopPrefs(new WindowBounds(5000, 3000, 900, 600, false), null, null, List.of(),
                List.of(), null, null, null, null, null, null, null, null, List.of(), List.of(), List.of()));

        MainWindow window = open(robot, store);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Stage stage = stageOf(window);
        assertThat(screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))
                .as("%s within %s", List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()), screen)
                .isTrue();
    }

    @Test
    void resetLayoutBringsBackColumnsDividersAndTheDefaultWindow(FxRobot robot) {
        MainWindow window = open(robot, PrefsStore.inMemory());
        robot.interact(() -> {
            column(window, "pid").setVisible(false);
            TableView<ProcessRow> table = table(window);
            table.getColumns().add(table.getColumns().remove(0));
            split(window, "mainSplit").setDividerPositions(0.3);
            stageOf(window).setWidth(900);
        });

        robot.interact(() -> window.prefs().resetLayout());

        robot.interact(() -> {
            assertThat(table(window).getColumns().get(0).getId()).isEqualTo("pid");
            assertThat(table(window).getColumns()).allMatch(TableColumn::isVisible);
            assertThat(split(window, "mainSplit").getDividerPositions()[0]).isCloseTo(WindowPrefs.MAIN_DIVIDER,
                    org.assertj.core.data.Offset.offset(0.01));
            assertThat(stageOf(window).getWidth()).isEqualTo(WindowPrefs.defaultBounds().width());
            assertThat(window.tableView().sortPrefs()).containsExactly(new SortPref("uss", false));
        });
    }

    @Test
    void theThemeFollowsTheDesktopUntilChosenAndTheChoiceIsRemembered(FxRobot robot) {
        PrefsStore store = PrefsStore.inMemory();
        MainWindow window = open(robot, store);
        assertThat(window.theme().darkProperty().get()).isFalse();

        robot.interact(() -> window.setSystemPrefersDark(true));
        assertThat(window.root().getPseudoClassStates()).contains(ThemeController.DARK);
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark");

        robot.interact(() -> window.prefs().themeProperty().set(ThemeChoice.LIGHT));
        assertThat(window.theme().darkProperty().get()).as("Light overrides the desktop's dark").isFalse();
        assertThat(window.root().getPseudoClassStates()).doesNotContain(ThemeController.DARK);
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-light");
        robot.interact(() -> stageOf(window).hide());

        assertThat(store.load().theme()).isEqualTo(ThemeChoice.LIGHT);
        MainWindow again = open(robot, store);
        robot.interact(() -> again.setSystemPrefersDark(true));
        assertThat(again.theme().darkProperty().get()).isFalse();
    }
}
