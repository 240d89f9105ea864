package io.herakles.procmem.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM/SIGINT into a clean stop of {@code --exporter} and {@code record} through the JDK's public API, a
 * shutdown hook: the hook wakes the serving thread, waits until it has closed the server and the
 * sampler and written its last lines, then ends the JVM with status 0 (upstream exits 0 on these
 * signals; without {@code halt} the JVM would report 143 or 130). One instance per run; the
 * serving thread calls {@link #finished()} on every way out.
 */
final class GracefulStop {

    /** How long the hook lets the serving thread clean up before it ends the JVM anyway. */
    private static final long CLEANUP_SECONDS = 30;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "herakles-graceful-stop");
    private volatile boolean shuttingDown;

    private GracefulStop() {}

    static GracefulStop install() {
        GracefulStop stop = new GracefulStop();
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Blocks until the JVM was asked to shut down (a signal, or {@code System.exit} elsewhere). */
    void await() throws InterruptedException {
        stopRequested.await();
    }

    /** As {@link #await()}, at most {@code timeout}; true when a shutdown was asked for. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return stopRequested.await(timeout, unit);
    }

    /**
     * The serving thread is done. Without a pending shutdown the hook is removed, so that the exit
     * code the caller returns is the one the JVM reports; during a shutdown the hook now ends the JVM.
     */
    void finished() {
        finished.countDown();
        if (!shuttingDown) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the shutdown began just now: the hook runs and ends the JVM with 0
            }
        }
    }

    private void onShutdown() {
        shuttingDown = true;
        stopRequested.countDown();
        try {
            finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.flush();
        System.out.flush();
        // halt is allowed in a hook; the other hooks (the log manager's) have had the cleanup's duration
        Runtime.getRuntime().halt(ExitCodes.OK);
    }
}
