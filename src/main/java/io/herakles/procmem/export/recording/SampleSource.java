package io.herakles.procmem.export.recording;

import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.model.Snapshot;
import java.time.Instant;

/** Where a {@link Recording}'s samples come from: memory (version 1) or the file on demand (version 2). */
interface SampleSource {

    /** Samples, at least one. */
    int size();

    /** When sample {@code index} was taken, without decoding it. */
    Instant takenAt(int index);

    /** Sample {@code index}; a damaged part of the file is a one-line {@link SnapshotFileException}. */
    Snapshot get(int index) throws SnapshotFileException;

    /**
     * Walks the samples from the first, in order, with state of its own: a pass over the whole
     * recording (leak suspects) neither moves nor waits for the cursor that {@link #get} keeps for
     * the timeline. The default asks {@link #get}.
     */
    default Walk walk() {
        return new Walk() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Snapshot next() throws SnapshotFileException {
                return get(next++);
            }
        };
    }

    /** A forward pass over the samples. */
    interface Walk {
        boolean hasNext();

        Snapshot next() throws SnapshotFileException;
    }

    /** Samples already in memory. */
    static SampleSource of(java.util.List<Snapshot> samples) {
        java.util.List<Snapshot> copy = java.util.List.copyOf(samples);
        return new SampleSource() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public Instant takenAt(int index) {
                return copy.get(index).takenAt();
            }

            @Override
            public Snapshot get(int index) {
                return copy.get(index);
            }
        };
    }
}
