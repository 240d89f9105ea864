package io.herakles.procmem.export.recording;

import io.herakles.procmem.export.snapshot.SnapshotFileException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The deltas of a jump, read (inflated and parsed) by two threads at once: a read-ahead thread takes
 * them from the front while the caller decodes the keyframe, and the caller, once done with it,
 * takes them from the back; they meet wherever the work balances. On two cores that is about half
 * the time of keyframe plus deltas. A delta that does not read is kept as its failure, thrown when
 * the decode reaches it. Thread-safe.
 */
final class DeltaRun {

    /** Reads one delta: {@code IndexedSamples}' member lookup and {@link SampleDecoder#parse}. */
    interface Reader {
        SampleDecoder.ParsedDelta read(int index) throws SnapshotFileException;
    }

    private static final ExecutorService READ_AHEAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "recording-read-ahead");
        t.setDaemon(true);
        return t;
    });

    private final int first;
    private final Reader reader;
    private final Object[] slots;       // ParsedDelta, or the Exception that reading it threw
    private int front;                  // next index (from first) to take from the front
    private int back;                   // next index to take from the back

    private DeltaRun(int first, int last, Reader reader) {
        this.first = first;
        this.reader = reader;
        this.slots = new Object[last - first + 1];
        this.back = slots.length - 1;
    }

    /** Starts reading deltas {@code first..last} from the front on the read-ahead thread. */
    static DeltaRun start(int first, int last, Reader reader) {
        DeltaRun run = new DeltaRun(first, last, reader);
        READ_AHEAD.execute(run::readFromFront);
        return run;
    }

    private void readFromFront() {
        for (int i = take(true); i >= 0; i = take(true)) {
            read(i);
        }
    }

    /** On the caller's thread, after its own work: reads from the back until the two meet. */
    void helpFromBack() {
        for (int i = take(false); i >= 0; i = take(false)) {
            read(i);
        }
    }

    private synchronized int take(boolean fromFront) {
        if (front > back) {
            return -1;
        }
        return fromFront ? front++ : back--;
    }

    private void read(int i) {
        Object result;
        try {
            result = reader.read(first + i);
        } catch (SnapshotFileException | RuntimeException e) {
            result = e;
        }
        synchronized (this) {
            slots[i] = result;
            notifyAll();
        }
    }

    /** Whether delta {@code index} is in this run. */
    boolean covers(int index) {
        return index >= first && index < first + slots.length;
    }

    /** Delta {@code index}, waiting for the thread that reads it; its failure is thrown here. */
    SampleDecoder.ParsedDelta get(int index) throws SnapshotFileException {
        Object result;
        synchronized (this) {
            int i = index - first;
            while (slots[i] == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SnapshotFileException("interrupted while reading sample " + (index + 1), e);
                }
            }
            result = slots[i];
        }
        if (result instanceof SnapshotFileException e) {
            throw e;
        }
        if (result instanceof RuntimeException e) {
            throw e;
        }
        return (SampleDecoder.ParsedDelta) result;
    }
}
