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
        assertThat(view.sparkline().message()).as("enough points: a chart").isEmpty();
        assertThat(view.sparkline().legendTexts()).contains("RSS 10.0 MiB", "USS \u2014");
        assertThat(view.sparkline().legendTexts().get(3)).endsWith("% of one core");
        assertThat(view.sparkline().getAccessibleText()).as("what a screen reader says for the chart")
                .startsWith("History since ").contains("RSS 10.0 MiB", "USS \u2014");
        assertThat(view.breakdownBar().getAccessibleText()).startsWith("Resident anonymous ");

        robot.interact(() -> view.show(null, history));

        assertThat(texts(robot)).contains("No process selected").doesNotContain("nginx: worker");
    }

    @Test
    void theHistoryFollowsTheLightAndDarkLook() throws Exception {
        for (io.herakles.procmem.ui.theme.Palette palette
                : List.of(io.herakles.procmem.ui.theme.Palette.LIGHT, io.herakles.procmem.ui.theme.Palette.DARK)) {
            javafx.scene.paint.Color corner = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                view.setPalette(palette);
                javafx.scene.canvas.Canvas canvas = (javafx.scene.canvas.Canvas) view.sparkline().lookup("Canvas");
                return canvas.snapshot(null, null).getPixelReader().getColor(1, 1);
            }).get();
            assertThat(corner).as(palette.dark() ? "dark" : "light").isEqualTo(palette.surface());
            javafx.scene.paint.Paint frame = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                view.sparkline().applyCss();
                return view.sparkline().getBackground().getFills().get(0).getFill();
            }).get();
            assertThat(frame).as("the frame around the panels too").isEqualTo(palette.surface());
            javafx.scene.paint.Paint legend = org.testfx.util.WaitForAsyncUtils.asyncFx(() ->
                    ((javafx.scene.control.Label) view.sparkline().lookup(".label")).getTextFill()).get();
            assertThat(legend).isEqualTo(palette.text());
        }
    }

    @Test
    void scalesAreLabelledAndCpuHasItsOwn() {
        List<HistoryPoint> points = List.of(
                new HistoryPoint(T0, 30L << 20, java.util.OptionalLong.of(20L << 20), java.util.OptionalLong.empty(), 8.3),
                new HistoryPoint(T0.plusSeconds(1), 50L << 20, java.util.OptionalLong.empty(),
                        java.util.OptionalLong.of(12L << 20), 0.4));

        assertThat(HistorySparkline.memoryRange(points)).containsExactly(12L << 20, 50L << 20);
        assertThat(HistorySparkline.cpuScaleTop(points)).as("8.3 % on a 10 % scale, not a full-height area")
                .isEqualTo(10.0);
        assertThat(HistorySparkline.cpuScaleTop(List.of(points.get(1)))).isEqualTo(1.0);
    }

    @Test
    void aSnapshotFileShowsItsValuesAndSaysThereIsNoHistory(FxRobot robot) {
        ProcessHistory history = new ProcessHistory();
        ProcessSample p = ProcessSample.builder(77, "nginx").rssBytes(10 << 20).cpuPercent(2.5).build();
        robot.interact(() -> {
            history.record(TestSnapshots.snapshot(1, T0, List.of(p)));
            view.setFromFile(true);
            view.show(p, history);
        });

        assertThat(view.sparkline().message()).isEqualTo(DetailsViewModel.NO_HISTORY_IN_FILE);
        assertThat(view.sparkline().legendTexts()).contains("RSS 10.0 MiB", "CPU 2.5 % of one core");
    }

    private static List<String> texts(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
