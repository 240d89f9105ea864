package io.herakles.procmem.ui.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The store with a hand-drained queue playing the FX thread. */
class SnapshotStoreTest {

    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final SnapshotStore store = new SnapshotStore(FxExecutor.using(fxQueue::add));

    private void drainFx() {
        Runnable r;
        while ((r = fxQueue.poll()) != null) {
            r.run();
        }
    }

    @Test
    void aBurstOfLiveSnapshotsMakesOneHopAndTheLatestWins() {
        store.offerLive(TestSnapshots.small(1));
        store.offerLive(TestSnapshots.small(2));
        store.offerLive(TestSnapshots.small(3));

        assertThat(fxQueue).hasSize(1);
        assertThat(store.getCurrentSnapshot()).isNull();
        drainFx();
        assertThat(store.getCurrentSnapshot().sequence()).isEqualTo(3);

        store.offerLive(TestSnapshots.small(4));
        assertThat(fxQueue).hasSize(1);
        drainFx();
        assertThat(store.getCurrentSnapshot().sequence()).isEqualTo(4);
    }

    @Test
    void pausedHoldsTheShownSnapshotAndResumeShowsTheLatest() {
        store.offerLive(TestSnapshots.small(1));
        drainFx();
        store.setPaused(true);
        store.offerLive(TestSnapshots.small(2));
        drainFx();

        assertThat(store.isPaused()).isTrue();
        assertThat(store.getCurrentSnapshot().sequence()).isEqualTo(1);

        store.setPaused(false);
        assertThat(store.getCurrentSnapshot().sequence()).isEqualTo(2);
    }

    @Test
    void fileModeShowsTheFileUntilBackToLive() {
        store.offerLive(TestSnapshots.small(1));
        drainFx();
        Snapshot file = TestSnapshots.snapshot(77, "file: saved.json", TestSnapshots.small(1).processes());
        store.showFile(file, "saved.json");
        store.offerLive(TestSnapshots.small(2));
        drainFx();

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
