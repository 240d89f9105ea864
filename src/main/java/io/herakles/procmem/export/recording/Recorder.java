package io.herakles.procmem.export.recording;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records every snapshot a source publishes into a {@link RecordingWriter}, on its own thread so
 * that compressing and writing never holds up the sampler (a sample that arrives while two are
 * still waiting is dropped and counted). With a size bound, thins the file instead of stopping.
 * The first write failure (a full disk) stops recording; the file keeps every sample before it.
 * Thread-safe: the getters may be read from any thread.
 */
public final class Recorder implements AutoCloseable {

    private final RecordingWriter writer;
    private final OptionalLong maxBytes;
    private final BlockingQueue<Optional<Snapshot>> queue = new ArrayBlockingQueue<>(2);
    private final AutoCloseable subscription;
    private final Thread thread;
    private final AtomicLong size = new AtomicLong();
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicReference<String> failure = new AtomicReference<>();

    private Recorder(SnapshotSource source, RecordingWriter writer, OptionalLong maxBytes) {
        this.writer = writer;
        this.maxBytes = maxBytes;
        this.size.set(writer.size());
        this.thread = new Thread(this::run, "recorder");
        thread.setDaemon(true);
        thread.start();
        this.subscription = source.subscribe(this::offer);
    }

    /** Starts recording every later snapshot of {@code source}; {@code maxBytes} bounds the file. */
    public static Recorder start(SnapshotSource source, RecordingWriter writer, OptionalLong maxBytes) {
        return new Recorder(source, writer, maxBytes);
    }

    private void offer(Snapshot s) {
        if (failure.get() == null && !queue.offer(Optional.of(s))) {
            dropped.incrementAndGet();
        }
    }

    private void run() {
        try {
            while (true) {
                Optional<Snapshot> next = queue.take();
                if (next.isEmpty()) {
                    return;
                }
                write(next.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Snapshot s) {
        if (failure.get() != null) {
            return;
        }
        try {
            writer.append(s);
            if (maxBytes.isPresent()) {
                writer.thinTo(maxBytes.getAsLong());
            }
            size.set(writer.size());
            samples.set(writer.samples());
        } catch (IOException e) {
            failure.set(e.getMessage());
        }
    }

    /** The file's size in bytes after the last write. */
    public long sizeBytes() {
        return size.get();
    }

    /** Samples in the file (after thinning). */
    public int samples() {
        return samples.get();
    }

    /** Samples dropped because writing fell behind. */
    public int dropped() {
        return dropped.get();
    }

    /** Why recording stopped on its own (one line naming the file), absent while it records. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * Stops: no further samples are taken, those already handed over are written (bounded wait),
     * the file is flushed and closed. Idempotent.
     */
    @Override
    public void close() throws IOException {
        try {
            subscription.close();
        } catch (Exception e) {
            // unsubscribing cannot fail in our sources; stopping goes on regardless
        }
        if (thread.isAlive()) {
            try {
                queue.offer(Optional.empty(), 10, TimeUnit.SECONDS);
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.close();
    }
}
