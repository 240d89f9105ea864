package io.herakles.procmem.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URLs as users type them, credentials files, fingerprints and backoff. */
class ConnectionSettingsTest {

    @TempDir
    Path dir;

    @Test
    void urlsAsUsersTypeThem() throws Exception {
        RemoteTarget plain = RemoteTarget.parse("db1:9215");
        assertThat(plain.base()).hasToString("http://db1:9215/");
        assertThat(plain.resolve("snapshot")).hasToString("http://db1:9215/snapshot");
        assertThat(plain.display()).isEqualTo("db1:9215");
        assertThat(RemoteTarget.parse("https://db1:9215/snapshot").resolve("snapshot"))
                .hasToString("https://db1:9215/snapshot");
        assertThat(RemoteTarget.parse("http://proxy/herakles/db1/").resolve("snapshot"))
                .hasToString("http://proxy/herakles/db1/snapshot");

        RemoteTarget withUser = RemoteTarget.parse("https://alice:p%40ss:word@db1:9215/");
        assertThat(withUser.base().getRawUserInfo()).isNull();
        assertThat(withUser.credentials()).hasValue(new Credentials("alice", "p@ss:word"));
        assertThat(withUser.toString()).contains("alice").doesNotContain("p@ss");
        assertThat(withUser.credentials().orElseThrow().toString()).doesNotContain("p@ss");

        assertThatThrownBy(() -> RemoteTarget.parse("ftp://alice:pw@db1/")).hasMessageContaining("only http and https")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> RemoteTarget.parse(" ")).hasMessage("no URL given");
    }

    @Test
    void aCredentialsFileOthersCanReadIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("creds"), "# viewer\nalice:pa:ss\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> CredentialsFile.read(file)).isInstanceOf(RemoteException.class)
                .hasMessageContaining(file + ": readable by group or others").hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(CredentialsFile.read(file)).isEqualTo(new Credentials("alice", "pa:ss"));

        Path bad = Files.writeString(dir.resolve("bad"), "just-a-password\n");
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> CredentialsFile.read(bad)).hasMessage(bad + ": expected one line 'user:password'");
        assertThatThrownBy(() -> CredentialsFile.read(dir.resolve("none"))).hasMessageEndingWith("file not found");
    }

    @Test
    void rememberedCredentialsAreWrittenOwnerOnly() throws Exception {
        Path file = dir.resolve("sub/remote.credentials");
        CredentialsFile.write(new Credentials("bob", "x"), file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(CredentialsFile.read(file)).isEqualTo(new Credentials("bob", "x"));
        Path open = Files.writeString(dir.resolve("open"), "");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-rw-"));
        CredentialsFile.write(new Credentials("bob", "y"), open);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rw-------");
    }

    @Test
    void fingerprintsAsPasted() throws Exception {
        String hex = "ab".repeat(32);
        assertThat(Trust.pin("SHA256:" + TlsTrust.colons(hex)).sha256()).isEqualTo(hex);
        assertThat(Trust.pin(hex.toUpperCase()).sha256()).isEqualTo(hex);
        assertThatThrownBy(() -> Trust.pin("abcd")).hasMessageContaining("64 hex digits");
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        Duration s = Duration.ofSeconds(2);
        assertThat(RemoteSnapshotSource.backoff(s, 1)).isEqualTo(s);
        assertThat(RemoteSnapshotSource.backoff(s, 2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RemoteSnapshotSource.backoff(s, 5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RemoteSnapshotSource.backoff(s, 500)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RemoteSnapshotSource.backoff(Duration.ofMinutes(1), 3)).isEqualTo(Duration.ofMinutes(1));
    }
}
