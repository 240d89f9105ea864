package io.herakles.procmem.ui.common;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way into the FX thread: every hop of the UI goes through an instance of this class, so
 * there is one place that says how work reaches the FX thread (and one place tests replace).
 *
 * <p>{@link #coalescing(Consumer)} is the hand-off for producers that run faster than the UI can
 * draw (the sampler): at most one {@code runLater} is pending per coalescer and the latest value
 * wins. A producer never blocks and never waits for the FX thread.
 *
 * <p>Thread-safe: {@link #execute(Runnable)} and {@link Coalescer#submit(Object)} may be called from
 * any thread.
 */
public final class FxExecutor implements Executor {

    private static final FxExecutor FX = new FxExecutor(Platform::runLater);

    private final Executor hop;

    private FxExecutor(Executor hop) {
        this.hop = Objects.requireNonNull(hop, "hop");
    }

    /** Hops with {@link Platform#runLater(Runnable)}. */
    public static FxExecutor fx() {
        return FX;
    }

    /**
     * Runs tasks on the calling thread. For view-model tests without a toolkit, where the caller
     * plays the FX thread.
     */
    public static FxExecutor direct() {
        return new FxExecutor(Runnable::run);
    }

    /** Hops through {@code hop}, e.g. a queue a test drains by hand. */
    public static FxExecutor using(Executor hop) {
        return new FxExecutor(hop);
    }

    /** Runs {@code task} later on the FX thread (never inline, so callers keep their order). */
    @Override
    public void execute(Runnable task) {
        hop.execute(Objects.requireNonNull(task, "task"));
    }

    /** A hand-off that delivers only the latest submitted value to {@code consumer} on the FX thread. */
    public <T> Coalescer<T> coalescing(Consumer<? super T> consumer) {
        return new Coalescer<>(this, consumer);
    }

    /**
     * At most one pending hop; values submitted while one is pending replace the pending value.
     * Thread-safe.
     */
    public static final class Coalescer<T> {
        private final FxExecutor executor;
        private final Consumer<? super T> consumer;
        private final AtomicReference<T> pending = new AtomicReference<>();

        private Coalescer(FxExecutor executor, Consumer<? super T> consumer) {
            this.executor = executor;
            this.consumer = Objects.requireNonNull(consumer, "consumer");
        }

        /** Offers {@code value}; schedules a hop only when none is pending. Never blocks. */
        public void submit(T value) {
            Objects.requireNonNull(value, "value");
            if (pending.getAndSet(value) == null) {
                executor.execute(this::drain);
            }
        }

        /** True while a value waits for the FX thread. */
        public boolean hasPending() {
            return pending.get() != null;
        }

        private void drain() {
            T latest = pending.getAndSet(null);
            if (latest != null) {
                consumer.accept(latest);
            }
        }
    }
}
