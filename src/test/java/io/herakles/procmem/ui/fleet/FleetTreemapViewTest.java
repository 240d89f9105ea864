package io.herakles.procmem.ui.fleet;

import static io.herakles.procmem.ui.fleet.FleetViewModelTest.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.fleet.Fleet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The fleet treemap in a real (headless Monocle) window: a screen reader hears what it draws. */
@ExtendWith(ApplicationExtension.class)
class FleetTreemapViewTest {

    private final FleetViewModel model = new FleetViewModel();
    private FleetTreemapView view;

    @Start
    void start(Stage stage) {
        view = new FleetTreemapView(model);
        stage.setScene(new Scene(view, 600, 400));
        stage.show();
    }

    @Test
    void itsAccessibleTextNamesTheHostsLargestFirst(FxRobot robot) throws Exception {
        robot.interact(() -> model.show(new Fleet("http://127.0.0.1:9090/", Instant.EPOCH, List.of(
                host("db1:9215", "herakles", Map.of(), 300 << 20, 200 << 20),
                host("web1:9215", "herakles", Map.of(), 70 << 20))), "2 hosts"));
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> org.testfx.util.WaitForAsyncUtils.asyncFx(view::upToDate).get());

        assertThat(view.cells()).isNotEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).as("laid out off the FX thread")
                .anyMatch(t -> t.getName().equals(FleetTreemapView.LAYOUT_THREAD));
        assertThat(view.getAccessibleText()).isEqualTo("Fleet treemap by USS: 2 hosts, largest db1:9215 500 MiB, "
                + "web1:9215 70.0 MiB");
        assertThat(view.getAccessibleHelp()).contains("double-click");
    }
}
