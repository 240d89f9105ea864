package io.herakles.procmem.export.prometheus;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The HTTP server's worker threads: a few for requests that are answered quickly, more only for
 * requests that would otherwise wait behind slow ones.
 *
 * <ul>
 *   <li>A request goes to an idle worker if one comes free within the hand-off wait. Keep-alive
 *       clients ask again the moment a response reaches them, before its worker is back waiting.</li>
 *   <li>Otherwise a new worker starts, up to {@code quick} of them. Sequential scrapes therefore
 *       reuse one thread.</li>
 *   <li>Beyond {@code quick}, the request waits in a queue: under a flood of scrapes the quick
 *       workers are busy only for a millisecond at a time, and more threads on a small machine add
 *       stacks and in-flight garbage, not throughput. Measured with 16 keep-alive gzip clients at
 *       1,000 processes: 4 workers served as many requests a second as 16, with a lower p99 and
 *       1.5 MiB less RSS (docs/PERFORMANCE.md).</li>
 *   <li>A queued request that has waited {@code stall} gets a worker of its own, up to {@code max}.
 *       The JDK server reads a request's headers on a worker, so a client that trickles its request
 *       (or stops reading its response) holds one until the server's time limits cut it off; such
 *       clients must not starve a normal scrape. A watcher thread, parked while the queue is empty,
 *       starts them.</li>
 * </ul>
 *
 * <p>Idle workers exit after a minute. Thread-safe.
 */
final class HttpWorkers extends ThreadPoolExecutor {

    private final HandOffQueue queue;
    private final int quick;
    private final long stallNanos;
    private final Thread watcher;
    /** The watcher is parked until the next queued request (an idle server wakes no thread). */
    private volatile boolean watcherIdle;

    private HttpWorkers(int quick, int max, ThreadFactory threads, HandOffQueue queue, long stallNanos) {
        super(1, max, 60, TimeUnit.SECONDS, queue, threads, HttpWorkers::whenAllBusy);
        if (quick < 1 || quick > max) {
            throw new IllegalArgumentException("quick workers must be 1.." + max + ": " + quick);
        }
        this.queue = queue;
        this.quick = quick;
        this.stallNanos = stallNanos;
        allowCoreThreadTimeOut(true);
        queue.pool = this;
        this.watcher = new Thread(this::watch, "herakles-http-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * @param quick workers started without waiting for a busy one to come free
     * @param max workers at most, quick ones included
     * @param handOffWaitMicros how long a request waits for a busy worker to come free before another quick one starts
     * @param stallMillis how long a request waits in the queue before a worker is started for it
     */
    static HttpWorkers start(int quick, int max, ThreadFactory threads, long handOffWaitMicros, long stallMillis) {
        return new HttpWorkers(quick, max, threads, new HandOffQueue(handOffWaitMicros),
                TimeUnit.MILLISECONDS.toNanos(stallMillis));
    }

    /** All {@code max} workers are busy: the request waits in the queue for the next free one. */
    private static void whenAllBusy(Runnable task, ThreadPoolExecutor pool) {
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("HTTP worker pool is shut down");
        }
        HttpWorkers workers = (HttpWorkers) pool;
        workers.queue(task);
        // every worker may have timed out meanwhile: make sure one will take it
        pool.prestartCoreThread();
    }

    private void queue(Runnable task) {
        queue.enqueue(new Queued(task, System.nanoTime()));
        if (watcherIdle) {
            watcherIdle = false;
            LockSupport.unpark(watcher);
        }
    }

    /** The watcher's state (for tests: parked without a timeout while nothing is queued). */
    Thread.State watcherState() {
        return watcher.getState();
    }

    @Override
    public void shutdown() {
        super.shutdown();
        LockSupport.unpark(watcher);    // it ends at once, not when the last busy worker does
    }

    @Override
    public java.util.List<Runnable> shutdownNow() {
        java.util.List<Runnable> queued = super.shutdownNow();
        LockSupport.unpark(watcher);
        return queued;
    }

    /**
     * Starts a worker for each queued request that has waited {@link #stallNanos} (as many as
     * there are, at once: forty trickling clients must not be served one per check), and lets the
     * pool shrink back once the queue is empty.
     */
    private void watch() {
        while (!isShutdown()) {
            long oldest = queue.oldestQueuedAt();
            if (oldest == Long.MAX_VALUE) {
                if (getCorePoolSize() > 1) {
                    setCorePoolSize(1);     // the extra workers exit once idle, as after a minute anyway
                }
                watcherIdle = true;
                if (queue.oldestQueuedAt() == Long.MAX_VALUE && !isShutdown()) {
                    LockSupport.park(this);
                }
                watcherIdle = false;
                continue;
            }
            long now = System.nanoTime();
            if (now - oldest < stallNanos) {
                LockSupport.parkNanos(this, stallNanos - (now - oldest));
                continue;
            }
            int stalled = queue.queuedBefore(now - stallNanos);
            int wanted = Math.min(getMaximumPoolSize(), getPoolSize() + stalled);
            if (wanted > getCorePoolSize()) {
                setCorePoolSize(wanted);   // starts workers for the queued requests
            }
            LockSupport.parkNanos(this, stallNanos / 4);
        }
    }

    /** A request in the queue, with when it got there. */
    private record Queued(Runnable task, long queuedAt) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }

    /**
     * {@code offer} hands the request to a worker that takes it within the hand-off wait; otherwise
     * it fails below {@code quick} workers (the executor starts one) and queues the request from
     * there on.
     */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        private final long waitMicros;
        private transient HttpWorkers pool;

        HandOffQueue(long waitMicros) {
            this.waitMicros = waitMicros;
        }

        @Override
        public boolean offer(Runnable task) {
            boolean handedOver;
            try {
                handedOver = waitMicros <= 0 ? tryTransfer(task) : tryTransfer(task, waitMicros, TimeUnit.MICROSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (handedOver || pool.getPoolSize() < pool.quick) {
                return handedOver;
            }
            pool.queue(task);
            return true;
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }

        /** When the request at the head of the queue got there; {@link Long#MAX_VALUE} for none. */
        long oldestQueuedAt() {
            return peek() instanceof Queued q ? q.queuedAt() : Long.MAX_VALUE;
        }

        /** How many queued requests got there before {@code nanos}. */
        int queuedBefore(long nanos) {
            int n = 0;
            for (Runnable r : this) {
                if (r instanceof Queued q && q.queuedAt() - nanos <= 0) {
                    n++;
                }
            }
            return n;
        }
    }
}
