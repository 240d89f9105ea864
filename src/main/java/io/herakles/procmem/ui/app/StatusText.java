package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.util.Locale;

/** The words of the status line, apart from the bar (a control) so they are tested without a toolkit. Pure. */
final class StatusText {

    private StatusText() {}

    /**
     * The status line: what is shown and where it came from. Paused (live mode only: a file never
     * updates) leads with "Paused", so a frozen timestamp is never mistaken for a live one. A file
     * with a timeline ({@code recording}) says so, and that the time is the shown sample's.
     */
    static String of(Snapshot snapshot, SnapshotStore.Mode mode, boolean paused, String fileName, boolean recording) {
        boolean live = mode == SnapshotStore.Mode.LIVE;
        if (snapshot == null) {
            return !live ? "" : paused ? "Paused \u00b7 no snapshot yet" : "Waiting for the first snapshot\u2026";
        }
        String when = Formats.time(snapshot.takenAt());
        if (!live) {
            return (recording ? "Recording " + fileName + ", sample collected " : "Snapshot " + fileName + ", collected ")
                    + when;
        }
        if (paused) {
            return "Paused \u00b7 showing the snapshot collected " + when + " \u00b7 Space resumes";
        }
        return String.format(Locale.ROOT, "Collected %s in %.0f ms", when, snapshot.stats().durationSeconds() * 1000);
    }
}
