package io.herakles.procmem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.classify.Classification;
import io.herakles.procmem.classify.Classifier;
import io.herakles.procmem.collect.FakeProc;
import io.herakles.procmem.collect.FileOpener;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.collect.UserNames;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smaps_rollup} is read again only when a process's memory counters moved or its PSS/USS
 * reached the age bound; unreadable processes back off. Reads are counted at the file opener, the
 * one door every {@code /proc} read goes through.
 */
class ChangeDrivenRollupsTest {

    private static final Classifier OTHER = (n, c) -> Optional.of(new Classification(GroupKey.OTHER, ""));
    private static final Duration TICK = Duration.ofSeconds(2);
    private static final Duration MAX_AGE = Duration.ofSeconds(10);
    /** What the sampler uses for a 2 s tick with a 10 s bound. */
    private static final CollectorTuning TUNING = CollectorTuning.forInterval(TICK).withRollupMaxAge(MAX_AGE);

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private final Map<Integer, AtomicInteger> rollupReads = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statmReads = new ConcurrentHashMap<>();
    private final Set<Integer> denied = ConcurrentHashMap.newKeySet();
    private FakeProc proc;
    private Collector collector;

    @BeforeEach
    void setUp() {
        proc = new FakeProc(dir.resolve("proc"));
        FileOpener counting = path -> {
            if (path.getFileName().toString().equals("statm")) {
                statmReads.computeIfAbsent(Integer.parseInt(path.getParent().getFileName().toString()),
                        k -> new AtomicInteger()).incrementAndGet();
            }
            if (path.getFileName().toString().equals("smaps_rollup")) {
                int pid = Integer.parseInt(path.getParent().getFileName().toString());
                rollupReads.computeIfAbsent(pid, k -> new AtomicInteger()).incrementAndGet();
                if (denied.contains(pid)) {
                    throw new AccessDeniedException(path.toString());
                }
            }
            return FileOpener.DEFAULT.open(path);
        };
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.parallelism(1);
        collector = new Collector(b.build(), OTHER, new ProcFs(proc.root(), counting), new UserNames(dir.resolve("passwd")),
                clock);
    }

    @AfterEach
    void tearDown() {
        collector.close();
    }

    private int reads(int pid) {
        AtomicInteger n = rollupReads.get(pid);
        return n == null ? 0 : n.get();
    }

    private int statmReads(int pid) {
        AtomicInteger n = statmReads.get(pid);
        return n == null ? 0 : n.get();
    }

    /** Advances one tick and runs a pass. */
    private TickResult tick(CollectorTuning tuning) {
        clock.advanceSeconds(tuning.rollupInterval().toNanos() * 2 / 1e9);
        return collector.collect(tuning);
    }

    private static ProcessSample sample(TickResult r, int pid) {
        return r.processes().stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
    }

    @Test
    void unchangedCountersAreNotReadAgainBeforeTheBound() {
        proc.pid(1, "a").rollup(1000, 600, 0, 400);
        proc.pid(2, "b");
        collector.collect(TUNING);
        assertThat(reads(1)).isEqualTo(1);
        proc.pid(1, "a").rollup(1000, 700, 0, 500); // the file changes, the counters do not
        TickResult r = tick(TUNING); // age 2 s: below even the earliest spread refresh (bound / 2 - margin)
        assertThat(reads(1)).isEqualTo(1);
        assertThat(reads(2)).isEqualTo(1);
        assertThat(r.rollupsRead()).isZero();
        assertThat(sample(r, 1).pssBytes()).hasValue(600L * 1024);
    }

    @Test
    void changedCountersAreReadInTheNextTick() {
        FakeProc.Pid a = proc.pid(1, "grows").rollup(1000, 600, 0, 400);
        FakeProc.Pid b = proc.pid(2, "faults").rollup(1000, 600, 0, 400);
        proc.pid(3, "still");
        collector.collect(TUNING);

        a.statm(5000).rollup(20_000, 16_000, 0, 15_000); // resident pages moved
        b.faults(5000, 1).rollup(1000, 800, 0, 700); // same resident count, but pages came and went
        TickResult r = tick(TUNING);
        assertThat(reads(1)).isEqualTo(2);
        assertThat(reads(2)).isEqualTo(2);
        assertThat(reads(3)).isEqualTo(1);
        assertThat(sample(r, 1).pssBytes()).hasValue(16_000L * 1024);
        assertThat(sample(r, 1).ussBytes()).hasValue(15_000L * 1024);
        assertThat(sample(r, 2).ussBytes()).hasValue(700L * 1024);
        assertThat(sample(r, 1).pssUssAge(clock.now())).hasValueSatisfying(age -> assertThat(age).isZero());
    }

