package io.herakles.procmem.ui.app;

import static io.herakles.procmem.fleet.CannedPrometheus.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.fleet.CannedPrometheus;
import io.herakles.procmem.fleet.FleetQueries;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.fleet.FleetHostRow;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Open fleet… against a canned Prometheus: hosts, filter, sort, double-click → remote attach; a bad server → status line. */
@ExtendWith(ApplicationExtension.class)
class FleetTabTest {

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private CannedPrometheus prom;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        prom = new CannedPrometheus();
        FleetQueries q = FleetQueries.ALL;
        prom.results.put(q.hosts(), "[" + series(10, "job", "herakles", "instance", "127.0.0.1:19001") + ","
                + series(20, "job", "herakles", "instance", "127.0.0.1:19002") + "]");
        prom.results.put(q.up(), "[" + series(1, "job", "herakles", "instance", "127.0.0.1:19001", "env", "prod") + ","
                + series(1, "job", "herakles", "instance", "127.0.0.1:19002", "env", "test") + "]");
        prom.results.put(q.subgroups("uss"), "["
                + series(5e6, "job", "herakles", "instance", "127.0.0.1:19001", "group", "db", "subgroup", "postgres") + ","
                + series(9e6, "job", "herakles", "instance", "127.0.0.1:19002", "group", "web", "subgroup", "nginx") + "]");
        window = new MainWindow(services, dialogs, FxExecutor.fx());
        window.show(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::close);
        prom.close();
    }

    private TableView<FleetHostRow> hosts(FxRobot robot) {
        return robot.lookup("#fleetHosts").queryTableView();
    }

    private List<String> shown(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> hosts(robot).getItems().stream().map(FleetHostRow::instance).toList()));
    }

    /** The row cell showing row {@code index} (the flow keeps its cells in no particular order). */
    private static javafx.scene.control.TableRow<?> rowAt(FxRobot robot, int index) {
        return robot.lookup("#fleetHosts .table-row-cell").<javafx.scene.control.TableRow<?>>queryAll().stream()
                .filter(r -> r.getIndex() == index && r.getItem() != null).findFirst().orElseThrow();
    }

    @Test
    void hostsFilterSortAndDoubleClickAttaches(FxRobot robot) throws Exception {
        dialogs.connectAnswer = null;
        prom.activeTargets = "[" + CannedPrometheus.target("herakles", "127.0.0.1:19001",
                "http://127.0.0.1:19001/herakles/metrics") + "]";
        RemoteTarget target = RemoteTarget.parse(prom.url());
        robot.interact(() -> window.openFleet(target));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown(robot).size() == 2);
        assertThat(robot.lookup("#fleetStatus").queryAs(Label.class).getText()).startsWith("2 hosts from 127.0.0.1:");

        robot.interact(() -> {
            var uss = hosts(robot).getColumns().stream().filter(c -> c.getText().equals("USS")).findFirst().orElseThrow();
            hosts(robot).getSortOrder().setAll(List.of(uss));
        });
        assertThat(shown(robot)).as("largest USS first").containsExactly("127.0.0.1:19002", "127.0.0.1:19001");

        robot.clickOn("#fleetFilter").write("env=prod");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot).equals(List.of("127.0.0.1:19001")));

        // a synthetic double-click: the robot's two clicks can fall apart on a loaded machine
        javafx.scene.Node row = rowAt(robot, 0);
        robot.interact(() -> row.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                5, 5, 5, 5, javafx.scene.input.MouseButton.PRIMARY, 2, false, false, false, false, true, false, false,
                true, false, true, null)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(services.calls).contains("connect 127.0.0.1:19001");
        assertThat(services.connected.get(0).base()).as("where Prometheus scrapes it, path included")
                .hasToString("http://127.0.0.1:19001/herakles/");
    }

    @Test
    void aRefreshKeepsTheSelectedHostAndTheSortAndShowsTheNewFigures(FxRobot robot) throws Exception {
        RemoteTarget target = RemoteTarget.parse(prom.url());
        robot.interact(() -> window.openFleet(target));
        FleetTab fleet = WaitForAsyncUtils.asyncFx(window::fleetTab).get();
        robot.interact(() -> fleet.model().autoRefreshProperty().set(java.time.Duration.ZERO));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown(robot).size() == 2);
        robot.interact(() -> {
            var uss = hosts(robot).getColumns().stream().filter(c -> c.getText().equals("USS")).findFirst().orElseThrow();
            hosts(robot).getSortOrder().setAll(List.of(uss));
            hosts(robot).getSelectionModel().select(1); // 127.0.0.1:19001, the smaller
        });
        assertThat(shown(robot)).containsExactly("127.0.0.1:19002", "127.0.0.1:19001");

        prom.results.put(FleetQueries.ALL.subgroups("uss"), "["
                + series(50e6, "job", "herakles", "instance", "127.0.0.1:19001", "group", "db", "subgroup", "postgres") + ","
                + series(9e6, "job", "herakles", "instance", "127.0.0.1:19002", "group", "web", "subgroup", "nginx") + "]");
        robot.clickOn("#fleetRefresh");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown(robot).equals(List.of("127.0.0.1:19001", "127.0.0.1:19002")));
        assertThat(WaitForAsyncUtils.asyncFx(() -> hosts(robot).getSelectionModel().getSelectedItem().instance()).get())
                .as("the selected host stays selected across a refresh").isEqualTo("127.0.0.1:19001");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(rowAt(robot, 0)).lookup(".table-cell").queryAll())
                .as("the first row's cells show the new figures")
                .anySatisfy(cell -> assertThat(((javafx.scene.control.Labeled) cell).getText()).isEqualTo("47.7 MiB"));
    }

    @Test
    void theFleetIsReadAgainByItselfAndLessOftenWhileReadsFail(FxRobot robot) throws Exception {
        RemoteTarget target = RemoteTarget.parse(prom.url());
        robot.interact(() -> window.openFleet(target));
        FleetTab fleet = WaitForAsyncUtils.asyncFx(window::fleetTab).get();
        assertThat(fleet.model().autoRefreshProperty().get()).as("on by default").isEqualTo(java.time.Duration.ofMinutes(1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown(robot).size() == 2);
        assertThat(WaitForAsyncUtils.asyncFx(fleet::plannedWait).get()).isPresent();

        robot.interact(() -> fleet.model().autoRefreshProperty().set(java.time.Duration.ofMillis(300)));
        int before = prom.requests.get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> prom.requests.get() > before + 20);

        prom.rawContentType = "text/html";
        prom.rawReply = "<html>maintenance</html>";
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> fleet.model().statusProperty().get()).get().contains("trying again in"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> fleet.plannedWait().map(w -> w.toMillis() > 1000).orElse(false)).get());
        assertThat(shown(robot)).as("the last fleet stays").hasSize(2);

        prom.rawReply = null;
        robot.interact(() -> fleet.model().autoRefreshProperty().set(java.time.Duration.ZERO));
        robot.clickOn("#fleetRefresh");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> fleet.model().statusProperty().get()).get().startsWith("2 hosts"));
        assertThat(WaitForAsyncUtils.asyncFx(fleet::plannedWait).get()).as("off: nothing planned").isEmpty();
    }

    @Test
    void onlyTheKindsShownAreReadAndAnotherSizeReadsItsOwn(FxRobot robot) throws Exception {
        FleetQueries q = FleetQueries.ALL;
        prom.results.put(q.subgroups("pss"), "["
                + series(7e6, "job", "herakles", "instance", "127.0.0.1:19001", "group", "db", "subgroup", "postgres") + "]");
        RemoteTarget target = RemoteTarget.parse(prom.url());
        robot.interact(() -> window.openFleet(target));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown(robot).size() == 2);
        assertThat(prom.asked).contains(q.subgroups("uss")).doesNotContain(q.subgroups("pss"), q.subgroups("rss"));

        javafx.scene.control.ChoiceBox<io.herakles.procmem.fleet.Fleet.Kind> kind = robot.lookup("#fleetKind").query();
        robot.interact(() -> kind.setValue(io.herakles.procmem.fleet.Fleet.Kind.PSS));
        FleetTab fleet = WaitForAsyncUtils.asyncFx(window::fleetTab).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> fleet.model()
                .fleetProperty().get().hosts().get(0).total(io.herakles.procmem.fleet.Fleet.Kind.PSS).isPresent()).get());
        assertThat(prom.asked).contains(q.subgroups("pss")).doesNotContain(q.subgroups("rss"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> fleet.model().fleetProperty().get().hosts().get(0)
                .total(io.herakles.procmem.fleet.Fleet.Kind.PSS).getAsLong()).get()).isEqualTo(7_000_000L);
    }

    @Test
    void selectingAHostShowsItsMemoryOverTheLastDayFromARangeQuery(FxRobot robot) throws Exception {
        prom.rangeResults.put(FleetQueries.hostMemoryUsed("herakles", "127.0.0.1:19002"),
                "[{\"metric\":{},\"values\":[[1733300000,\"1000000\"],[1733300300,\"3000000\"],[1733300600,\"2000000\"]]}]");
        RemoteTarget target = RemoteTarget.parse(prom.url());
        robot.interact(() -> window.openFleet(target));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown(robot).size() == 2);
        FleetTab fleet = WaitForAsyncUtils.asyncFx(window::fleetTab).get();
        io.herakles.procmem.ui.fleet.FleetView view = (io.herakles.procmem.ui.fleet.FleetView) fleet.getContent();
        assertThat(WaitForAsyncUtils.asyncFx(view::trendState).get()).startsWith("Select a host");

        robot.interact(() -> hosts(robot).getSelectionModel().select(1)); // 127.0.0.1:19002
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(view::trendState).get()
                .equals("3 points"));
        assertThat(robot.lookup("#fleetTrend").query().getAccessibleText())
                .startsWith("127.0.0.1:19002 \u2014 memory in use, last 24 h: from 977 KiB to 1.91 MiB");

        robot.interact(() -> hosts(robot).getSelectionModel().select(0)); // no series for this one
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(view::trendState).get()
                .startsWith("no memory figures in the last 24 h"));
    }

    @Test
    void theMenuAsksAndABadServerIsAStatusLine(FxRobot robot) throws Exception {
        prom.rawContentType = "text/html";
        prom.rawReply = "<html>login</html>";
        dialogs.connectAnswer = null;
        dialogs.fleetAnswer = new ConnectRequest(prom.url(), "", "", Optional.empty(), Optional.empty(), false);
        robot.clickOn("File").clickOn("#openFleetItem");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#fleetStatus").queryAs(Label.class)
                .getText().contains("is this a Prometheus URL?"));
        assertThat(shown(robot)).isEmpty();
    }
}
