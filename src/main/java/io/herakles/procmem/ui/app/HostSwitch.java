package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotListener;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.remote.RemoteException;
import io.herakles.procmem.remote.RemoteSnapshotSource;
import io.herakles.procmem.remote.RemoteStatus;
import io.herakles.procmem.remote.RemoteTarget;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The window's one live source, whichever machine it shows: this machine's engine, or another
 * machine's exporter ({@link RemoteSnapshotSource}) after {@link #connect}. Only the shown machine's
 * snapshots are passed on, so table, treemap, charts, details and export stay unaware of the
 * switch; {@link #disconnect()} ("Back to this machine") passes on this machine's latest snapshot
 * at once. Thread-safe; listeners run on the publishing thread (sampler or remote poller).
 */
final class HostSwitch implements SnapshotSource, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HostSwitch.class.getName());

    private final SnapshotSource local;
    private final SnapshotPublisher shown = new SnapshotPublisher();
    private final AutoCloseable localSubscription;
    private volatile RemoteSnapshotSource remote;

    HostSwitch(SnapshotSource local) {
        this.local = Objects.requireNonNull(local, "local");
        this.localSubscription = local.subscribe(s -> {
            if (remote == null) {
                shown.publish(s);
            }
        });
        local.latest().ifPresent(shown::publish);
    }

    /**
     * Shows {@code target}'s exporter from now on, polled every {@code interval}; {@code status}
     * hears how the connection stands after every request (on the poller thread). Replaces an
     * earlier connection. A bad CA file and the like is a one-line {@link RemoteException}.
     */
    synchronized void connect(RemoteTarget target, Duration interval, Consumer<RemoteStatus> status)
            throws RemoteException {
        RemoteSnapshotSource next = new RemoteSnapshotSource(target, interval);
        next.onStatus(status);
        next.subscribe(s -> {
            if (remote == next) {
                shown.publish(s);
            }
        });
        RemoteSnapshotSource old = remote;
        remote = next;
        if (old != null) {
            old.close();
        }
        next.start();
    }

    /** Back to this machine: stops polling and shows this machine's latest snapshot. */
    synchronized void disconnect() {
        RemoteSnapshotSource old = remote;
        remote = null;
        if (old != null) {
            old.close();
            local.latest().ifPresent(shown::publish);
        }
    }

    /** The machine shown when it is not this one. */
    Optional<RemoteSnapshotSource> remote() {
        return Optional.ofNullable(remote);
    }

    @Override
    public Optional<Snapshot> latest() {
        return shown.latest();
    }

    @Override
    public AutoCloseable subscribe(SnapshotListener listener) {
        return shown.subscribe(listener);
    }

    @Override
    public void close() {
        disconnect();
        try {
            localSubscription.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "unsubscribe failed", e);
        }
    }
}