    @Test
    void theAgeBoundForcesAReadAndNoValueIsOlderThanIt() {
        for (int pid = 1; pid <= 50; pid++) {
            proc.pid(pid, "p" + pid);
        }
        collector.collect(TUNING);
        Duration oldest = Duration.ZERO;
        for (int i = 0; i < 30; i++) { // a minute of 2 s ticks
            TickResult r = tick(TUNING);
            for (ProcessSample p : r.processes()) {
                Duration age = p.pssUssAge(clock.now()).orElseThrow();
                oldest = age.compareTo(oldest) > 0 ? age : oldest;
            }
        }
        assertThat(oldest).isLessThanOrEqualTo(MAX_AGE).isPositive();
        for (int pid = 1; pid <= 50; pid++) {
            // at most every 8 to 10 s over 60 s, once more for the spread first refresh: far fewer than 31
            assertThat(reads(pid)).as("pid %d", pid).isBetween(6, 9);
        }
    }

    @Test
    void firstRefreshesAreSpreadOverTicks() {
        for (int pid = 1; pid <= 200; pid++) {
            proc.pid(pid, "p" + pid);
        }
        collector.collect(TUNING);
        int busiest = 0;
        int total = 0;
        for (int i = 0; i < 5; i++) {
            int read = tick(TUNING).rollupsRead();
            busiest = Math.max(busiest, read);
            total += read;
        }
        assertThat(total).as("every process once within the bound").isEqualTo(200);
        assertThat(busiest).as("not all in one tick").isLessThan(120);
    }

    @Test
    void zeroBoundReadsEveryProcessEveryTickAsBefore() {
        proc.pid(1, "a");
        CollectorTuning exporter = CollectorTuning.forInterval(Duration.ofSeconds(30));
        collector.collect(exporter);
        for (int i = 0; i < 3; i++) {
            tick(exporter);
        }
        assertThat(reads(1)).isEqualTo(4);
    }

    @Test
    void unreadableStaysAbsentAndIsNotRetriedEveryTick() {
        FakeProc.Pid busy = proc.pid(2, "theirs");
        denied.add(2);
        TickResult first = collector.collect(TUNING);
        assertThat(sample(first, 2).pssBytes()).isEmpty();
        assertThat(first.permissionDenied()).isEqualTo(1);
        for (int i = 1; i <= 20; i++) { // 40 s of a process whose memory moves every tick
            busy.faults(100 + i * 50L, 0);
            TickResult r = tick(TUNING);
            assertThat(sample(r, 2).pssBytes()).isEmpty();
            assertThat(sample(r, 2).ussBytes()).isEmpty();
            assertThat(sample(r, 2).pssUssTime()).isNull();
            assertThat(r.permissionDenied()).as("the denial is remembered").isEqualTo(1);
        }
        assertThat(reads(2)).isEqualTo(1);
        for (int i = 0; i < 15; i++) { // the back-off ends within the next 30 s
            tick(TUNING);
        }
        assertThat(reads(2)).isEqualTo(2);
        denied.remove(2);
        for (int i = 0; i < 30; i++) {
            tick(TUNING);
        }
        TickResult readable = tick(TUNING);
        assertThat(sample(readable, 2).pssBytes()).hasValue(6000L * 1024);
        assertThat(readable.permissionDenied()).isZero();
    }

    @Test
    void aProcessThatBecomesUnreadableLosesItsValuesInsteadOfKeepingThemForever() {
        FakeProc.Pid p = proc.pid(1, "setuid");
        collector.collect(TUNING);
        denied.add(1);
        p.statm(3000);
        TickResult r = tick(TUNING);
        assertThat(reads(1)).isEqualTo(2);
        assertThat(sample(r, 1).pssBytes()).isEmpty();
        assertThat(sample(r, 1).ussBytes()).isEmpty();
        assertThat(sample(r, 1).memory().pssAnon()).isEmpty();
    }

