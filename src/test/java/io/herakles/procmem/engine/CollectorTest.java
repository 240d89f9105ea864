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
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorTest {

    private static final Classifier OTHER = (n, c) -> Optional.of(new Classification(GroupKey.OTHER, ""));

    @TempDir
    Path dir;

    private FakeProc proc;
    private final FakeClock clock = new FakeClock();
    private Collector collector;
    private UserNames users;

    @BeforeEach
    void setUp() throws Exception {
        proc = new FakeProc(dir.resolve("proc"));
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0::/:/bin/sh\npostgres:x:70:70::/:/bin/sh\n");
        users = new UserNames(passwd);
    }

    @AfterEach
    void tearDown() {
        if (collector != null) {
            collector.close();
        }
    }

    private Collector collector(Consumer<ExporterConfig.Builder> cfg, Classifier classifier, FileOpener opener) {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.parallelism(1);
        cfg.accept(b);
        collector = new Collector(b.build(), classifier, new ProcFs(proc.root(), opener), users, clock);
        return collector;
    }

    private Collector collector(Consumer<ExporterConfig.Builder> cfg) {
        return collector(cfg, OTHER, FileOpener.DEFAULT);
    }

    private static List<Integer> pids(TickResult r) {
        return r.processes().stream().map(ProcessSample::pid).sorted().toList();
    }

    @Test
    void firstTickReadsEverythingIntoSamples() {
        proc.pid(100, "postgres").cpu(250, 50).threads(4).status(70, 800, 200, 100, 64)
                .cmdline("postgres\0-D\0/var/lib/pg\0");
        TickResult r = collector(b -> { }).collect(CollectorTuning.complete());
        ProcessSample p = r.processes().get(0);
        assertThat(p.name()).isEqualTo("postgres");
        assertThat(p.cmdline()).isEqualTo("postgres -D /var/lib/pg");
        assertThat(p.uid()).isEqualTo(70);
        assertThat(p.user()).isEqualTo("postgres");
        assertThat(p.state()).isEqualTo('S');
        assertThat(p.threads()).isEqualTo(4);
        assertThat(p.rssBytes()).isEqualTo(2500L * 4096);
        assertThat(p.pssBytes()).hasValue(6000L * 1024);
        assertThat(p.ussBytes()).hasValue(4000L * 1024);
        assertThat(p.memory().rssAnon()).hasValue(800L * 1024);
        assertThat(p.memory().swap()).hasValue(64L * 1024);
        assertThat(p.memory().pssAnon()).hasValue(3000L * 1024);
        assertThat(p.cpuTimeSeconds()).isEqualTo(3.0);
        assertThat(p.cpuPercent()).isZero();
        assertThat(p.startTime()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L + 10));
        assertThat(r.system().memTotalBytes()).hasValue(16_000_000L * 1024);
        assertThat(r.system().cpuUsageRatio()).isEmpty();
        assertThat(r.pssReadable()).isEqualTo(1);
    }

    @Test
    void capturedTreeOfARealMachine() {
        collector = new Collector(ExporterConfig.builder().build(), OTHER,
                new ProcFs(Path.of("src/test/resources/procfs/captured")), users, clock);
        TickResult r = collector.collect(CollectorTuning.complete());
        assertThat(pids(r)).containsExactly(1, 2, 3433);
        ProcessSample init = r.processes().get(0);
        assertThat(init.name()).isEqualTo("process_api");
        assertThat(init.pssBytes()).isEmpty(); // its smaps_rollup was unreadable even for root
        assertThat(init.threads()).isEqualTo(13);
        ProcessSample kthreadd = r.processes().get(1);
        assertThat(kthreadd.cmdline()).isEmpty();
        assertThat(kthreadd.rssBytes()).isZero();
        ProcessSample bash = r.processes().get(2);
        assertThat(bash.user()).isEqualTo("root");
        assertThat(bash.ussBytes()).hasValue(344L * 1024);
        assertThat(bash.startTime()).isEqualTo(Instant.ofEpochSecond(1795632700L).plusMillis(386050));
        assertThat(r.system().memAvailableBytes()).hasValue(23875884L * 1024);
        assertThat(r.system().cpuCount()).isEqualTo(2);
        assertThat(r.system().load1()).hasValue(8.14);
    }

    @Test
    void cpuPercentIsTheTickDeltaOverWallTime() {
        FakeProc.Pid p = proc.pid(100, "busy").cpu(100, 0);
        Collector c = collector(b -> { });
        c.collect(CollectorTuning.complete());
        p.cpu(130, 20); // 50 ticks = 0.5 s CPU
        proc.cpu(1100, 0, 600, 8100, 100, 0, 10, 0); // Δtotal 300, Δidle 100
        clock.advanceSeconds(2);
        TickResult r = c.collect(CollectorTuning.complete());
        assertThat(r.processes().get(0).cpuPercent()).isEqualTo(25.0);
        assertThat(r.processes().get(0).cpuTimeSeconds()).isEqualTo(1.5);
        assertThat(r.system().totalCpuRatio()).hasValue(200.0 / 300.0);
        assertThat(r.system().cpuCount()).isEqualTo(1);
    }

    @Test
    void pidReuseIsANewProcess() {
        proc.pid(100, "old").cpu(5000, 0).start(1000);
        AtomicInteger calls = new AtomicInteger();
        Classifier counting = (n, c) -> {
            calls.incrementAndGet();
            return Optional.of(new Classification(new GroupKey("g", n), "name = " + n));
        };
        Collector c = collector(b -> { }, counting, FileOpener.DEFAULT);
        c.collect(CollectorTuning.complete());
        proc.remove(100);
        proc.pid(100, "new").cpu(10, 0).start(9000);
        clock.advanceSeconds(1);
        ProcessSample p = c.collect(CollectorTuning.complete()).processes().get(0);
        assertThat(p.name()).isEqualTo("new");
        assertThat(p.group()).isEqualTo(new GroupKey("g", "new"));
        assertThat(p.cpuPercent()).isZero(); // no bogus delta against the old process (docs/UPSTREAM.md#u13-per-pid-caches-are-pruned)
        assertThat(calls).hasValue(2);
    }

    @Test
    void classificationIsCachedPerProcess() {
        proc.pid(100, "a");
        proc.pid(101, "b");
        AtomicInteger calls = new AtomicInteger();
        Classifier counting = (n, c) -> {
            calls.incrementAndGet();
            return Optional.of(new Classification(GroupKey.OTHER, ""));
        };
        Collector c = collector(b -> { }, counting, FileOpener.DEFAULT);
        for (int i = 0; i < 5; i++) {
            clock.advanceSeconds(1);
            c.collect(CollectorTuning.forInterval(Duration.ofSeconds(1)));
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void cachesArePrunedWhenProcessesExit() {
        Collector c = collector(b -> { });
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 10; i++) {
                proc.pid(1000 + round * 10 + i, "churn" + i);
            }
            clock.advanceSeconds(1);
            TickResult r = c.collect(CollectorTuning.complete());
            assertThat(r.processes()).hasSize(10);
            for (int i = 0; i < 10; i++) {
                proc.remove(1000 + round * 10 + i);
            }
        }
        assertThat(c.trackedCount()).isLessThanOrEqualTo(10);
        TickResult empty = c.collect(CollectorTuning.complete());
        assertThat(empty.processes()).isEmpty();
        assertThat(c.trackedCount()).isZero();
    }

    @Test
    void nameFiltersExcludeWinsAndAreCaseSensitive() {
        proc.pid(1, "nginx");
        proc.pid(2, "nginx-debug");
        proc.pid(3, "postgres");
        proc.pid(4, "NGINX");
        TickResult r = collector(b -> {
            b.includeNames(List.of("nginx", "post"));
            b.excludeNames(List.of("debug"));
        }).collect(CollectorTuning.complete());
        assertThat(pids(r)).containsExactly(1, 3);
    }

    @Test
    void minUssDropsOnlyKnownSmallUss() {
        proc.pid(1, "small").rollup(100, 50, 10, 10); // USS 20 kB
        proc.pid(2, "large").rollup(10_000, 6_000, 0, 5_000);
        proc.pid(3, "kthread").kernelThread(); // USS unknown: kept
        TickResult r = collector(b -> b.minUssKb(1000)).collect(CollectorTuning.complete());
        assertThat(pids(r)).containsExactly(2, 3);
        ProcessSample k = r.processes().get(1);
        assertThat(k.pssBytes()).isEmpty();
        assertThat(k.ussBytes()).isEmpty();
        assertThat(k.cmdline()).isEmpty();
    }

    @Test
    void maxProcessesCapsTheListing() {
        for (int i = 1; i <= 10; i++) {
            proc.pid(i, "p" + i);
        }
        TickResult r = collector(b -> b.maxProcesses(4)).collect(CollectorTuning.complete());
        assertThat(r.pidsSeen()).isEqualTo(4);
        assertThat(r.processes()).hasSize(4);
    }

    @Test
    void classifierDropsProcessesButKeepsTheDecision() {
        proc.pid(1, "keep");
        proc.pid(2, "drop");
        AtomicInteger calls = new AtomicInteger();
        Classifier c = (n, cmd) -> {
            calls.incrementAndGet();
            return n.equals("drop") ? Optional.empty() : Optional.of(new Classification(new GroupKey("a", "b"), "r"));
        };
        Collector col = collector(b -> { }, c, FileOpener.DEFAULT);
        col.collect(CollectorTuning.complete());
        TickResult r = col.collect(CollectorTuning.complete());
        assertThat(pids(r)).containsExactly(1);
        assertThat(r.processes().get(0).group()).isEqualTo(new GroupKey("a", "b"));
        assertThat(r.processes().get(0).matchedRule()).isEqualTo("r");
        assertThat(calls).hasValue(2);
    }

    @Test
    void unreadableRollupLeavesPssAndUssAbsentButKeepsTheProcess() {
        proc.pid(1, "mine");
        proc.pid(2, "theirs");
        FileOpener denyPid2 = p -> {
            if (p.toString().endsWith("/2/smaps_rollup")) {
                throw new AccessDeniedException(p.toString());
            }
            return FileOpener.DEFAULT.open(p);
        };
        TickResult r = collector(b -> { }, OTHER, denyPid2).collect(CollectorTuning.complete());
        assertThat(pids(r)).containsExactly(1, 2);
        ProcessSample theirs = r.processes().get(1);
        assertThat(theirs.pssBytes()).isEmpty();
        assertThat(theirs.ussBytes()).isEmpty();
        assertThat(theirs.rssBytes()).isPositive();
        assertThat(r.permissionDenied()).isEqualTo(1);
        assertThat(r.deniedReads()).isEqualTo(1);
        assertThat(r.pssReadable()).isEqualTo(1);
    }

    @Test
    void vanishedPidsAreCountedAndSkipped() throws Exception {
        proc.pid(1, "stays");
        proc.pid(2, "going");
        Files.delete(proc.root().resolve("2/stat")); // listed, then gone when read
        Files.delete(proc.root().resolve("2/statm"));
        TickResult r = collector(b -> { }).collect(CollectorTuning.complete());
        assertThat(pids(r)).containsExactly(1);
        assertThat(r.vanished()).isEqualTo(1);
    }

    @Test
    void weirdNamesSurviveEndToEnd() {
        byte[] invalid = {'b', 'a', 'd', (byte) 0xff, ' ', ')', '('};
        proc.pid(1, "we\"ird\\\na) me").cpu(7, 3);
        proc.pid(2, invalid).cpu(1, 1).cmdline(new byte[] {'/', 'x', (byte) 0xc3, 0, 'a', 0});
        TickResult r = collector(b -> { }).collect(CollectorTuning.complete());
        assertThat(r.processes().get(0).name()).isEqualTo("we\"ird\\\na) me");
        assertThat(r.processes().get(0).cpuTimeSeconds()).isEqualTo(0.1);
        assertThat(r.processes().get(1).name()).isEqualTo("bad\uFFFD )(");
        assertThat(r.processes().get(1).cmdline()).isEqualTo("/x\uFFFD a");
    }

    @Test
    void emptyCommFallsBackToArgv0Basename() {
        proc.pid(1, "").cmdline("/opt/app/bin/worker\0--x\0");
        TickResult r = collector(b -> { }).collect(CollectorTuning.complete());
        assertThat(r.processes().get(0).name()).isEqualTo("worker");
    }

    @Test
    void rollupBudgetLeavesTheRestPendingAndRoundRobins() {
        for (int i = 1; i <= 40; i++) {
            proc.pid(i, "p" + i);
        }
        Collector c = collector(b -> { });
        // a zero budget still lets the first chunk through (the gate is checked per chunk)
        CollectorTuning tight = new CollectorTuning(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30), 0);
        TickResult first = c.collect(tight);
        assertThat(first.rollupsPending()).isPositive();
        assertThat(first.pssReadable()).isEqualTo(first.rollupsRead());
        assertThat(first.processes()).hasSize(40); // pending ones still appear, PSS absent
        int readable = first.pssReadable();
        for (int i = 0; i < 10 && readable < 40; i++) {
            clock.advanceSeconds(1);
            readable = c.collect(tight).pssReadable();
        }
        assertThat(readable).isEqualTo(40);
    }

    @Test
    void slowRollupsAreReadLessOften() {
        proc.pid(1, "huge");
        proc.pid(2, "small");
        FileOpener slowForPid1 = p -> {
            if (p.toString().endsWith("/1/smaps_rollup")) {
                clock.advanceSeconds(1); // reading this process's rollup takes a second
            }
            return FileOpener.DEFAULT.open(p);
        };
        Collector c = collector(b -> { }, OTHER, slowForPid1);
        CollectorTuning t = new CollectorTuning(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(1), 50);
        assertThat(c.collect(t).rollupsRead()).isEqualTo(2);
        clock.advanceSeconds(10);
        assertThat(c.collect(t).rollupsRead()).isEqualTo(1); // only the small one; the slow one waits 50 s
        clock.advanceSeconds(45);
        assertThat(c.collect(t).rollupsRead()).isEqualTo(2);
    }

    @Test
    void commChangeTriggersReclassification() {
        FakeProc.Pid p = proc.pid(1, "before");
        Collector c = collector(b -> { }, (n, cmd) -> Optional.of(new Classification(new GroupKey("g", n), "")),
                FileOpener.DEFAULT);
        c.collect(CollectorTuning.complete());
        proc.pid(1, "after");
        TickResult r = c.collect(CollectorTuning.complete());
        assertThat(r.processes().get(0).group().subgroup()).isEqualTo("after");
        assertThat(p).isNotNull();
    }

    @Test
    void autoParallelismUsesHalfTheCoresUpToFour() {
        assertThat(Collector.autoParallelism(1)).isEqualTo(1);
        assertThat(Collector.autoParallelism(2)).isEqualTo(1);
        assertThat(Collector.autoParallelism(6)).isEqualTo(3);
        assertThat(Collector.autoParallelism(64)).isEqualTo(4);
        assertThat(Collector.parallelism(3)).isEqualTo(3);
        assertThat(Collector.parallelism(0)).isEqualTo(Collector.autoParallelism(Runtime.getRuntime().availableProcessors()));
        assertThat(Collector.parallelism(null)).isEqualTo(Collector.parallelism(0));
    }

    @Test
    void parallelWorkersGiveTheSameResult() {
        for (int i = 1; i <= 200; i++) {
            proc.pid(i, "p" + i).cmdline(("p" + i + "\0").getBytes(StandardCharsets.UTF_8));
        }
        TickResult single = collector(b -> b.parallelism(1)).collect(CollectorTuning.complete());
        collector.close();
        TickResult multi = collector(b -> b.parallelism(3)).collect(CollectorTuning.complete());
        assertThat(collector.workers()).isEqualTo(3);
        assertThat(multi.processes()).hasSize(200);
        assertThat(pids(multi)).isEqualTo(pids(single));
        assertThat(multi.pssReadable()).isEqualTo(200);
    }
}
