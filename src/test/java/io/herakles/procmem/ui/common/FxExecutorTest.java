package io.herakles.procmem.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FxExecutorTest {

    @Test
    void coalescerKeepsAtMostOneHopPendingAndDeliversTheLatest() {
        Queue<Runnable> hops = new ArrayDeque<>();
        List<Integer> delivered = new ArrayList<>();
        FxExecutor.Coalescer<Integer> coalescer = FxExecutor.using(hops::add).coalescing(delivered::add);

        for (int i = 1; i <= 100; i++) {
            coalescer.submit(i);
        }
        assertThat(hops).hasSize(1);
        assertThat(coalescer.hasPending()).isTrue();
        hops.poll().run();
        assertThat(delivered).containsExactly(100);
        assertThat(coalescer.hasPending()).isFalse();

        coalescer.submit(101);
        hops.poll().run();
        assertThat(delivered).containsExactly(100, 101);
    }

    @Test
    void producersOnManyThreadsNeverBlockAndTheLastValueArrives() throws Exception {
        Queue<Runnable> hops = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Integer> delivered = new ArrayList<>();
        FxExecutor.Coalescer<Integer> coalescer = FxExecutor.using(hops::add).coalescing(delivered::add);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    coalescer.submit(i);
                }
                done.countDown();
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        coalescer.submit(-1); // the final value
        Runnable hop;
        while ((hop = hops.poll()) != null) {
            hop.run();
        }
        assertThat(delivered).isNotEmpty().last().isEqualTo(-1);
        assertThat(coalescer.hasPending()).isFalse();
    }
}