    @Test
    void aReusedPidIsReadAfreshEvenWithTheSameCounters() {
        proc.pid(100, "old").start(1000).rollup(1000, 600, 0, 400);
        collector.collect(TUNING);
        proc.remove(100);
        proc.pid(100, "new").start(9000).rollup(2000, 1500, 0, 1200);
        TickResult r = tick(TUNING);
        assertThat(reads(100)).isEqualTo(2);
        assertThat(sample(r, 100).name()).isEqualTo("new");
        assertThat(sample(r, 100).ussBytes()).hasValue(1200L * 1024);
    }

    @Test
    void aShortBudgetDefersReadsButStarvesNoneWhileAnotherProcessChangesEveryTick() {
        for (int pid = 1; pid <= 40; pid++) {
            proc.pid(pid, "p" + pid);
        }
        FakeProc.Pid churn = proc.pid(41, "churn");
        collector.collect(TUNING);
        // a zero budget still lets one chunk through per tick (the gate is checked per chunk)
        CollectorTuning tight = TUNING.withBudget(Duration.ZERO);
        for (int i = 1; i <= 15; i++) {
            churn.faults(100 + i, 0);
            tick(tight);
        }
        for (int pid = 1; pid <= 40; pid++) {
            assertThat(reads(pid)).as("pid %d read again within 30 s", pid).isGreaterThanOrEqualTo(2);
        }
        assertThat(reads(41)).as("the changing one gets its turns too").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theSnapshotRecordsWhenPssAndUssWereRead() {
        proc.pid(1, "a");
        TickResult first = collector.collect(TUNING);
        ProcessSample p = sample(first, 1);
        assertThat(p.pssUssTime()).isEqualTo(clock.now());
        TickResult later = tick(TUNING);
        assertThat(sample(later, 1).pssUssTime()).isEqualTo(p.pssUssTime());
        assertThat(sample(later, 1).pssUssAge(clock.now())).hasValue(TICK);
    }

    @Test
    void rssIsStatmsExactFigureReadOnlyWhenStatsSignalsMoveOrAtTheBound() {
        FakeProc.Pid p = proc.pid(1, "a").statm(2500).statRss(2400); // stat lags behind, as on recent kernels
        TickResult r = collector.collect(TUNING);
        assertThat(sample(r, 1).rssBytes()).isEqualTo(2500L * 4096);
        assertThat(statmReads(1)).isEqualTo(1);
        tick(TUNING);
        tick(TUNING);
        assertThat(statmReads(1)).as("signals unchanged").isEqualTo(1);
        p.statm(2600).statRss(2400).faults(150, 0);
        r = tick(TUNING);
        assertThat(statmReads(1)).isEqualTo(2);
        assertThat(sample(r, 1).rssBytes()).isEqualTo(2600L * 4096);
        for (int i = 0; i < 5; i++) {
            tick(TUNING);
        }
        assertThat(statmReads(1)).as("the bound forces a read").isEqualTo(3);
    }

    @Test
    void zeroBoundReadsStatmEveryTick() {
        proc.pid(1, "a");
        CollectorTuning exporter = CollectorTuning.forInterval(Duration.ofSeconds(30));
        collector.collect(exporter);
        tick(exporter);
        tick(exporter);
        assertThat(statmReads(1)).isEqualTo(3);
    }

    @Test
    void theConfiguredBoundWinsOverEachFacesDefault() {
        ExporterConfig unset = ExporterConfig.defaults();
        assertThat(Sampler.smapsMaxAge(unset, Sampler.EXPORTER_SMAPS_MAX_AGE)).isZero();
        assertThat(Sampler.smapsMaxAge(unset, Sampler.DESKTOP_SMAPS_MAX_AGE)).isEqualTo(Duration.ofSeconds(10));
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.smapsMaxAgeSeconds(0L);
        assertThat(Sampler.smapsMaxAge(b.build(), Sampler.DESKTOP_SMAPS_MAX_AGE)).isZero();
        b.smapsMaxAgeSeconds(25L);
        assertThat(Sampler.smapsMaxAge(b.build(), Sampler.EXPORTER_SMAPS_MAX_AGE)).isEqualTo(Duration.ofSeconds(25));
    }
}
