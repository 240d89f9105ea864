package io.herakles.procmem.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.ui.treemap.TestSnapshots;
import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The details pane in a real (headless Monocle) window. */
@ExtendWith(ApplicationExtension.class)
class DetailsViewTest {

    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);

    private DetailsView view;

    @Start
    void start(Stage stage) {
        view = new DetailsView();
        stage.setScene(new Scene(view, 420, 720));
        stage.show();
    }

    @Test
    void showsTheSelectedProcessWithDashesForUnreadableValuesAndItsHistory(FxRobot robot) {
        ProcessHistory history = new ProcessHistory();
        ProcessSample p = ProcessSample.builder(77, "nginx").rssBytes(10 << 20).cmdline("nginx: worker")
                .group(new GroupKey("web", "nginx")).matchedRule("name = nginx").build();
        robot.interact(() -> {
            for (int s = 0; s < 30; s++) {
                history.record(TestSnapshots.snapshot(s, T0.plusSeconds(s), List.of(p)));
            }
            view.show(p, history);
        });

        assertThat(texts(robot)).contains("nginx (pid 77)", "10.0 MiB", "\u2014", "nginx: worker", "web/nginx",
                "name = nginx");
        assertThat(view.viewModel().historyProperty().get()).hasSize(30);

        robot.interact(() -> view.show(null, history));

        assertThat(texts(robot)).contains("No process selected").doesNotContain("nginx: worker");
    }

    private static List<String> texts(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
