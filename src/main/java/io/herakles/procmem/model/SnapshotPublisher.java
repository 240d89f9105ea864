package io.herakles.procmem.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link SnapshotSource} that producers publish into: the latest snapshot sits in an
 * {@link AtomicReference}, listeners are called on the publishing thread. Thread-safe.
 * A listener that throws is logged and does not stop the others.
 */
public final class SnapshotPublisher implements SnapshotSource {

    private static final Logger LOG = Logger.getLogger(SnapshotPublisher.class.getName());

    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Snapshot> latest() {
        return Optional.ofNullable(latest.get());
    }

    @Override
    public AutoCloseable subscribe(SnapshotListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Makes {@code snapshot} the latest and tells every listener. */
    public void publish(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        latest.set(snapshot);
        for (SnapshotListener l : listeners) {
            try {
                l.onSnapshot(snapshot);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "snapshot listener failed: " + e, e);
            }
        }
    }
}
