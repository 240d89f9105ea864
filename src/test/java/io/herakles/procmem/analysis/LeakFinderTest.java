package io.herakles.procmem.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class LeakFinderTest {

    private static final long MIB = 1 << 20;
    private static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");
    private static final int STEPS = 120;
    private static final GroupKey APP = new GroupKey("app", "web");

    /** 120 samples a minute apart; pid N's USS at sample i is {@code series[N-1].applyAsLong(i)}. */
    private static List<Snapshot> series(IntToLongFunction... perPid) {
        List<Snapshot> out = new ArrayList<>();
        SystemSample system = new SystemSample(OptionalLong.of(16L << 30), OptionalLong.of(4L << 30),
                OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Map.of(), 4);
        for (int i = 0; i < STEPS; i++) {
            List<ProcessSample> ps = new ArrayList<>();
            for (int pid = 1; pid <= perPid.length; pid++) {
                ps.add(ProcessSample.builder(pid, "p" + pid).group(pid == 1 ? APP : GroupKey.OTHER)
                        .startTime(T0.minusSeconds(pid)).rssBytes(500 * MIB).ussBytes(perPid[pid - 1].applyAsLong(i))
                        .build());
            }
            out.add(new Snapshot(i, T0.plus(Duration.ofMinutes(i)), "t", ps, system, CollectionStats.NONE));
        }
        return out;
    }

    @Test
    void aSteadyGrowerIsFoundWithItsRateSinceAndTimeLeft() {
        Random noise = new Random(1);
        // 0.5 MiB a minute = 30 MiB/h, with ±0.2 MiB of noise
        LeakReport r = LeakFinder.find(series(i -> 100 * MIB + i * MIB / 2 + (long) (noise.nextGaussian() * 0.2 * MIB),
                i -> 80 * MIB), MemoryMetric.USS);
        assertThat(r.processes()).hasSize(1);
        LeakSuspect s = r.processes().get(0);
        assertThat(s.pid()).hasValue(1);
        assertThat(s.mibPerHour()).isCloseTo(30, within(3.0));
        assertThat(s.steadiness()).isGreaterThan(0.6);
        assertThat(s.since()).isBefore(T0.plus(Duration.ofMinutes(10)));
        // 4 GiB available at 30 MiB/h: about 136 h
        assertThat(s.untilExhausted().orElseThrow().toHours()).isBetween(120L, 150L);
        assertThat(r.subgroups()).extracting(LeakSuspect::label).containsExactly("app/web");
    }

    @Test
    void growthThatStartsLaterIsDatedFromItsStart() {
        LeakReport r = LeakFinder.find(series(i -> i < 60 ? 100 * MIB : 100 * MIB + (i - 60) * MIB), MemoryMetric.USS);
        assertThat(r.processes()).hasSize(1);
        assertThat(r.processes().get(0).since()).isBetween(T0.plus(Duration.ofMinutes(58)),
                T0.plus(Duration.ofMinutes(61)));
    }

    @Test
    void noiseAOneOffJumpAndASawtoothAreNotLeaks() {
        Random noise = new Random(2);
        LeakReport r = LeakFinder.find(series(
                i -> 200 * MIB + (long) (noise.nextGaussian() * 3 * MIB),
                i -> i < 40 ? 100 * MIB : 300 * MIB,
                i -> 100 * MIB + (i % 15) * 4 * MIB,
                i -> 50 * MIB), MemoryMetric.USS);
        assertThat(r.processes()).isEmpty();
        assertThat(r.subgroups()).isEmpty();
    }

    @Test
    void aLiveFinderKeepsItsBoundAndStillFindsTheGrowerAndItsRate() {
        LeakFinder live = LeakFinder.live(MemoryMetric.USS, 32);
        Random noise = new Random(3);
        List<Snapshot> samples = series(i -> 100 * MIB + i * MIB / 2 + (long) (noise.nextGaussian() * 0.2 * MIB), i -> 80 * MIB);
        samples.forEach(live::add);
        assertThat(live.longestSeries()).as("thinned, never above the bound").isLessThanOrEqualTo(32);
        LeakReport r = live.report();
        assertThat(r.samples()).isEqualTo(STEPS);
        assertThat(r.processes()).extracting(LeakSuspect::label).containsExactly("p1");
        assertThat(r.processes().get(0).mibPerHour()).isCloseTo(30, within(3.0));
        assertThat(live.from()).hasValue(T0);
    }

    @Test
    void aLiveFinderForgetsProcessesAndSubgroupsThatAreGone() {
        LeakFinder live = LeakFinder.live(MemoryMetric.USS, 32);
        List<Snapshot> both = series(i -> 100 * MIB + i * MIB, i -> 80 * MIB);
        both.subList(0, 10).forEach(live::add);
        assertThat(live.seriesKept()).as("two processes, two subgroups").isEqualTo(4);
        Snapshot onlyTheSecond = both.get(10);
        live.add(new Snapshot(11, onlyTheSecond.takenAt(), "t", List.of(onlyTheSecond.processes().get(1)),
                onlyTheSecond.system(), CollectionStats.NONE));
        assertThat(live.seriesKept()).as("p1 and its subgroup app/web left").isEqualTo(2);
        assertThat(live.report().processes()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LeakFinder.live(MemoryMetric.USS, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPoints");
    }

    @Test
    void aSlowStepwiseLeakStillCounts() {
        // rises 2 MiB every 5th sample: most steps are flat, none fall
        LeakReport r = LeakFinder.find(series(i -> 100 * MIB + (i / 5) * 2 * MIB), MemoryMetric.USS);
        assertThat(r.processes()).hasSize(1);
        assertThat(r.processes().get(0).mibPerHour()).isCloseTo(24, within(4.0));
    }

    @Test
    void theilSenIgnoresOutliers() {
        double[] t = new double[50];
        double[] v = new double[50];
        for (int i = 0; i < 50; i++) {
            t[i] = i;
            v[i] = 3 * i + (i % 7 == 0 ? 1000 : 0);
        }
        assertThat(TheilSen.slope(t, v, 50)).isCloseTo(3.0, within(0.01));
    }
}
