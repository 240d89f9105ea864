package io.herakles.procmem.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void everyItemRunsExactlyOnceAndWorkersAreConfinedToTheirIndex() {
        try (WorkerPool pool = new WorkerPool(3)) {
            AtomicIntegerArray hits = new AtomicIntegerArray(1000);
            Thread[] owner = new Thread[3];
            AtomicInteger confinementBroken = new AtomicInteger();
            int claimed = pool.forEach(1000, () -> true, (w, i) -> {
                synchronized (owner) {
                    if (owner[w] == null) {
                        owner[w] = Thread.currentThread();
                    } else if (owner[w] != Thread.currentThread()) {
                        confinementBroken.incrementAndGet();
                    }
                }
                hits.incrementAndGet(i);
            });
            assertThat(claimed).isEqualTo(1000);
            for (int i = 0; i < 1000; i++) {
                assertThat(hits.get(i)).as("item %d", i).isEqualTo(1);
            }
            assertThat(confinementBroken).hasValue(0);
        }
    }

    @Test
    void aClosedGateStopsAfterEachWorkersFirstChunk() {
        try (WorkerPool pool = new WorkerPool(1)) {
            AtomicInteger ran = new AtomicInteger();
            pool.forEach(100, () -> false, (w, i) -> ran.incrementAndGet());
            assertThat(ran).hasValue(8);
        }
    }

    @Test
    void aFailureOnAWorkerThreadReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            CountDownLatch workerStarted = new CountDownLatch(1);
            assertThatThrownBy(() -> pool.forEach(1000, () -> true, (w, i) -> {
                if (w == 1) {
                    workerStarted.countDown();
                    throw new AssertionError("worker broke");
                }
                try { // keep the caller from draining everything before the pool thread starts
                    workerStarted.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })).hasMessageContaining("worker broke");
        }
    }
}
