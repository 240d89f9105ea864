package io.herakles.procmem.export.recording;

import io.herakles.procmem.export.snapshot.SnapshotFileException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The deltas of a jump, read (inflated and parsed) by two threads at once: a read-ahead thread takes
 * them from the front while the caller decodes the keyframe, and the caller, once done with it,
 * takes them from the back; they meet wherever the work balances. On two cores that is about half
 * the time of keyframe plus deltas. A delta that does not read is kept as its failure, thrown when
 * the decode reaches it.
 *
 * <p>Each thread folds a run of consecutive deltas that add and remove no process into the first
 * of them ({@link Columns#fold}): the later ones keep only their time and system figures. So a
 * jump holds one set of columns per run instead of one per delta (about 100 KB each at 3,000
 * processes, alive across the young generation's collections while the keyframe is decoded, and so
 * promoted), and applies them once. Folded columns that name a pid the state lacks throw
 * {@link Columns.FoldedRunInvalid} when applied, before changing anything; the caller then reads the
 * deltas one by one for the message. Thread-safe.
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
    private final boolean[] handedOut;  // get() returned it: nothing is folded into it any more
    private int front;                  // next index (from first) to take from the front
    private int back;                   // next index to take from the back
    private int frontHead = -1;         // the first index of the front's run being folded, -1 for none
    private int backHead = -1;          // the first (lowest) index of the back's run being folded, -1 for none

    private DeltaRun(int first, int last, Reader reader) {
        this.first = first;
        this.reader = reader;
        this.slots = new Object[last - first + 1];
        this.handedOut = new boolean[slots.length];
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
            read(i, true);
        }
    }

    /** On the caller's thread, after its own work: reads from the back until the two meet. */
    void helpFromBack() {
        for (int i = take(false); i >= 0; i = take(false)) {
            read(i, false);
        }
    }

    private synchronized int take(boolean fromFront) {
        if (front > back) {
            return -1;
        }
        return fromFront ? front++ : back--;
    }

    private void read(int i, boolean fromFront) {
        Object result;
        try {
            result = reader.read(first + i);
        } catch (SnapshotFileException | RuntimeException e) {
            result = e;
        }
        synchronized (this) {
            slots[i] = result;
            if (fromFront) {
                frontHead = foldFront(i);
            } else {
                backHead = foldBack(i);
            }
            notifyAll();
        }
    }

    /**
     * Folds front delta {@code i} into the front's run when it can; returns the run's head, or -1.
     * Each side takes its indices one after the other, so a run's last delta is always {@code i - 1}
     * on the front and {@code i + 1} on the back.
     */
    private int foldFront(int i) {
        if (!(slots[i] instanceof SampleDecoder.ParsedDelta d) || !addsOrRemovesNothing(d)) {
            return -1;
        }
        if (frontHead >= 0 && !handedOut[frontHead]) {
            SampleDecoder.ParsedDelta head = (SampleDecoder.ParsedDelta) slots[frontHead];
            if (Columns.canFold(head.changed(), d.changed())) {
                slots[frontHead] = withColumns(head, Columns.fold(head.changed(), d.changed()));
                slots[i] = withColumns(d, null);
                return frontHead;
            }
        }
        return i;
    }

    /** Folds back delta {@code i} with the back's run after it when it can; returns the run's new head, or -1. */
    private int foldBack(int i) {
        if (!(slots[i] instanceof SampleDecoder.ParsedDelta d) || !addsOrRemovesNothing(d)) {
            return -1;
        }
        if (backHead == i + 1) {
            SampleDecoder.ParsedDelta later = (SampleDecoder.ParsedDelta) slots[backHead];
            if (Columns.canFold(d.changed(), later.changed())) {
                slots[i] = withColumns(d, Columns.fold(d.changed(), later.changed()));
                slots[backHead] = withColumns(later, null);
            }
        }
        return i;
    }

    private static boolean addsOrRemovesNothing(SampleDecoder.ParsedDelta d) {
        return d.gone().isEmpty() && d.added().isEmpty();
    }

    private static SampleDecoder.ParsedDelta withColumns(SampleDecoder.ParsedDelta d, Columns changed) {
        return new SampleDecoder.ParsedDelta(d.shown(), d.at(), d.system(), d.gone(), d.added(), changed);
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
            handedOut[i] = true;
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
