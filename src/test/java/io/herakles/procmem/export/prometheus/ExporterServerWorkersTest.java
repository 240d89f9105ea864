package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.ExporterServerTest.CONFIG;
import static io.herakles.procmem.export.prometheus.TestSnapshots.DB;
import static io.herakles.procmem.export.prometheus.TestSnapshots.proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.testsupport.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP worker pool grows only when no worker is idle, queues quick requests beyond its quick
 * workers, starts more for requests stuck behind busy ones, and queues beyond its maximum.
 */
class ExporterServerWorkersTest {

    private final List<ThreadPoolExecutor> pools = new ArrayList<>();

    @AfterEach
    void shutdown() {
        pools.forEach(ThreadPoolExecutor::shutdownNow);
    }

    private static Thread worker(Runnable r) {
        Thread t = new Thread(r, "workers-test");
        t.setDaemon(true);
        return t;
    }

    /** The server's pool, {@code max} workers at most. */
    private HttpWorkers pool(int max) {
        return pool(Math.min(ExporterServer.QUICK_WORKERS, max), max, ExporterServer.HAND_OFF_WAIT_MICROS,
                ExporterServer.STALL_MILLIS);
    }

    private HttpWorkers pool(int quick, int max, long handOffWaitMicros, long stallMillis) {
        HttpWorkers p = HttpWorkers.start(quick, max, ExporterServerWorkersTest::worker, handOffWaitMicros, stallMillis);
        pools.add(p);
        return p;
    }

    /** Waits (generously) for a condition; {@code holdsWithin} is false when it never became true. */
    private static final Poll GENEROUSLY = Poll.atMost(Duration.ofSeconds(30)).every(Duration.ofMillis(5));

    private static boolean idleWorkerWaiting(ThreadPoolExecutor p) {
        return ((LinkedTransferQueue<Runnable>) p.getQueue()).hasWaitingConsumer();
    }

    @Test
    void sequentialTasksReuseOneWorker() throws Exception {
        ThreadPoolExecutor p = pool(32);
        for (int i = 0; i < 30; i++) {
            p.submit(() -> { }).get(30, TimeUnit.SECONDS);
            ThreadPoolExecutor q = p;
            assertThat(GENEROUSLY.holdsWithin(() -> idleWorkerWaiting(q))).as("worker back to waiting").isTrue();
        }
        assertThat(p.getLargestPoolSize()).isEqualTo(1);
        assertThat(p.getCompletedTaskCount()).isEqualTo(30);
    }

