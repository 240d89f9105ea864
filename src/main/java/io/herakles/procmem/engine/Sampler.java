package io.herakles.procmem.engine;

import io.herakles.procmem.classify.Classifier;
import io.herakles.procmem.collect.LargestReads;
import io.herakles.procmem.collect.MonotonicClock;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.collect.UserNames;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.model.SystemSample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live engine: ONE daemon thread ({@code herakles-sampler}) runs a {@link Collector} pass at a
 * fixed rate and publishes an immutable {@link Snapshot} per tick into {@link #source()}. It never
 * waits for consumers. A failed pass (any unexpected exception) republishes the last good processes
 * with {@code stats.success = false} and the error text, and the loop goes on.
 *
 * <p>The first pass starts immediately on {@link #start()} and gets a larger rollup budget so the
 * first snapshot is complete. Control methods ({@link #setInterval}, {@link #pause},
 * {@link #resume}, {@link #refreshNow}, {@link #close}) are thread-safe and return at once.
 */
public final class Sampler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Sampler.class.getName());
    private static final Duration FIRST_TICK_BUDGET = Duration.ofSeconds(5);
    /**
     * The exporter's PSS/USS age bound when {@code smaps_max_age_seconds} is unset: zero, one
     * {@code smaps_rollup} read per process and collection, as before change detection.
     */
    public static final Duration EXPORTER_SMAPS_MAX_AGE = Duration.ZERO;
    /**
     * The desktop's bound when unset: an unchanged process's PSS/USS are at most 10 s old, while a
     * process whose memory counters move is read again every tick.
     */
    public static final Duration DESKTOP_SMAPS_MAX_AGE = Duration.ofSeconds(10);

    private final Collector collector;
    private final Duration smapsMaxAge;
    private final MonotonicClock clock;
    private final String sourceName;
    private final LargestReads largestReads;
    private final SnapshotPublisher publisher = new SnapshotPublisher();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;

    // guarded by lock
    private Duration interval;
    private boolean paused;
    private boolean refreshRequested;
    private boolean closed;
    private boolean started;

    // sampler thread only
    private long sequence;
    private long ticks;
    private long failedTicks;
    private long vanishedTotal;
    private long deniedTotal;

    /**
     * Live {@code /proc} (the configured {@code procfs} root), interval {@code cache_ttl}, the
     * exporter's PSS/USS age bound unless {@code smaps_max_age_seconds} is set.
     */
    public Sampler(ExporterConfig config, Classifier classifier) {
        this(config, classifier, EXPORTER_SMAPS_MAX_AGE);
    }

    /** The same with another age bound for when {@code smaps_max_age_seconds} is unset (the desktop's). */
    public Sampler(ExporterConfig config, Classifier classifier, Duration smapsMaxAgeWhenUnset) {
        this(config, classifier, new ProcFs(Path.of(config.procfs())), UserNames.system(), MonotonicClock.SYSTEM,
                Duration.ofSeconds(Math.max(1, config.cacheTtlSeconds())), smapsMaxAgeWhenUnset);
    }

    /** Fully injectable (tests, the GUI's own interval), the exporter's age bound unless configured. */
    public Sampler(ExporterConfig config, Classifier classifier, ProcFs procFs, UserNames users,
            MonotonicClock clock, Duration interval) {
        this(config, classifier, procFs, users, clock, interval, EXPORTER_SMAPS_MAX_AGE);
    }

    /** Fully injectable, with the age bound that applies when {@code smaps_max_age_seconds} is unset. */
    public Sampler(ExporterConfig config, Classifier classifier, ProcFs procFs, UserNames users,
            MonotonicClock clock, Duration interval, Duration smapsMaxAgeWhenUnset) {
        this.collector = new Collector(config, classifier, procFs, users, clock);
        this.smapsMaxAge = smapsMaxAge(config, smapsMaxAgeWhenUnset);
        this.clock = clock;
        this.sourceName = procFs.root().toString();
        this.largestReads = procFs.largestReads();
        this.interval = requirePositive(interval);
        this.thread = new Thread(this::loop, "herakles-sampler");
        this.thread.setDaemon(true);
    }

    /** {@code smaps_max_age_seconds} when set, else {@code whenUnset}. */
    public static Duration smapsMaxAge(ExporterConfig config, Duration whenUnset) {
        Long configured = config.smapsMaxAgeSeconds();
        return configured == null ? Objects.requireNonNull(whenUnset, "whenUnset") : Duration.ofSeconds(configured);
    }

    /** The PSS/USS age bound of unchanged processes in effect. */
    public Duration smapsMaxAge() {
        return smapsMaxAge;
    }

    /** The largest single comm/cmdline, smaps and smaps_rollup reads so far (upstream's buffer health). */
    public LargestReads largestReads() {
        return largestReads;
    }

    /** Where snapshots appear; empty until the first pass finished. */
    public SnapshotSource source() {
        return publisher;
    }

    /** Starts the sampler thread; the first pass begins at once. Idempotent. */
    public void start() {
        lock.lock();
        try {
            if (started || closed) {
                return;
            }
            started = true;
        } finally {
            lock.unlock();
        }
        thread.start();
    }

    /** Changes the tick interval; takes effect from the next wait (a shorter one wakes the thread). */
    public void setInterval(Duration newInterval) {
        signal(() -> interval = requirePositive(newInterval));
    }

    public Duration interval() {
        lock.lock();
        try {
            return interval;
        } finally {
            lock.unlock();
        }
    }

    /** Stops ticking (the last snapshot stays available) until {@link #resume()}. */
    public void pause() {
        signal(() -> paused = true);
    }

    public void resume() {
        signal(() -> paused = false);
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** Runs a pass as soon as possible (also while paused), then the normal rate resumes. */
    public void refreshNow() {
        signal(() -> refreshRequested = true);
    }

    /** Stops the thread (waits up to 5 s for a running pass) and the worker pool. */
    @Override
    public void close() {
        signal(() -> closed = true);
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        collector.close();
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static Duration requirePositive(Duration d) {
        Objects.requireNonNull(d, "interval");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + d);
        }
        return d;
    }

    // ---- sampler thread ----

    private void loop() {
        boolean first = true;
        long lastBegan = 0;
        long lastEnded = 0;
        while (true) {
            Duration current;
            lock.lock();
            try {
                while (!closed && !refreshRequested && (paused || (!first && clock.nanoTime() - due(lastBegan, lastEnded) < 0))) {
                    long waitNanos = paused ? TimeUnit.SECONDS.toNanos(1) : due(lastBegan, lastEnded) - clock.nanoTime();
                    wake.awaitNanos(Math.max(1, waitNanos));
                }
                if (closed) {
                    return;
                }
                refreshRequested = false;
                current = interval;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            lastBegan = clock.nanoTime();
            tick(current, first);
            lastEnded = clock.nanoTime();
            first = false;
        }
    }

    /**
     * When the next pass is due (lock held; recomputed on every wake so a new interval applies at
     * once): fixed rate, but after an overrun at least half an interval of rest, so a pass longer
     * than the interval does not turn into a busy loop.
     */
    private long due(long lastBegan, long lastEnded) {
        long n = interval.toNanos();
        long byRate = lastBegan + n;
        long byRest = lastEnded + n / 2;
        return byRate - byRest >= 0 ? byRate : byRest;
    }

    private void tick(Duration current, boolean first) {
        CollectorTuning tuning = CollectorTuning.forInterval(current).withRollupMaxAge(smapsMaxAge);
        if (first && tuning.rollupBudget().compareTo(FIRST_TICK_BUDGET) < 0) {
            tuning = tuning.withBudget(FIRST_TICK_BUDGET);
        }
        ticks++;
        try {
            TickResult r = collector.collect(tuning);
            vanishedTotal += r.vanished();
            deniedTotal += r.deniedReads(); // refused reads, not the per-tick level
            CollectionStats stats = new CollectionStats(r.durationNanos() / 1e9, r.pidsSeen(), r.vanished(),
                    r.permissionDenied(), r.pssReadable(), r.rollupsPending(), ticks, failedTicks, vanishedTotal,
                    deniedTotal, true, "");
            publisher.publish(new Snapshot(++sequence, clock.now(), sourceName, r.processes(), r.system(), stats));
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme && !(vme instanceof OutOfMemoryError)) {
                throw vme;
            }
            failedTicks++;
            LOG.log(Level.WARNING, "collection pass failed: " + e, e);
            publishFailure(e);
        }
    }

    private void publishFailure(Throwable e) {
        Snapshot last = publisher.latest().orElse(null);
        String error = String.valueOf(e).replace('\n', ' ');
        CollectionStats stats = new CollectionStats(0, 0, 0, 0, 0, 0, ticks, failedTicks, vanishedTotal,
                deniedTotal, false, error);
        publisher.publish(new Snapshot(++sequence, clock.now(), sourceName,
                last == null ? List.of() : last.processes(), last == null ? SystemSample.UNKNOWN : last.system(),
                stats));
    }
}
