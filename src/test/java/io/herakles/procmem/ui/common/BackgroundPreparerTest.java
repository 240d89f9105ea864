package io.herakles.procmem.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.testsupport.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The "ui-prepare" hand-off: the FX side is played by a queue of hops this test runs by hand, so
 * deliveries are counted exactly; waits use generous timeouts and never assert on timing.
 */
class BackgroundPreparerTest {

    private static final long WAIT_SECONDS = 30;

    private final LinkedBlockingQueue<Runnable> fxHops = new LinkedBlockingQueue<>();
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> prepared = Collections.synchronizedList(new ArrayList<>());
    private BackgroundPreparer<Integer, String> preparer;

    @AfterEach
    void close() throws InterruptedException {
        if (preparer != null) {
            preparer.close();
            preparer.thread().join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
    }

    @Test
    void preparesOnItsOwnNamedDaemonThreadAndDeliversThroughTheFxHop() throws Exception {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        preparer = new BackgroundPreparer<>("ui-prepare", v -> {
            threads.add(Thread.currentThread().getName());
            return "r" + v;
        }, FxExecutor.using(fxHops::add), delivered::add);

        preparer.submit(7);
        runNextHop();

        assertThat(delivered).containsExactly("r7");
        assertThat(threads).containsExactly("ui-prepare");
        assertThat(preparer.thread().isDaemon()).isTrue();
    }

    @Test
    void valuesSubmittedDuringAPreparationAreCoalescedToTheLatest() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        preparer = new BackgroundPreparer<>("ui-prepare", v -> {
            prepared.add(v);
            if (v == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return "r" + v;
        }, FxExecutor.using(fxHops::add), delivered::add);

        preparer.submit(1);
        assertThat(firstStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        for (int v = 2; v <= 50; v++) {
            preparer.submit(v); // returns at once although the preparer is busy
        }
        releaseFirst.countDown();
        runHopsUntilDelivered("r50");

        assertThat(prepared).containsExactly(1, 50);
        // r1 reaches the FX side unless r50 replaced it in the pending hop first: both are latest-wins
        assertThat(delivered).endsWith("r50").isSubsetOf("r1", "r50");
    }

    @Test
    void aBusyFxThreadNeverQueuesResults() throws Exception {
        CountDownLatch lastStarted = new CountDownLatch(1);
        CountDownLatch releaseLast = new CountDownLatch(1);
        preparer = new BackgroundPreparer<>("ui-prepare", v -> {
            prepared.add(v);
            if (v == 4) {
                lastStarted.countDown(); // so r3 has been handed to the FX hop already
                await(releaseLast);
            }
            return "r" + v;
        }, FxExecutor.using(fxHops::add), delivered::add);

        // the FX side runs no hop meanwhile: results replace each other in the one pending hop
        for (int v = 1; v <= 4; v++) {
            preparer.submit(v);
            int expected = v;
            Poll.atMost(Duration.ofSeconds(WAIT_SECONDS)).every(Duration.ofMillis(5))
                    .untilTrue(expected + " prepared", () -> prepared.contains(expected));
        }
        assertThat(lastStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(fxHops).hasSize(1);
        runNextHop();
        releaseLast.countDown();
        runHopsUntilDelivered("r4");

        assertThat(prepared).containsExactly(1, 2, 3, 4);
        assertThat(delivered).containsExactly("r3", "r4");
    }

    @Test
    void aFailingPreparationIsLoggedAndLaterValuesStillArrive() throws Exception {
        List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) { logged.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger logger = Logger.getLogger(BackgroundPreparer.class.getName());
        logger.addHandler(handler);
        try {
            preparer = new BackgroundPreparer<>("ui-prepare", v -> {
                if (v < 0) {
                    throw new IllegalStateException("bad snapshot " + v);
                }
                return "r" + v;
            }, FxExecutor.using(fxHops::add), delivered::add);

            preparer.submit(-1);
            Poll.atMost(Duration.ofSeconds(WAIT_SECONDS)).every(Duration.ofMillis(5))
                    .untilTrue("a log record", () -> !logged.isEmpty());
            preparer.submit(2);
            runHopsUntilDelivered("r2");

            assertThat(delivered).containsExactly("r2");
            assertThat(logged).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getThrown()).hasMessage("bad snapshot -1");
            });
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void closeStopsTheThreadAndLaterValuesAreIgnored() throws Exception {
        preparer = new BackgroundPreparer<>("ui-prepare", v -> {
            prepared.add(v);
            return "r" + v;
        }, FxExecutor.using(fxHops::add), delivered::add);

        preparer.close();
        preparer.thread().join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        preparer.submit(1);

        assertThat(preparer.thread().isAlive()).isFalse();
        assertThat(prepared).isEmpty();
        assertThat(fxHops).isEmpty();
    }

    private void runNextHop() throws InterruptedException {
        Runnable hop = fxHops.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(hop).as("an FX hop within %d s", WAIT_SECONDS).isNotNull();
        hop.run();
    }

    private void runHopsUntilDelivered(String last) throws InterruptedException {
        while (!delivered.contains(last)) {
            runNextHop();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
