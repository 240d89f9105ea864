package io.herakles.procmem.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import io.herakles.procmem.ui.theme.Contrast;
import io.herakles.procmem.ui.theme.Palette;
import io.herakles.procmem.ui.treemap.TestSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The header tiles and the CPU chart in a real (headless Monocle) window, fed a minute of snapshots. */
@ExtendWith(ApplicationExtension.class)
class ChartsViewsTest {

    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);
    private static final long GIB = 1L << 30;

    private HeaderTilesView header;
    private CpuChartView cpu;

    @Start
    void start(Stage stage) {
        header = new HeaderTilesView();
        cpu = new CpuChartView();
        stage.setScene(new Scene(new VBox(header, cpu), 1100, 520));
        stage.show();
    }

    @Test
    void tilesShowTheLatestSnapshot(FxRobot robot) {
        robot.interact(() -> {
            for (int s = 0; s < 60; s++) {
                header.update(snapshot(s), MemoryMetric.RSS);
            }
        });

        assertThat(header.tiles().get(0).getValue()).isEqualTo(75.0);
        assertThat(header.tiles().get(0).getText()).isEqualTo("12.0 GiB of 16.0 GiB used");
        // the first value is drawn three times (the smoothed chart needs three points to show anything)
        assertThat(header.tiles().get(1).getChartData()).hasSize(62);
        assertThat(header.tiles().get(0).getTitle()).isEqualTo("Memory 12.0 GiB of 16.0 GiB used");
        assertThat(header.leaderboardRows()).hasSize(HeaderTilesView.TOP_N)
                .startsWith("proc12 (12)  1.50 GiB", "proc11 (11)  1.38 GiB");
        assertThat(header.tiles().get(2).getTitle()).isEqualTo("Top processes by RSS");
        assertThat(header.tiles().get(1).getTitle()).as("the system CPU says what it is a share of")
                .isEqualTo("System CPU (% of all 4 cores)");
        assertThat(header.tiles().get(3).getValue()).isEqualTo(12.0);
        assertThat(header.tiles().get(3).getText()).isEqualTo("6 of 12 user processes readable");
    }

    @Test
    void aSnapshotWithoutSystemFiguresSaysNotAvailableRatherThanAPercentOrZero(FxRobot robot) {
        Snapshot withoutSystem = new Snapshot(1, java.time.Instant.EPOCH, "test", List.of(),
                io.herakles.procmem.model.SystemSample.UNKNOWN, io.herakles.procmem.model.CollectionStats.NONE);
        robot.interact(() -> header.update(withoutSystem, MemoryMetric.RSS));

        eu.hansolo.tilesfx.Tile memory = header.tiles().get(0);
        eu.hansolo.tilesfx.Tile cpu = header.tiles().get(1);
        assertThat(memory.isValueVisible()).isFalse();
        assertThat(memory.getUnit()).isEmpty();
        assertThat(memory.getTitle()).isEqualTo("Memory used: n/a");
        assertThat(cpu.isValueVisible()).isFalse();
        assertThat(cpu.getUnit()).isEqualTo("n/a");
    }

    @Test
    void theCpuChartFollowsTheLightAndDarkLook() throws Exception {
        for (Palette palette : List.of(Palette.LIGHT, Palette.DARK)) {
            Color corner = WaitForAsyncUtils.asyncFx(() -> {
                cpu.setPalette(palette);
                Canvas canvas = (Canvas) cpu.lookup("Canvas");
                return canvas.snapshot(null, null).getPixelReader().getColor(2, 2);
            }).get();
            assertThat(corner).as(palette.dark() ? "dark" : "light").isEqualTo(palette.surface());
            assertThat(Contrast.ratio(palette.text(), palette.surface())).isGreaterThan(Contrast.AA);
            assertThat(Contrast.ratio(palette.grid(), palette.surface())).isGreaterThan(1.2);
        }
    }

    @Test
    void noTileAnimatesSoNothingRunsBetweenSnapshots() {
        assertThat(header.tiles()).extracting(eu.hansolo.tilesfx.Tile::isAnimated).containsOnly(false);
    }

    @Test
    void theFirstSnapshotsCpuIsShownAtOnce(FxRobot robot) {
        robot.interact(() -> header.update(snapshot(0), MemoryMetric.RSS));
        var points = header.tiles().get(1).getChartData();
        assertThat(points).hasSize(3);
        assertThat(points.get(points.size() - 1).getValue()).isEqualTo(header.tiles().get(1).getValue());
    }

    @Test
    void sameSnapshotWithAnotherMetricReRanksWithoutAnotherCpuPoint(FxRobot robot) {
        robot.interact(() -> {
            for (int s = 0; s < 5; s++) {
                header.update(snapshot(s), MemoryMetric.RSS);
            }
            header.update(snapshot(4), MemoryMetric.USS);
        });

        assertThat(header.tiles().get(1).getChartData()).hasSize(7);
        assertThat(header.tiles().get(2).getTitle()).isEqualTo("Top processes by USS");
        assertThat(header.leaderboardRows().get(0)).startsWith("proc12 (12)  384 MiB");
    }

    @Test
    void cpuAreaChartKeepsABoundedNumberOfPoints(FxRobot robot) {
        robot.interact(() -> {
            for (int s = 0; s < HeaderTilesView.CPU_POINTS + 50; s++) {
                header.update(snapshot(s), MemoryMetric.USS);
            }
        });

        List<eu.hansolo.tilesfx.chart.ChartData> points = header.tiles().get(1).getChartData();
        assertThat(points).hasSize(HeaderTilesView.CPU_POINTS);
        // the oldest points left, the newest is last
        assertThat(points.get(0).getTimestamp()).isEqualTo(snapshot(50).takenAt());
        assertThat(points.get(points.size() - 1).getTimestamp())
                .isEqualTo(snapshot(HeaderTilesView.CPU_POINTS + 49).takenAt());
    }

    @Test
    void foldedTilesAreLeftAloneAndCatchUpWhenTheyUnfold(FxRobot robot) {
        robot.interact(() -> {
            header.update(snapshot(0), MemoryMetric.RSS);
            header.fit(true, true);
            for (int s = 1; s < 10; s++) {
                header.update(snapshot(s), MemoryMetric.RSS);
            }
        });
        assertThat(header.isFolded()).isTrue();
        assertThat(header.tiles().get(1).getChartData()).as("no point drawn while folded").hasSize(3);
        assertThat(header.foldedText()).isEqualTo(header.lastFigures().oneLine());

        robot.interact(() -> header.fit(false, false));

        List<eu.hansolo.tilesfx.chart.ChartData> points = header.tiles().get(1).getChartData();
        assertThat(points).hasSize(10);
        assertThat(points.get(9).getTimestamp()).isEqualTo(snapshot(9).takenAt());
        assertThat(header.tiles().get(1).getValue()).isEqualTo(points.get(9).getValue());
        assertThat(header.tiles().get(0).getText()).isEqualTo(header.lastFigures().memoryText());
        assertThat(header.leaderboardRows()).isNotEmpty();

        robot.interact(() -> header.update(snapshot(10), MemoryMetric.RSS));
        assertThat(header.tiles().get(1).getChartData()).as("unfolded: points are added again").hasSize(11);
    }

    @Test
    void cpuChartFollowsTheWindowSelector(FxRobot robot) {
        robot.interact(() -> {
            for (int s = 0; s < 400; s++) {
                cpu.update(snapshot(s));
            }
        });
        assertThat(cpu.chartDataProperty().get().timesMillis()).hasSize(301);
        assertThat(cpu.chartDataProperty().get().series()).isNotEmpty();

        @SuppressWarnings("unchecked")
        ChoiceBox<Duration> choice = robot.lookup(".choice-box").queryAs(ChoiceBox.class);
        robot.interact(() -> choice.setValue(Duration.ofMinutes(1)));

        assertThat(cpu.windowProperty().get()).isEqualTo(Duration.ofMinutes(1));
        assertThat(cpu.chartDataProperty().get().timesMillis()).hasSize(61);
    }

    /** 12 processes in 3 groups, half with PSS/USS; 16 GiB total, 4 GiB available, 25 % CPU. */
    static Snapshot snapshot(int second) {
        List<ProcessSample> ps = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            boolean readable = i % 2 == 0;
            ps.add(TestSnapshots.process(i, "g" + (i % 3), "s", i * (GIB / 8), readable ? i * (GIB / 16) : null,
                    readable ? i * (GIB / 32) : null).toBuilder().cpuPercent(i + second % 7).build());
        }
        SystemSample system = new SystemSample(OptionalLong.of(16 * GIB), OptionalLong.of(4 * GIB),
                OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Map.of("cpu", 0.25), 4);
        return new Snapshot(second, T0.plusSeconds(second), "test", ps, system, CollectionStats.NONE);
    }
}
