package io.herakles.procmem.model;

import java.util.Optional;

/**
 * Where snapshots come from: the live engine, or a snapshot file. Consumers (exporter, UI, JSON
 * writer) read {@link #latest()} or subscribe; they never drive collection.
 */
public interface SnapshotSource {

    /** The last good snapshot, empty until the first one is published. Never blocks. */
    Optional<Snapshot> latest();

    /** Registers a listener for every later snapshot; close the result to unsubscribe. */
    AutoCloseable subscribe(SnapshotListener listener);
}
