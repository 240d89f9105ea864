package io.herakles.procmem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.classify.Classification;
import io.herakles.procmem.classify.Classifier;
import io.herakles.procmem.collect.FakeProc;
import io.herakles.procmem.collect.MonotonicClock;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.collect.UserNames;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplerTest {

    private static final long WAIT_SECONDS = 30; // generous: the CI machine is a loaded 2-core VM

    @TempDir
    Path dir;

    private FakeProc proc;
    private Sampler sampler;
    private final BlockingQueue<Snapshot> received = new LinkedBlockingQueue<>();
    private final AtomicBoolean explode = new AtomicBoolean();

    private final Classifier classifier = (name, cmd) -> {
        if (explode.get() && name.equals("bomb")) {
            throw new AssertionError("classifier exploded");
        }
        return Optional.of(new Classification(GroupKey.OTHER, ""));
    };

    @BeforeEach
    void setUp() {
        proc = new FakeProc(dir);
        proc.pid(1, "init");
    }

    @AfterEach
    void tearDown() {
        if (sampler != null) {
            sampler.close();
        }
    }

    private Sampler start(Duration interval) throws Exception {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.parallelism(2);
        sampler = new Sampler(b.build(), classifier, new ProcFs(dir), new UserNames(dir.resolve("passwd")),
                MonotonicClock.SYSTEM, interval);
        sampler.source().subscribe(received::add);
        sampler.start();
        return sampler;
    }

    private Snapshot next() throws InterruptedException {
        Snapshot s = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(s).as("a snapshot within %d s", WAIT_SECONDS).isNotNull();
        return s;
    }

    @Test
    void firstSnapshotComesRightAfterStart() throws Exception {
        start(Duration.ofHours(1));
        Snapshot s = next();
        assertThat(s.sequence()).isEqualTo(1);
        assertThat(s.source()).isEqualTo(dir.toString());
        assertThat(s.processes()).extracting(p -> p.name()).containsExactly("init");
        assertThat(s.stats().success()).isTrue();
        assertThat(s.stats().ticks()).isEqualTo(1);
        assertThat(s.stats().pidsSeen()).isEqualTo(1);
        assertThat(s.stats().pssReadable()).isEqualTo(1);
        assertThat(sampler.source().latest()).contains(s);
        Thread t = Thread.getAllStackTraces().keySet().stream()
                .filter(x -> x.getName().equals("herakles-sampler")).findFirst().orElseThrow();
        assertThat(t.isDaemon()).isTrue();
    }

    @Test
    void refreshNowRunsAPassEvenWhilePaused() throws Exception {
        start(Duration.ofHours(1));
        next();
        sampler.pause();
        assertThat(sampler.isPaused()).isTrue();
        proc.pid(2, "late");
        sampler.refreshNow();
        Snapshot s = next();
        assertThat(s.sequence()).isEqualTo(2);
        assertThat(s.processes()).hasSize(2);
    }

    @Test
    void aShorterIntervalTakesEffectWithoutWaitingForTheOldOne() throws Exception {
        start(Duration.ofHours(1));
        next();
        sampler.setInterval(Duration.ofMillis(50));
        assertThat(sampler.interval()).isEqualTo(Duration.ofMillis(50));
        next();
        next();
    }

    @Test
    void aFailedPassKeepsTheLastGoodProcessesAndTheLoopGoesOn() throws Exception {
        start(Duration.ofHours(1));
        Snapshot good = next();
        explode.set(true);
        proc.pid(2, "bomb");
        sampler.refreshNow();
        Snapshot failed = next();
        assertThat(failed.stats().success()).isFalse();
        assertThat(failed.stats().error()).contains("classifier exploded");
        assertThat(failed.stats().failedTicks()).isEqualTo(1);
        assertThat(failed.processes()).isEqualTo(good.processes());
        explode.set(false);
        sampler.refreshNow();
        Snapshot recovered = next();
        assertThat(recovered.stats().success()).isTrue();
        assertThat(recovered.stats().failedTicks()).isEqualTo(1);
        assertThat(recovered.processes()).hasSize(2);
    }

    @Test
    void closeStopsTheThread() throws Exception {
        start(Duration.ofMillis(20));
        next();
        sampler.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("herakles-sampler"));
    }
}
