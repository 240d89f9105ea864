package io.herakles.procmem.ui.details;

import static io.herakles.procmem.ui.treemap.TestSnapshots.process;
import static io.herakles.procmem.ui.treemap.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.model.ProcessSample;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessHistoryTest {

    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);

    @Test
    void recordsEveryFigureOfEveryProcessInOrder() {
        ProcessHistory history = new ProcessHistory(10);
        history.record(snapshot(1, T0, List.of(withCpu(process(7, "db", "pg", 4096, 2048L, null), 12.5))));
        history.record(snapshot(2, T0.plusSeconds(1), List.of(process(7, "db", "pg", 8192, 4096L, 1024L))));

        List<HistoryPoint> points = history.history(7);

        assertThat(points).hasSize(2);
        assertThat(points.get(0)).isEqualTo(
                new HistoryPoint(T0, 4096, OptionalLong.of(2048), OptionalLong.empty(), 12.5));
        assertThat(points.get(1).ussBytes()).hasValue(1024);
        assertThat(points.get(1).time()).isEqualTo(T0.plusSeconds(1));
        assertThat(history.history(8)).isEmpty();
    }

    @Test
    void staysWithinCapacityAndStillStartsAtTheFirstSighting() {
        ProcessHistory history = new ProcessHistory(8);
        for (int i = 0; i < 1000; i++) {
            history.record(snapshot(i, T0.plusSeconds(i), List.of(process(1, "a", "b", 4096L * (i + 1), null, null))));
            assertThat(history.history(1).size()).isLessThanOrEqualTo(8);
        }

        List<HistoryPoint> points = history.history(1);

        assertThat(points.get(0).time()).isEqualTo(T0);
        assertThat(points.get(points.size() - 1).time()).isEqualTo(T0.plusSeconds(999));
        assertThat(points).extracting(HistoryPoint::time).isSorted();
        assertThat(points.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void prunesPidsThatLeaveTheSnapshot() {
        ProcessHistory history = new ProcessHistory();
        history.record(snapshot(1, T0, List.of(process(1, "a", "b", 4096, null, null),
                process(2, "a", "b", 4096, null, null))));
        history.record(snapshot(2, T0.plusSeconds(1), List.of(process(2, "a", "b", 4096, null, null))));

        assertThat(history.trackedPids()).isEqualTo(1);
        assertThat(history.history(1)).isEmpty();
        assertThat(history.history(2)).hasSize(2);
    }

    @Test
    void aReusedPidStartsANewSeries() {
        ProcessHistory history = new ProcessHistory();
        ProcessSample first = process(5, "a", "b", 4096, null, null);
        ProcessSample reused = first.toBuilder().startTime(first.startTime().plusSeconds(60)).build();
        history.record(snapshot(1, T0, List.of(first)));
        history.record(snapshot(2, T0.plusSeconds(1), List.of(first)));
        history.record(snapshot(3, T0.plusSeconds(2), List.of(reused)));

        assertThat(history.history(5)).extracting(HistoryPoint::time).containsExactly(T0.plusSeconds(2));
    }

    @Test
    void churnDoesNotGrowTheMap() {
        ProcessHistory history = new ProcessHistory();
        for (int tick = 0; tick < 200; tick++) {
            int base = tick * 50;
            List<ProcessSample> ps = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ps.add(process(base + i + 1, "a", "b", 4096, null, null));
            }
            history.record(snapshot(tick, T0.plusSeconds(tick), ps));
        }
        assertThat(history.trackedPids()).isEqualTo(50);
    }

    @Test
    void recordingTheSameSnapshotTwiceAddsOnePoint() {
        ProcessHistory history = new ProcessHistory();
        var snap = snapshot(1, T0, List.of(process(1, "a", "b", 4096, null, null)));
        history.record(snap);
        history.record(snap);

        assertThat(history.history(1)).hasSize(1);
    }

    @Test
    void rejectsTinyCapacity() {
        assertThatThrownBy(() -> new ProcessHistory(1)).hasMessageContaining("at least 2");
    }

    private static ProcessSample withCpu(ProcessSample p, double cpu) {
        return p.toBuilder().cpuPercent(cpu).build();
    }

    @Test
    void tracksAtMostTheCapOfPidsAndAVanishedPidFreesItsSlot() {
        ProcessHistory history = new ProcessHistory(4, 3);
        List<ProcessSample> five = new java.util.ArrayList<>();
        for (int pid = 1; pid <= 5; pid++) {
            five.add(process(pid, "a", "b", 4096, null, null));
        }
        history.record(snapshot(1, T0, five));

        assertThat(history.trackedPids()).isEqualTo(3);
        assertThat(history.history(3)).hasSize(1);
        assertThat(history.history(4)).isEmpty();

        history.record(snapshot(2, T0.plusSeconds(1), five.subList(1, 5))); // pid 1 left

        assertThat(history.trackedPids()).isEqualTo(3);
        assertThat(history.history(2)).hasSize(2);
        assertThat(history.history(4)).hasSize(1);
        assertThat(history.history(5)).isEmpty();
    }

    @Test
    void fiveThousandLongRunningProcessesStayWithinTheDocumentedBound() {
        ProcessHistory history = new ProcessHistory();
        List<ProcessSample> processes = new java.util.ArrayList<>();
        for (int pid = 1; pid <= 5000; pid++) {
            processes.add(process(pid, "a", "b", 4096L * pid, null, null));
        }
        for (int tick = 0; tick < 3 * ProcessHistory.DEFAULT_CAPACITY; tick++) {
            history.record(snapshot(tick, T0.plusSeconds(2L * tick), processes));
        }

        assertThat(history.trackedPids()).isEqualTo(5000);
        assertThat(history.allocatedPoints()).isLessThanOrEqualTo(5000L * ProcessHistory.DEFAULT_CAPACITY);
        assertThat(history.history(4321)).hasSizeLessThanOrEqualTo(ProcessHistory.DEFAULT_CAPACITY);
        assertThat(history.history(4321).get(0).time()).isEqualTo(T0);
    }

    @Test
    void keepsTimesToTheHundredthOfASecond() {
        ProcessHistory history = new ProcessHistory();
        Instant odd = T0.plusMillis(1234);
        history.record(snapshot(1, T0, List.of(process(1, "a", "b", 4096, null, null))));
        history.record(snapshot(2, odd, List.of(process(1, "a", "b", 4096, null, null))));

        assertThat(history.history(1)).extracting(HistoryPoint::time).containsExactly(T0, T0.plusMillis(1230));
    }

    @Test
    void refusesANonPositivePidCap() {
        assertThatThrownBy(() -> new ProcessHistory(10, 0)).hasMessageContaining("at least 1");
    }
}
