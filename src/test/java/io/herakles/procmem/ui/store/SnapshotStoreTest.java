package io.herakles.procmem.ui.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.TestSnapshots;
import org.junit.jupiter.api.Test;

/** The store, with the test thread playing the FX thread. */
class SnapshotStoreTest {

    private final SnapshotStore store = new SnapshotStore();

    @Test
    void pausedHoldsTheShownSnapshotAndResumeShowsTheLatest() {
        store.acceptLive(TestSnapshots.small(1));
        store.setPaused(true);
        store.acceptLive(TestSnapshots.small(2));

        assertThat(store.isPaused()).isTrue();
        assertThat(store.getCurrentSnapshot().sequence()).isEqualTo(1);

        store.setPaused(false);
        assertThat(store.getCurrentSnapshot().sequence()).isEqualTo(2);
    }

    @Test
    void fileModeShowsTheFileUntilBackToLive() {
        store.acceptLive(TestSnapshots.small(1));
        Snapshot file = TestSnapshots.snapshot(77, "file: saved.json", TestSnapshots.small(1).processes());
        store.showFile(file, "saved.json");
        store.acceptLive(TestSnapshots.small(2));

        assertThat(store.getMode()).isEqualTo(SnapshotStore.Mode.FILE);
        assertThat(store.fileNameProperty().get()).isEqualTo("saved.json");
        assertThat(store.getCurrentSnapshot()).isSameAs(file);

        store.backToLive();
        assertThat(store.getMode()).isEqualTo(SnapshotStore.Mode.LIVE);
        assertThat(store.fileNameProperty().get()).isEmpty();
        assertThat(store.getCurrentSnapshot().sequence()).isEqualTo(2);
    }

    @Test
    void backToLiveBeforeAnyLiveSnapshotShowsNothing() {
        store.showFile(TestSnapshots.small(9), "a.json");
        store.backToLive();
        assertThat(store.getCurrentSnapshot()).isNull();
    }
}
