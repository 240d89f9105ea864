package io.herakles.procmem.export.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The first line of a recording. Immutable.
 *
 * @param version   format version the file was written with
 * @param createdAt when recording started
 * @param interval  the intended time between samples; absent when the file does not say
 * @param source    what was recorded, e.g. {@code "/proc"}
 */
public record RecordingHeader(int version, Instant createdAt, Optional<Duration> interval, String source) {

    public RecordingHeader {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(source, "source");
    }

    /** A header of the current format version. */
    public static RecordingHeader now(Instant createdAt, Duration interval, String source) {
        return new RecordingHeader(RecordingFormat.VERSION, createdAt, Optional.of(interval), source);
    }
}
