package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What File → Open read: one snapshot (a snapshot file) or a recording's samples, oldest first.
 * Immutable.
 *
 * @param samples  at least one snapshot; kept, not copied (a recording's samples are decoded on demand,
 *                 and a copy would decode every one), so the caller must not change the list
 * @param note     one line to tell the user, e.g. that a recording was cut short; absent when none
 */
public record OpenedFile(List<Snapshot> samples, Optional<String> note) {

    public OpenedFile {
        samples = Collections.unmodifiableList(samples);
        Objects.requireNonNull(note, "note");
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("at least one snapshot");
        }
    }

    public static OpenedFile of(Snapshot snapshot) {
        return new OpenedFile(List.of(snapshot), Optional.empty());
    }

    /** True for a recording (even of one sample): the window shows the timeline. */
    public boolean isRecording() {
        return samples.size() > 1 || note.isPresent();
    }
}