    /** Beyond the quick workers, after the stall: tasks that do not finish (slow clients) do not starve the rest. */
    @Test
    void concurrentTasksThatDoNotFinishEachGetAWorkerUpToTheMaximum() throws Exception {
        ThreadPoolExecutor p = pool(32);
        CountDownLatch started = new CountDownLatch(6);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(p.submit(() -> {
                started.countDown();
                release.await(60, TimeUnit.SECONDS);
                return null;
            }));
        }
        // all six run at once: none waits behind a busy worker
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        for (Future<?> f : tasks) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(p.getLargestPoolSize()).isEqualTo(6);
    }

    @Test
    void beyondTheMaximumTasksWaitForAFreeWorkerAndAllRun() throws Exception {
        queuesBehindBusyWorkersAndAllRun(pool(2), 2, 3);
    }

    /**
     * A request that comes while the only worker is finishing waits for it instead of starting a
     * second one (keep-alive clients ask again the moment a response reaches them); with no wait it
     * starts a second worker. The wait here is long so that the test does not depend on timing.
     */
    @Test
    void aTaskWaitsForAWorkerThatComesFreeWithinTheHandOffWait() throws Exception {
        assertThat(largestPoolWhenTheOnlyWorkerFreesWhileATaskWaits(TimeUnit.SECONDS.toMicros(60))).isEqualTo(1);
        assertThat(largestPoolWhenTheOnlyWorkerFreesWhileATaskWaits(0)).isEqualTo(2);
    }

    private int largestPoolWhenTheOnlyWorkerFreesWhileATaskWaits(long waitMicros) throws Exception {
        ThreadPoolExecutor p = pool(ExporterServer.QUICK_WORKERS, 32, waitMicros, ExporterServer.STALL_MILLIS);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bothDone = new CountDownLatch(2);
        p.execute(() -> {
            awaitQuietly(release);
            bothDone.countDown();
        });
        assertThat(GENEROUSLY.holdsWithin(() -> p.getActiveCount() == 1)).isTrue();
        Thread submitter = new Thread(() -> p.execute(bothDone::countDown), "submitter");
        submitter.start();
        if (waitMicros > 0) {
            // the submitter is inside the hand-off wait: now the busy worker comes free
            assertThat(GENEROUSLY.holdsWithin(() -> submitter.getState() == Thread.State.TIMED_WAITING)).isTrue();
        } else {
            submitter.join(30_000);
        }
        release.countDown();
        assertThat(bothDone.await(30, TimeUnit.SECONDS)).isTrue();
        submitter.join(30_000);
        return p.getLargestPoolSize();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A flood of quick requests queues for the quick workers instead of starting a thread each. */
    @Test
    void beyondTheQuickWorkersRequestsQueueUntilOneComesFree() throws Exception {
        queuesBehindBusyWorkersAndAllRun(pool(2, 32, 0, TimeUnit.MINUTES.toMillis(10)), 2, 10);
    }

    /**
     * With {@code busy} workers held busy, {@code more} tasks wait in the queue without a worker of
     * their own, and all run once the busy ones come free; the pool never grew past {@code busy}.
     */
    private static void queuesBehindBusyWorkersAndAllRun(HttpWorkers p, int busy, int more) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(busy + more);
        for (int i = 0; i < busy; i++) {
            p.execute(() -> {
                awaitQuietly(release);
                done.countDown();
            });
        }
        assertThat(GENEROUSLY.holdsWithin(() -> p.getActiveCount() == busy)).isTrue();
        for (int i = 0; i < more; i++) {
            p.execute(done::countDown);
        }
        assertThat(p.getQueue()).hasSize(more);
        assertThat(p.getPoolSize()).isEqualTo(busy);
        release.countDown();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.getLargestPoolSize()).isEqualTo(busy);
    }

    /**
     * Requests queued behind workers that do not come free (trickling clients) each get a worker once
     * they have waited the stall, all at once; afterwards the pool shrinks back and its watcher sleeps.
     */
    @Test
    void requestsStuckBehindBusyWorkersGetWorkersOfTheirOwnAfterTheStall() throws Exception {
        HttpWorkers p = pool(2, 32, 0, 50);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(9);
        for (int i = 0; i < 9; i++) {
            p.execute(() -> {
                started.countDown();
                awaitQuietly(release);
            });
        }
        assertThat(started.await(30, TimeUnit.SECONDS)).as("all nine running").isTrue();
        assertThat(p.getLargestPoolSize()).isEqualTo(9);
        release.countDown();
        assertThat(GENEROUSLY.holdsWithin(() -> p.getActiveCount() == 0 && p.getCorePoolSize() == 1
                && p.watcherState() == Thread.State.WAITING)).as("back to one core worker, watcher parked").isTrue();
    }

    @Test
    void theQuickWorkersAreAtMostTheMaximum() {
        assertThatThrownBy(() -> HttpWorkers.start(5, 4, ExporterServerWorkersTest::worker, 0, 100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWatcherEndsWithThePoolEvenWhileAWorkerIsStillBusy() throws Exception {
        HttpWorkers p = pool(1, 4, 0, 50);
        CountDownLatch release = new CountDownLatch(1);
        p.execute(() -> awaitQuietly(release));
        // nothing queued: the watcher sleeps until woken
        assertThat(GENEROUSLY.holdsWithin(() -> p.getActiveCount() == 1 && p.watcherState() == Thread.State.WAITING))
                .isTrue();
        p.shutdown();
        assertThat(GENEROUSLY.holdsWithin(() -> p.watcherState() == Thread.State.TERMINATED)).isTrue();
        release.countDown();
        assertThat(p.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aShutDownPoolRejects() {
        ThreadPoolExecutor p = pool(2);
        p.shutdown();
        assertThatThrownBy(() -> p.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void sequentialScrapesDoNotStartAThreadEach() throws Exception {
        var publisher = TestSnapshots.publisher(TestSnapshots.snapshot(List.of(proc(42, "postgres", DB, 3000, 2000L, 1000L))));
        try (ExporterServer server = ExporterServer.builder(CONFIG, publisher).bind("127.0.0.1").port(0).start()) {
            for (int i = 0; i < 40; i++) {
                assertThat(ExporterServerTest.send(server, "GET", "/metrics").statusCode()).isEqualTo(200);
            }
            // the old pool (core = max = 32) reached 32 here; a worker that has answered but not yet
            // gone back to waiting when the next request arrives can add one, rarely two
            assertThat(server.largestWorkerCount()).isLessThan(8);
        }
    }
}
