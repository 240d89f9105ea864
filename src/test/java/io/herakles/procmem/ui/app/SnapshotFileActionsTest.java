package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export / open without a window: the store, the fake services and scripted dialogs. */
class SnapshotFileActionsTest {

    @TempDir
    Path dir;

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final SnapshotStore store = new SnapshotStore();
    private final SnapshotFileActions actions = new SnapshotFileActions(store, services, dialogs, () -> null);

    @Test
    void exportWritesTheShownSnapshot() {
        Snapshot shown = TestSnapshots.small(3);
        store.acceptLive(shown);
        dialogs.exportChoice = dir.resolve("out.json");

        actions.exportSnapshot();

        assertThat(services.written).containsEntry(dir.resolve("out.json"), shown);
        assertThat(dialogs.confirmations).isEmpty();
    }

    @Test
    void anExistingFileIsReplacedOnlyAfterAnExplicitYes() throws IOException {
        store.acceptLive(TestSnapshots.small(3));
        Path existing = Files.writeString(dir.resolve("keep.json"), "precious");
        dialogs.exportChoice = existing;
        dialogs.confirmAnswer = false;

        actions.exportSnapshot();

        assertThat(Files.readString(existing)).isEqualTo("precious");
        assertThat(services.written).isEmpty();
        assertThat(dialogs.confirmations).singleElement().asString().contains("keep.json");

        dialogs.confirmAnswer = true;
        actions.exportSnapshot();
        assertThat(services.written).containsKey(existing);
    }

    @Test
    void cancellingTheChooserWritesNothing() {
        store.acceptLive(TestSnapshots.small(3));
        actions.exportSnapshot();
        assertThat(services.written).isEmpty();
    }

    @Test
    void exportBeforeAnySnapshotSaysSo() {
        dialogs.exportChoice = dir.resolve("out.json");
        actions.exportSnapshot();
        assertThat(services.written).isEmpty();
        assertThat(dialogs.infos).hasSize(1);
    }

    @Test
    void aFailedWriteIsShownWithTheFileName() {
        store.acceptLive(TestSnapshots.small(3));
        dialogs.exportChoice = dir.resolve("missing-dir").resolve("out.json");

        actions.exportSnapshot();

        assertThat(dialogs.errors).singleElement().asString()
                .startsWith("Cannot export snapshot").contains("out.json");
    }

    @Test
    void openShowsTheFileInTheStore() {
        Path file = dir.resolve("saved.json");
        Snapshot saved = TestSnapshots.snapshot(5, "file: saved.json", TestSnapshots.small(1).processes());
        services.files.put(file, saved);
        dialogs.openChoice = file;

        actions.openSnapshot();

        assertThat(store.getMode()).isEqualTo(SnapshotStore.Mode.FILE);
        assertThat(store.fileNameProperty().get()).isEqualTo("saved.json");
        assertThat(store.getCurrentSnapshot()).isSameAs(saved);
    }

    @Test
    void aBadFileIsADialogNamingTheFileAndTheProblem() {
        store.acceptLive(TestSnapshots.small(1));

        assertThat(actions.open(dir.resolve("broken.json"))).isFalse();

        assertThat(dialogs.errors).singleElement().asString()
                .startsWith("Cannot open broken.json")
                .contains("not a snapshot");
        assertThat(store.getMode()).isEqualTo(SnapshotStore.Mode.LIVE);
    }
}
