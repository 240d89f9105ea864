package io.herakles.procmem.ui.app;

import io.herakles.procmem.remote.Credentials;
import io.herakles.procmem.remote.CredentialsFile;
import io.herakles.procmem.remote.RemoteException;
import io.herakles.procmem.remote.RemoteStatus;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.remote.Trust;
import io.herakles.procmem.ui.common.FxExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.Window;

/**
 * Which machine the window shows and how the connection to it stands: File → Connect to
 * exporter…, {@code --connect URL}, "Back to this machine". Turns a {@link ConnectRequest} into a
 * {@link RemoteTarget} (credentials from the dialog, else the URL, else remembered ones; trust from a
 * CA file or a pinned fingerprint), asks {@link DesktopServices#connect}, and follows the
 * connection's {@link RemoteStatus} (one coalesced FX hop per update, latest wins).
 *
 * <p>Remembered credentials live in {@code ~/.config/herakles/remote/HOST_PORT.credentials}, mode
 * 0600, written only when the user ticks "remember"; nothing else (logs, titles, snapshot files)
 * ever holds a password. FX thread only, except the status hand-over.
 */
final class RemoteConnection {

    private final DesktopServices services;
    private final Dialogs dialogs;
    private final Supplier<Window> owner;
    private final Path rememberDir;
    private final FxExecutor.Coalescer<Tagged> statusHop;
    private final ReadOnlyStringWrapper host = new ReadOnlyStringWrapper(this, "host", "");
    private final ReadOnlyObjectWrapper<RemoteStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    /** Which connection a status belongs to: one from before "Back to this machine" or a reconnect is dropped. */
    private record Tagged(long generation, RemoteStatus status) {}

    private long generation;
    private Supplier<List<String>> recent = List::of;
    private Consumer<String> onConnected = url -> { };

    RemoteConnection(DesktopServices services, Dialogs dialogs, Supplier<Window> owner, FxExecutor fx,
            Path rememberDir) {
        this.services = services;
        this.dialogs = dialogs;
        this.owner = owner;
        this.statusHop = fx.coalescing(t -> {
            if (t.generation() == generation) {
                status.set(t.status());
            }
        });
        this.rememberDir = rememberDir;
    }

    /** The default place for remembered credentials. */
    static Path defaultRememberDir() {
        return Path.of(System.getProperty("user.home"), ".config", "herakles", "remote");
    }

    /**
     * Where the dialog's recent URLs come from, and who hears of each URL connected to (its
     * credential-free base): the window's preferences.
     */
    void rememberWith(Supplier<List<String>> recentUrls, Consumer<String> connectedUrl) {
        this.recent = recentUrls;
        this.onConnected = connectedUrl;
    }

    /** File → Connect to exporter…: asks, then connects. */
    void askAndConnect() {
        dialogs.askConnection(owner.get(), recent.get()).ifPresent(this::connect);
    }

    /** Connects as asked; a setting that cannot work is shown in a dialog and nothing changes. True when connecting. */
    boolean connect(ConnectRequest request) {
        try {
            return connect(target(request), request.remember());
        } catch (RemoteException e) {
            dialogs.error(owner.get(), "Cannot connect", e.getMessage());
            return false;
        }
    }

    /** Connects to {@code target} as it is ({@code --connect}); {@code remember} stores its credentials. */
    boolean connect(RemoteTarget target, boolean remember) {
        try {
            long mine = ++generation;
            services.connect(target, s -> statusHop.submit(new Tagged(mine, s)));
            host.set(target.display());
            status.set(null);
            onConnected.accept(target.base().toString());
            if (remember && target.credentials().isPresent()) {
                remember(target);
            }
            return true;
        } catch (RemoteException e) {
            dialogs.error(owner.get(), "Cannot connect", e.getMessage());
            return false;
        }
    }

    /** "Back to this machine". */
    void backToThisMachine() {
        generation++;
        services.disconnect();
        host.set("");
        status.set(null);
    }

    RemoteTarget target(ConnectRequest request) throws RemoteException {
        RemoteTarget target = RemoteTarget.parse(request.url());
        if (!request.user().isBlank()) {
            target = target.withCredentials(Optional.of(new Credentials(request.user().strip(), request.password())));
        } else if (target.credentials().isEmpty()) {
            Path remembered = rememberedFile(target);
            if (Files.exists(remembered)) {
                target = target.withCredentials(Optional.of(CredentialsFile.read(remembered)));
            }
        }
        if (request.pinnedSha256().isPresent()) {
            target = target.withTrust(Trust.pin(request.pinnedSha256().get()));
        } else if (request.caFile().isPresent()) {
            target = target.withTrust(new Trust.CaFile(request.caFile().get()));
        }
        return target;
    }

    private void remember(RemoteTarget target) {
        Path file = rememberedFile(target);
        try {
            CredentialsFile.write(target.credentials().orElseThrow(), file);
        } catch (IOException e) {
            dialogs.error(owner.get(), "Credentials not remembered", file + ": " + e.getMessage());
        }
    }

    Path rememberedFile(RemoteTarget target) {
        return rememberDir.resolve(target.display().replaceAll("[^A-Za-z0-9.-]", "_") + ".credentials");
    }

    /** {@code host:port} of the machine shown; empty for this machine. */
    ReadOnlyStringProperty hostProperty() {
        return host.getReadOnlyProperty();
    }

    /** The connection's latest status; null for this machine and before the first answer. */
    ReadOnlyObjectProperty<RemoteStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a remote connection fails (the banner shows, the last data is greyed). */
    BooleanBinding failing() {
        return Bindings.createBooleanBinding(() -> status.get() != null && status.get().state().failure(), status);
    }
}
