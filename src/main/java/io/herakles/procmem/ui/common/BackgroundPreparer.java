package io.herakles.procmem.ui.common;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Latest-wins preparation off the FX thread: values handed to {@link #submit(Object)} are turned
 * into results by a pure {@code prepare} function on ONE background daemon thread, and each result
 * reaches the FX thread through one {@link FxExecutor.Coalescer} (at most one hop pending, the
 * latest result wins).
 *
 * <p>Why: the sampler must never wait for the UI, and the FX thread should only apply results
 * (set properties, draw), not compute them. While a value is being prepared, newer submissions
 * replace each other; only the newest is prepared next, so a slow preparation drops intermediate
 * values instead of queueing them.
 *
 * <p>Threads: {@link #submit} and {@link #close} may be called from any thread and never block.
 * {@code prepare} runs only on the preparer thread (named after the constructor's {@code name});
 * it must not touch JavaFX state. An exception from {@code prepare} is logged and the value is
 * skipped; later values are prepared as usual. {@code deliver} runs on the FX thread.
 *
 * @param <T> what is submitted (a snapshot)
 * @param <R> the immutable result applied on the FX thread
 */
public final class BackgroundPreparer<T, R> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackgroundPreparer.class.getName());

    private final Function<? super T, ? extends R> prepare;
    private final FxExecutor.Coalescer<R> fxHop;
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts the preparer thread.
     *
     * @param name    thread name, e.g. "ui-prepare"
     * @param prepare pure work, run on the preparer thread
     * @param fx      how results reach the FX thread
     * @param deliver applies a result; FX thread
     */
    public BackgroundPreparer(String name, Function<? super T, ? extends R> prepare, FxExecutor fx,
            Consumer<? super R> deliver) {
        this.prepare = Objects.requireNonNull(prepare, "prepare");
        this.fxHop = fx.coalescing(deliver);
        this.thread = new Thread(this::run, Objects.requireNonNull(name, "name"));
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands {@code value} over for preparation; replaces a value not yet started. Never blocks. */
    public void submit(T value) {
        Objects.requireNonNull(value, "value");
        if (closed) {
            return;
        }
        pending.set(value);
        LockSupport.unpark(thread);
    }

    /** Stops the thread after the preparation in progress (if any); later submissions are ignored. Idempotent. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    /** The preparer thread (tests join it). */
    Thread thread() {
        return thread;
    }

    private void run() {
        while (!closed) {
            T value = pending.getAndSet(null);
            if (value == null) {
                LockSupport.park(this); // submit() unparks; a spurious wake-up just loops
                continue;
            }
            R result = prepareLogged(value);
            if (result != null && !closed) {
                fxHop.submit(result);
            }
        }
    }

    private R prepareLogged(T value) {
        try {
            return prepare.apply(value);
        } catch (RuntimeException e) {
            // one bad snapshot must not stop the window updating: skip it, keep the thread
            LOG.log(Level.WARNING, "preparing a value for the UI failed; skipped", e);
            return null;
        }
    }
}
