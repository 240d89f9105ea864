package io.herakles.procmem.export.recording;

import io.herakles.procmem.model.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recording read into memory: its header and samples in time order (at least one). Immutable.
 *
 * @param file      the file it was read from
 * @param header    the header line
 * @param samples   the complete samples, oldest first
 * @param cutShort  one line saying where the file ended mid-sample (a cut file), absent when whole
 */
public record Recording(Path file, RecordingHeader header, List<Snapshot> samples, Optional<String> cutShort) {

    public Recording {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(header, "header");
        samples = List.copyOf(samples);
        Objects.requireNonNull(cutShort, "cutShort");
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a recording has at least one sample");
        }
    }

    public Snapshot first() {
        return samples.get(0);
    }

    public Snapshot last() {
        return samples.get(samples.size() - 1);
    }

    /** The sample nearest to {@code time} (the earlier one on a tie). */
    public Snapshot nearest(Instant time) {
        return samples.get(nearestIndex(time));
    }

    /** Index of the sample nearest to {@code time}, by binary search over the sample times. */
    public int nearestIndex(Instant time) {
        int lo = 0;
        int hi = samples.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (samples.get(mid).takenAt().isBefore(time)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0) {
            Duration after = Duration.between(time, samples.get(lo).takenAt()).abs();
            Duration before = Duration.between(samples.get(lo - 1).takenAt(), time).abs();
            if (before.compareTo(after) <= 0) {
                return lo - 1;
            }
        }
        return lo;
    }
}
