package io.herakles.procmem.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.ui.treemap.TestSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupCpuHistoryTest {

    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);

    @Test
    void sumsCpuPerGroupAndRanksTopGroupsWithTheRestSummed() {
        GroupCpuHistory history = new GroupCpuHistory();
        history.record(TestSnapshots.snapshot(1, T0, List.of(
                cpu(1, "db", 50), cpu(2, "db", 30), cpu(3, "web", 40), cpu(4, "java", 5), cpu(5, "idle", 0))));

        GroupCpuHistory.ChartData chart = history.chart(Duration.ofMinutes(1), 2);

        assertThat(chart.series()).extracting(GroupCpuHistory.Series::group).containsExactly("db", "web", "rest");
        assertThat(chart.series().get(0).values()).containsExactly(80.0);
        assertThat(chart.series().get(2).values()[0]).isCloseTo(5.0, within(1e-9));
        assertThat(chart.maxStacked()).isCloseTo(125.0, within(1e-9));
    }

    @Test
    void keepsAtMostFifteenMinutesAndTheWindowSelectsTheLatest() {
        GroupCpuHistory history = new GroupCpuHistory();
        for (int s = 0; s < 3600; s++) {
            history.record(TestSnapshots.snapshot(s, T0.plusSeconds(s), List.of(cpu(1, "db", s % 100))));
        }

        assertThat(history.size()).isEqualTo(15 * 60 + 1);
        assertThat(history.window(Duration.ofMinutes(1))).hasSize(61);
        assertThat(history.window(Duration.ofMinutes(1)).get(0).time()).isEqualTo(T0.plusSeconds(3599 - 60));
        GroupCpuHistory.ChartData chart = history.chart(Duration.ofMinutes(5), 6);
        assertThat(chart.timesMillis()).hasSize(301);
        assertThat(chart.end()).isEqualTo(T0.plusSeconds(3599));
    }

    @Test
    void theSameSnapshotTwiceIsOneSample() {
        GroupCpuHistory history = new GroupCpuHistory();
        history.record(TestSnapshots.snapshot(1, T0, List.of(cpu(1, "db", 1))));
        history.record(TestSnapshots.snapshot(1, T0, List.of(cpu(1, "db", 1))));

        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void goingBackInTimeStartsOver() {
        GroupCpuHistory history = new GroupCpuHistory();
        history.record(TestSnapshots.snapshot(1, T0.plusSeconds(100), List.of(cpu(1, "db", 1))));
        history.record(TestSnapshots.snapshot(2, T0, List.of(cpu(1, "db", 1))));

        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void idleGroupsAreNotSeriesAndNoRestWhenNothingElseRan() {
        GroupCpuHistory history = new GroupCpuHistory();
        history.record(TestSnapshots.snapshot(1, T0, List.of(cpu(1, "db", 10), cpu(2, "idle", 0))));

        assertThat(history.chart(Duration.ofMinutes(1), 6).series())
                .extracting(GroupCpuHistory.Series::group).containsExactly("db");
        assertThat(new GroupCpuHistory().chart(Duration.ofMinutes(1), 6).series()).isEmpty();
    }

    @Test
    void nearestSampleAndItsDescription() {
        GroupCpuHistory history = new GroupCpuHistory();
        for (int s = 0; s < 10; s++) {
            history.record(TestSnapshots.snapshot(s, T0.plusSeconds(s * 10L),
                    List.of(cpu(1, "db", s), cpu(2, "web", 2 * s))));
        }
        GroupCpuHistory.ChartData chart = history.chart(Duration.ofMinutes(5), 6);

        assertThat(chart.indexNear(T0.toEpochMilli() - 5000)).isZero();
        assertThat(chart.indexNear(T0.plusSeconds(34).toEpochMilli())).isEqualTo(3);
        assertThat(chart.indexNear(T0.plusSeconds(36).toEpochMilli())).isEqualTo(4);
        assertThat(chart.indexNear(T0.plusSeconds(999).toEpochMilli())).isEqualTo(9);
        assertThat(chart.describe(3)).isEqualTo(String.format("1m ago%nweb  6.0 %%%ndb  3.0 %%%nTotal  9.0 %% of one core"));
        assertThat(chart.describe(9)).startsWith("now");
    }

    @Test
    void axisHelpers() {
        assertThat(CpuChartCanvas.niceCeiling(0)).isEqualTo(10);
        assertThat(CpuChartCanvas.niceCeiling(73)).isEqualTo(80);
        assertThat(CpuChartCanvas.niceCeiling(101)).isEqualTo(200);
        assertThat(CpuChartCanvas.niceCeiling(210)).isEqualTo(300);
        assertThat(CpuChartCanvas.niceCeiling(420)).isEqualTo(600);
        assertThat(CpuChartCanvas.agoLabel(0)).isEqualTo("now");
        assertThat(CpuChartCanvas.agoLabel(45)).isEqualTo("-45s");
        assertThat(CpuChartCanvas.agoLabel(300)).isEqualTo("-5m");
        assertThat(CpuChartCanvas.agoLabel(675)).isEqualTo("-11m 15s");
    }

    @Test
    void subSecondTicksAreCappedAtMaxSamples() {
        GroupCpuHistory history = new GroupCpuHistory();
        for (int i = 0; i < 2 * GroupCpuHistory.MAX_SAMPLES; i++) {
            history.record(TestSnapshots.snapshot(i, T0.plusMillis(100L * i), List.of(cpu(1, "db", 1))));
        }

        assertThat(history.size()).isEqualTo(GroupCpuHistory.MAX_SAMPLES);
    }

    @Test
    void aSampleKeepsAtMostMaxGroupsAndSumsTheSmallestIntoRest() {
        List<ProcessSample> processes = new java.util.ArrayList<>();
        for (int g = 1; g <= 100; g++) {
            processes.add(cpu(g, "group" + g, g));
        }

        GroupCpuHistory.Sample sample = GroupCpuHistory.sampleOf(TestSnapshots.snapshot(1, T0, processes));

        assertThat(sample.cpuByGroup()).hasSize(GroupCpuHistory.MAX_GROUPS_PER_SAMPLE);
        assertThat(sample.cpuByGroup()).containsKey("group100").doesNotContainKey("group1");
        assertThat(sample.total()).isCloseTo(100 * 101 / 2.0, within(1e-6));
        GroupCpuHistory history = new GroupCpuHistory();
        history.record(sample);
        assertThat(history.chart(Duration.ofMinutes(1), 3).series())
                .extracting(GroupCpuHistory.Series::group).containsExactly("group100", "group99", "group98", "rest");
    }

    private static ProcessSample cpu(int pid, String group, double percent) {
        return TestSnapshots.process(pid, group, "x", 4096, null, null).toBuilder().cpuPercent(percent).build();
    }
}
