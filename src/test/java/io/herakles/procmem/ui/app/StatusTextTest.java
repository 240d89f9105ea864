package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.store.SnapshotStore.Mode;
import org.junit.jupiter.api.Test;

/** The status line's words, without a window. */
class StatusTextTest {

    private final Snapshot snapshot = TestSnapshots.small(1);

    @Test
    void pausedLeadsWithPausedAndKeepsTheTimeOfWhatIsShown() {
        String live = StatusText.of(snapshot, Mode.LIVE, false, "", false);
        String paused = StatusText.of(snapshot, Mode.LIVE, true, "", false);

        assertThat(live).startsWith("Collected ").doesNotContain("Paused");
        assertThat(paused).startsWith("Paused").contains(io.herakles.procmem.ui.common.Formats.time(snapshot.takenAt()));
        assertThat(StatusText.of(null, Mode.LIVE, true, "", false)).startsWith("Paused");
    }

    @Test
    void aFileNamesItselfAndIsNeverPaused() {
        assertThat(StatusText.of(snapshot, Mode.FILE, true, "night.json", false))
                .startsWith("Snapshot night.json, collected").doesNotContain("Paused");
        assertThat(StatusText.of(snapshot, Mode.FILE, false, "day.jsonl.gz", true))
                .isEqualTo("Recording day.jsonl.gz, sample collected "
                        + io.herakles.procmem.ui.common.Formats.time(snapshot.takenAt()));
    }
}
