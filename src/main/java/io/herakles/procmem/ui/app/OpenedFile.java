package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What File → Open read: one snapshot (a snapshot file) or a recording's samples, oldest first.
 * Immutable.
 *
 * @param samples  at least one snapshot
 * @param note     one line to tell the user, e.g. that a recording was cut short; absent when none
 */
public record OpenedFile(List<Snapshot> samples, Optional<String> note) {

    public OpenedFile {
        samples = List.copyOf(samples);
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
