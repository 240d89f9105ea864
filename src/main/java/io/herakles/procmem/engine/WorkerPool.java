package io.herakles.procmem.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one phase of a tick over {@code workers} threads: the calling (sampler) thread is worker 0,
 * plus {@code workers - 1} daemon threads named {@code herakles-collect-N}. Items are claimed in
 * small chunks from a shared cursor, so a slow process does not hold up a whole slice. Each worker
 * index is used by one thread at a time, so per-worker state (buffers) indexed by it is confined.
 * Thread-safe for one caller at a time (the sampler).
 */
final class WorkerPool implements AutoCloseable {

    /** Body of one phase: handle item {@code item} on worker {@code worker}. */
    @FunctionalInterface
    interface Body {
        void run(int worker, int item);
    }

    /** Whether to keep claiming items (checked before each chunk but a worker's first; used for time budgets). */
    @FunctionalInterface
    interface Gate {
        boolean open();
    }

    private static final int CHUNK = 8;

    private final int workers;
    private final ExecutorService executor;

    WorkerPool(int workers) {
        this.workers = Math.max(1, workers);
        if (this.workers == 1) {
            executor = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(this.workers - 1, r -> {
                Thread t = new Thread(r, "herakles-collect-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    int workers() {
        return workers;
    }

    /** Runs {@code body} for items 0..count-1 while {@code gate} is open; returns how many were claimed. */
    int forEach(int count, Gate gate, Body body) {
        AtomicInteger cursor = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        if (executor != null && count > CHUNK) {
            for (int w = 1; w < workers; w++) {
                int worker = w;
                futures.add(executor.submit(() -> drain(worker, count, cursor, gate, body)));
            }
        }
        RuntimeException failure = null;
        try {
            drain(0, count, cursor, gate, body);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while collecting", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Math.min(count, cursor.get());
    }

    /** Each worker takes at least one chunk before asking the gate, so a tight budget still progresses. */
    private static void drain(int worker, int count, AtomicInteger cursor, Gate gate, Body body) {
        boolean first = true;
        while (first || gate.open()) {
            first = false;
            int from = cursor.getAndAdd(CHUNK);
            if (from >= count) {
                return;
            }
            int to = Math.min(count, from + CHUNK);
            for (int i = from; i < to; i++) {
                body.run(worker, i);
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
