package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.remote.Credentials;
import io.herakles.procmem.remote.RemoteStatus;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.remote.Trust;
import io.herakles.procmem.ui.common.FxExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From the dialog's answer to a connection: credentials, remembering, trust, host name; below the window. */
class RemoteConnectionTest {

    @TempDir
    Path dir;

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();

    private RemoteConnection connection() {
        return new RemoteConnection(services, dialogs, () -> null, FxExecutor.direct(), dir.resolve("remote"));
    }

    @Test
    void rememberedCredentialsAreOwnerOnlyAndUsedNextTime() throws Exception {
        RemoteConnection c = connection();
        assertThat(c.connect(new ConnectRequest("https://db1:9215", "viewer", "pw", Optional.empty(), Optional.empty(),
                true))).isTrue();
        Path file = dir.resolve("remote/db1_9215.credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(c.hostProperty().get()).isEqualTo("db1:9215");

        RemoteTarget next = c.target(ConnectRequest.of("db1:9215"));
        assertThat(next.credentials()).hasValue(new Credentials("viewer", "pw"));
        assertThat(c.target(ConnectRequest.of("db2:9215")).credentials()).isEmpty();
    }

    @Test
    void notRememberedUnlessAsked() {
        connection().connect(new ConnectRequest("http://db1:9215", "viewer", "pw", Optional.empty(), Optional.empty(),
                false));
        assertThat(dir.resolve("remote")).doesNotExist();
    }

    @Test
    void aTrustedFingerprintWinsOverACaFile() throws Exception {
        String sha = "cd".repeat(32);
        RemoteTarget t = connection().target(new ConnectRequest("https://db1", "", "", Optional.of(dir.resolve("ca.pem")),
                Optional.of(sha), false));
        assertThat(t.trust()).isEqualTo(new Trust.Pinned(sha));
    }

    @Test
    void aBadUrlIsADialogAndNothingChanges() {
        RemoteConnection c = connection();
        assertThat(c.connect(ConnectRequest.of("ftp://db1"))).isFalse();
        assertThat(dialogs.errors).hasSize(1);
        assertThat(c.hostProperty().get()).isEmpty();
        assertThat(services.connected).isEmpty();
    }

    private static RemoteStatus down() {
        return new RemoteStatus(RemoteStatus.State.UNREACHABLE, "db1:9215: connection refused", java.time.Instant.now(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void failuresShowUntilBackToThisMachineAndLateOnesOfTheOldConnectionAreDropped() {
        RemoteConnection c = connection();
        c.connect(ConnectRequest.of("db1:9215"));
        var poller = services.lastStatusListener;
        poller.accept(down());
        assertThat(c.failing().get()).isTrue();
        assertThat(c.statusProperty().get().message()).contains("connection refused");

        c.backToThisMachine();
        assertThat(c.hostProperty().get()).isEmpty();
        assertThat(c.failing().get()).isFalse();
        poller.accept(down()); // the old poller's last word arrives after the switch
        assertThat(c.statusProperty().get()).isNull();
        assertThat(c.failing().get()).isFalse();
    }
}
