package io.herakles.procmem.remote;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotListener;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.model.SnapshotSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Another machine's exporter as a {@link SnapshotSource}: polls {@code <base>/snapshot} at an
 * interval on one daemon thread ({@value #THREAD}) with conditional requests, so an unchanged
 * snapshot is not sent again, and publishes each new one (CPU percent from CPU-time deltas,
 * {@link CpuFromDeltas}; sequence numbers of its own, from 1).
 *
 * <p>Failures are states, not exceptions: {@link #status()} and the status listeners say what
 * (unreachable, 401/403, TLS, timeout, a bad answer) and since when; the last good snapshot stays
 * {@link #latest()}; retries back off (the interval, doubling per failure up to
 * {@link #MAX_BACKOFF}). A restarted exporter (its ETag epoch changed) is noticed and simply read
 * again. Nothing here logs or keeps the password beyond the request header. Thread-safe.
 */
public final class RemoteSnapshotSource implements SnapshotSource, AutoCloseable {

    static final String THREAD = "remote-poller";
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(RemoteSnapshotSource.class.getName());

    private final RemoteTarget target;
    private final SnapshotFetch fetch;
    private final Clock clock;
    private final SnapshotPublisher publisher = new SnapshotPublisher();
    private final List<Consumer<RemoteStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final CpuFromDeltas cpu = new CpuFromDeltas();
    private volatile Duration interval;
    private volatile boolean paused;
    private volatile RemoteStatus status;
    // polling thread only
    private Optional<String> etag = Optional.empty();
    private long sequence;
    private int failures;
    private ScheduledFuture<?> next;

    /** Ready to poll {@code target} every {@code interval}; call {@link #start()}. A bad CA file etc. is a one-line {@link RemoteException}. */
    public RemoteSnapshotSource(RemoteTarget target, Duration interval) throws RemoteException {
        this(target, interval, RemoteTarget.REQUEST_TIMEOUT);
    }

    /** As above, with a time limit per request other than {@link RemoteTarget#REQUEST_TIMEOUT} (tests). */
    RemoteSnapshotSource(RemoteTarget target, Duration interval, Duration requestTimeout) throws RemoteException {
        this.target = Objects.requireNonNull(target, "target");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Clock.systemUTC();
        this.fetch = new SnapshotFetch(target, HttpClients.forTarget(target), requestTimeout);
        this.status = new RemoteStatus(RemoteStatus.State.CONNECTING, "connecting to " + target.display(),
                clock.instant(), Optional.empty(), Optional.empty());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, THREAD);
            t.setDaemon(true);
            return t;
        });
    }

    public RemoteTarget target() {
        return target;
    }

    /** Polls at once, then at the interval. */
    public synchronized void start() {
        schedule(Duration.ZERO);
    }

    private synchronized void schedule(Duration delay) {
        if (timer.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        try {
            next = timer.schedule(this::pollAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            // close() won the race: nothing more to poll
        }
    }

    private void pollAndReschedule() {
        if (paused) {
            return;
        }
        Duration delay;
        try {
            delay = pollOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "polling " + target.display() + " failed: " + e, e);
            delay = interval;
        }
        schedule(delay);
    }

    /** One request and what follows from it; returns the delay until the next one. Polling thread (or a test). */
    Duration pollOnce() {
        SnapshotFetch.Outcome o = fetch.fetch(etag);
        Instant now = clock.instant();
        Optional<Instant> lastGood = status.lastGood();
        switch (o.kind()) {
            case NEW -> {
                boolean restarted = restarted(o.etag());
                etag = o.etag();
                Snapshot s = cpu.apply(o.snapshot().orElseThrow());
                Snapshot numbered = new Snapshot(++sequence, s.takenAt(), s.source(), s.processes(), s.system(), s.stats());
                failures = 0;
                setStatus(RemoteStatus.State.CONNECTED, target.display()
                        + (restarted ? ": exporter restarted, reading it again" : ""), now, Optional.of(now), interval);
                publisher.publish(numbered);
                return interval;
            }
            case UNCHANGED -> {
                failures = 0;
                setStatus(RemoteStatus.State.CONNECTED, target.display(), now, Optional.of(now), interval);
                return interval;
            }
            case EMPTY -> {
                failures = 0;
                setStatus(RemoteStatus.State.WAITING, target.display() + ": the exporter has no snapshot yet", now,
                        lastGood, interval);
                return interval;
            }
            default -> {
                failures++;
                Duration backoff = backoff(interval, failures);
                setStatus(o.failure(), target.display() + ": " + o.reason(), now, lastGood, backoff);
                return backoff;
            }
        }
    }

    /** The interval, doubled per consecutive failure after the first, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(Duration interval, int failures) {
        if (interval.compareTo(MAX_BACKOFF) >= 0) {
            return interval;
        }
        Duration d = interval;
        for (int i = 1; i < failures && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private boolean restarted(Optional<String> newTag) {
        return etag.isPresent() && newTag.isPresent() && !epoch(etag.get()).equals(epoch(newTag.get()));
    }

    private static String epoch(String etag) {
        int dash = etag.lastIndexOf('-');
        return dash < 0 ? etag : etag.substring(0, dash);
    }

    private void setStatus(RemoteStatus.State state, String message, Instant now, Optional<Instant> lastGood,
            Duration nextIn) {
        RemoteStatus old = status;
        Instant since = old.state() == state ? old.since() : now;
        RemoteStatus s = new RemoteStatus(state, message, since, lastGood, Optional.of(now.plus(nextIn)));
        status = s;
        if (old.state() != state) {
            LOG.info(() -> "remote " + target.display() + ": " + state + (state.failure() ? " (" + message + ")" : ""));
        }
        for (Consumer<RemoteStatus> l : statusListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "status listener failed: " + e, e);
            }
        }
    }

    /** How the connection stands now. */
    public RemoteStatus status() {
        return status;
    }

    /** Called on the polling thread after every request; close the result to stop. */
    public AutoCloseable onStatus(Consumer<RemoteStatus> listener) {
        statusListeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> statusListeners.remove(listener);
    }

    public Duration interval() {
        return interval;
    }

    /** A new poll interval, effective from the next request. */
    public void setInterval(Duration interval) {
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** Stops polling (the last snapshot stays). */
    public void pause() {
        paused = true;
    }

    /** Polls again at once. */
    public void resume() {
        paused = false;
        schedule(Duration.ZERO);
    }

    @Override
    public Optional<Snapshot> latest() {
        return publisher.latest();
    }

    @Override
    public AutoCloseable subscribe(SnapshotListener listener) {
        return publisher.subscribe(listener);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
