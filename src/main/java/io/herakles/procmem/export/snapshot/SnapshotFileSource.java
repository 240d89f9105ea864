package io.herakles.procmem.export.snapshot;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotListener;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.model.SnapshotSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link SnapshotSource} that replays a snapshot file ({@code -t FILE}, the GUI's File → Open) and
 * re-reads it when it changes, as upstream's test-data mode does on every refresh.
 *
 * <p>The constructor loads the file and throws {@link SnapshotFileException} when it is bad (the CLI
 * prints the message and exits 1). Later re-reads happen when the file's mtime, size or identity
 * (inode) change, checked by {@link #reloadIfChanged()} on a daemon poller ({@link #startPolling})
 * or forced by {@link #refresh()}. A bad re-read keeps the last good snapshot, logs one warning and
 * is reported by {@link #lastError()} until a good re-read clears it; a broken file is not retried
 * until it changes again. Caveat: an in-place rewrite that keeps the size, within the file system's
 * timestamp granularity, is not noticed until the next change or {@link #refresh()}
 * ({@link SnapshotJsonWriter#writeFile} replaces files by rename, which always changes the inode).
 *
 * <p>Each published snapshot has the next sequence number (from 1), {@code takenAt} = load time,
 * source {@code "file: NAME"}, and the processes as the optional per-process {@code transform} left
 * them: it may re-classify (the file's group/subgroup are only a suggestion, upstream ignores them)
 * or drop a process ({@code Optional.empty()}, for name filters and {@code min_uss}).
 *
 * <p>Threading: loads are serialised on an internal lock; listeners run on the loading thread (the
 * poller, or whoever called {@link #refresh()}), so {@code refresh()} does file I/O: call it off
 * the FX thread. {@link #latest()} and {@link #lastError()} never block.
 */
public final class SnapshotFileSource implements SnapshotSource, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SnapshotFileSource.class.getName());

    private final Path file;
    private final Function<ProcessSample, Optional<ProcessSample>> transform;
    private final Clock clock;
    private final SnapshotPublisher publisher = new SnapshotPublisher();
    private final Object lock = new Object();

    // guarded by lock
    private FileStamp attempted = FileStamp.MISSING;
    private long sequence;
    private long loads;
    private long failedLoads;
    private ScheduledExecutorService poller;
    private boolean closed;
    private volatile String lastError;

    /** Replays {@code file} as it is. */
    public SnapshotFileSource(Path file) throws SnapshotFileException {
        this(file, Optional::of);
    }

    /**
     * Replays {@code file}, passing every process through {@code transform} (empty = drop).
     *
     * @throws SnapshotFileException when the file cannot be loaded now
     */
    public SnapshotFileSource(Path file, Function<ProcessSample, Optional<ProcessSample>> transform)
            throws SnapshotFileException {
        this(file, transform, Clock.systemUTC());
    }

    SnapshotFileSource(Path file, Function<ProcessSample, Optional<ProcessSample>> transform, Clock clock)
            throws SnapshotFileException {
        this.file = Objects.requireNonNull(file, "file");
        this.transform = Objects.requireNonNull(transform, "transform");
        this.clock = Objects.requireNonNull(clock, "clock");
        synchronized (lock) {
            load(FileStamp.of(file));
        }
    }

    /** The file being replayed. */
    public Path file() {
        return file;
    }

    @Override
    public Optional<Snapshot> latest() {
        return publisher.latest();
    }

    @Override
    public AutoCloseable subscribe(SnapshotListener listener) {
        return publisher.subscribe(listener);
    }

    /** Why the last re-read failed (one line, starts with the file name); empty after a good load. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /**
     * Checks the file every {@code interval} on a daemon thread and re-reads it when it changed.
     *
     * @throws IllegalStateException when already polling or closed
     */
    public void startPolling(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + interval);
        }
        synchronized (lock) {
            if (poller != null || closed) {
                throw new IllegalStateException((closed ? "closed: " : "already polling: ") + file);
            }
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "snapshot-file-poller");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, interval.toMillis());
            poller.scheduleWithFixedDelay(this::pollQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Re-reads the file if its mtime, size or inode changed since the last attempt.
     *
     * @return true when a new snapshot was published
     */
    public boolean reloadIfChanged() {
        synchronized (lock) {
            FileStamp now = FileStamp.of(file);
            return !now.equals(attempted) && tryLoad(now);
        }
    }

    /**
     * Re-reads the file now, changed or not.
     *
     * @return true when a new snapshot was published; false when the read failed (see {@link #lastError()})
     */
    public boolean refresh() {
        synchronized (lock) {
            return tryLoad(FileStamp.of(file));
        }
    }

    /** Stops polling; the last snapshot stays available. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (poller != null) {
                poller.shutdown(); // not shutdownNow: interrupting a read would record a bogus error
            }
        }
    }

    private void pollQuietly() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            // a task that throws is never rescheduled: log and keep polling
            LOG.log(Level.WARNING, "polling " + file + " failed", e);
        }
    }

    private boolean tryLoad(FileStamp stamp) {
        try {
            load(stamp);
            return true;
        } catch (SnapshotFileException e) {
            failed(e.getMessage(), null);
        } catch (RuntimeException e) {
            // a failing transform is a bug of the caller; keep the last good data all the same
            failed(file + ": processing failed: " + e, e);
        }
        return false;
    }

    private void failed(String message, Throwable bug) {
        failedLoads++;
        boolean repeated = message.equals(lastError);
        lastError = message;
        if (!repeated || bug != null) {
            LOG.log(Level.WARNING, message + " (keeping the last good snapshot)", bug);
        }
        republishWithError(message);
    }

    /**
     * Keeps the last good processes but tells every consumer the re-read failed (stats.success false,
     * the one-line error), so {@code /health} and the exporter's cache-update gauges show it.
     */
    private void republishWithError(String message) {
        Snapshot last = publisher.latest().orElse(null);
        if (last == null) {
            return;
        }
        CollectionStats s = last.stats();
        CollectionStats failed = new CollectionStats(s.durationSeconds(), s.pidsSeen(), 0, 0, s.pssReadable(), 0,
                loads + failedLoads, failedLoads, 0, 0, false, message);
        publisher.publish(new Snapshot(++sequence, clock.instant(), last.source(), last.processes(), last.system(),
                failed));
    }

    private void load(FileStamp stamp) throws SnapshotFileException {
        attempted = stamp;
        long start = System.nanoTime();
        Snapshot read = SnapshotJsonReader.read(file);
        List<ProcessSample> kept = new ArrayList<>(read.processes().size());
        int pssReadable = 0;
        for (ProcessSample p : read.processes()) {
            Optional<ProcessSample> t = transform.apply(p);
            if (t.isPresent()) {
                kept.add(t.get());
                pssReadable += t.get().pssBytes().isPresent() ? 1 : 0;
            }
        }
        loads++;
        double seconds = (System.nanoTime() - start) / 1e9;
        CollectionStats stats = new CollectionStats(seconds, read.processes().size(), 0, 0, pssReadable, 0,
                loads + failedLoads, failedLoads, 0, 0, true, "");
        Snapshot published = new Snapshot(++sequence, clock.instant(), read.source(), kept, read.system(), stats);
        if (lastError != null) {
            LOG.info(file + ": loaded again after an error (" + kept.size() + " processes)");
        }
        lastError = null;
        publisher.publish(published);
    }

    /** What identifies one version of the file; {@link #MISSING} when it cannot be stat'ed. */
    private record FileStamp(FileTime modified, long size, Object fileKey) {
        static final FileStamp MISSING = new FileStamp(FileTime.from(Instant.EPOCH), -1, null);

        static FileStamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(a.lastModifiedTime(), a.size(), a.fileKey());
            } catch (IOException e) {
                return MISSING;
            }
        }
    }
}
