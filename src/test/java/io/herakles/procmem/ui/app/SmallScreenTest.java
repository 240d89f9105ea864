package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.prefs.PrefsStore;
import io.herakles.procmem.ui.processes.ProcessRow;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** At 1024×700 the figures that matter are on screen without scrolling. */
@ExtendWith(ApplicationExtension.class)
class SmallScreenTest {

    private final FakeDesktopServices services = new FakeDesktopServices();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(services, new FakeDialogs(), FxExecutor.fx(), PrefsStore.inMemory());
        window.show(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    private static List<String> visibleIds(TableView<ProcessRow> table) {
        return table.getVisibleLeafColumns().stream().map(TableColumn::getId).toList();
    }

    /** The column's header lies wholly inside the table's viewport (no horizontal scrolling needed). */
    private static boolean fullyShown(TableView<ProcessRow> table, String id) {
        Node header = table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof TableColumnHeader h && h.getTableColumn() != null
                        && id.equals(h.getTableColumn().getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no header for " + id));
        Bounds h = header.localToScene(header.getBoundsInLocal());
        Bounds t = table.localToScene(table.getBoundsInLocal());
        return h.getMinX() >= t.getMinX() && h.getMaxX() <= t.getMaxX() - 14; // 14: the column-menu button
    }

    @Test
    void at1024x700PidNameRssPssUssAndCpuAreVisibleWithoutScrolling(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        services.live.publish(TestSnapshots.small(1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.store().getCurrentSnapshot() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ProcessRow> table = window.tableView().table();

        assertThat(visibleIds(table)).startsWith("pid", "name", "rss", "pss", "uss", "cpu");
        robot.interact(() -> {
            for (String id : List.of("pid", "name", "rss", "pss", "uss", "cpu")) {
                assertThat(fullyShown(table, id)).as(id + " on screen").isTrue();
            }
            assertThat(table.getHeight()).as("rows left for the table").isGreaterThan(250);
            assertThat(window.visuals().headerTiles().isFolded()).as("tiles folded into one line").isTrue();
            assertThat(window.visuals().headerTiles().foldedText()).startsWith("Memory ").contains("processes");
            assertThat(window.visuals().headerTiles().getHeight()).isLessThan(40);
        });
    }

    @Test
    void theHeaderTilesAreLowerWhenNarrowOrLowAndFoldOnlyWhenBoth(FxRobot robot) {
        var header = window.visuals().headerTiles();
        robot.interact(() -> {
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        robot.interact(() -> {});
        double full = header.tiles().get(0).getHeight();
        assertThat(header.isFolded()).isFalse();

        robot.interact(() -> stage.setWidth(1100));
        robot.interact(() -> {});
        assertThat(header.isFolded()).isFalse();
        assertThat(header.tiles().get(0).getHeight()).as("narrow: lower tiles").isLessThan(full);
        assertThat(header.tiles()).allMatch(javafx.scene.Node::isVisible);

        robot.interact(() -> stage.setHeight(700));
        assertThat(header.isFolded()).isTrue();
        assertThat(header.tiles()).noneMatch(javafx.scene.Node::isVisible);

        robot.interact(() -> stage.setWidth(1440));
        assertThat(header.isFolded()).as("wide again, only low").isFalse();
        assertThat(header.tiles()).allMatch(javafx.scene.Node::isVisible);
    }

    @Test
    void wideAgainTheUsualOrderComesBackUnlessTheUserArrangedColumns(FxRobot robot) {
        robot.interact(() -> stage.setWidth(1024));
        TableView<ProcessRow> table = window.tableView().table();
        assertThat(visibleIds(table).get(2)).isEqualTo("rss");

        robot.interact(() -> stage.setWidth(1400));
        assertThat(visibleIds(table).subList(2, 5)).containsExactly("user", "group", "subgroup");

        robot.interact(() -> {
            table.getColumns().add(table.getColumns().remove(0)); // pid last: the user's own order
            stage.setWidth(1024);
        });
        assertThat(visibleIds(table).get(0)).isEqualTo("name");
        assertThat(visibleIds(table).get(1)).isEqualTo("user");
    }
}
