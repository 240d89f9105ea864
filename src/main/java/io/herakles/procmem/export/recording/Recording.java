package io.herakles.procmem.export.recording;

import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.model.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * An opened recording: its header and samples in time order (at least one). Sample times are known
 * at once; a sample of a version-2 file is decoded when first asked for (from the keyframe before
 * it), so opening a long recording costs an index walk, not a read of every sample. Thread-safe.
 */
public final class Recording {

    private final Path file;
    private final RecordingHeader header;
    private final SampleSource source;
    private final Optional<String> cutShort;
    private final List<Snapshot> samples;

    Recording(Path file, RecordingHeader header, SampleSource source, Optional<String> cutShort) {
        this.file = Objects.requireNonNull(file, "file");
        this.header = Objects.requireNonNull(header, "header");
        this.source = Objects.requireNonNull(source, "source");
        this.cutShort = Objects.requireNonNull(cutShort, "cutShort");
        if (source.size() == 0) {
            throw new IllegalArgumentException("a recording has at least one sample");
        }
        this.samples = new Samples();
    }

    /** The file it was read from. */
    public Path file() {
        return file;
    }

    /** The header line. */
    public RecordingHeader header() {
        return header;
    }

    /** One line saying where the file ended mid-sample (a cut file); absent when whole. */
    public Optional<String> cutShort() {
        return cutShort;
    }

    /** Number of samples. */
    public int size() {
        return source.size();
    }

    /** When sample {@code index} was taken, without decoding it. */
    public Instant takenAt(int index) {
        return source.takenAt(index);
    }

    /** Sample {@code index}, decoded on demand; a damaged part of the file names its byte. */
    public Snapshot sample(int index) throws SnapshotFileException {
        Objects.checkIndex(index, source.size());
        return source.get(index);
    }

    /**
     * The samples, oldest first, as an unmodifiable list that decodes each on {@code get} (do not
     * copy it: that decodes them all). A damaged part of the file throws
     * {@link RecordingDamagedException} from {@code get}.
     */
    public List<Snapshot> samples() {
        return samples;
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
        int hi = source.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (source.takenAt(mid).isBefore(time)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0) {
            Duration after = Duration.between(time, source.takenAt(lo)).abs();
            Duration before = Duration.between(source.takenAt(lo - 1), time).abs();
            if (before.compareTo(after) <= 0) {
                return lo - 1;
            }
        }
        return lo;
    }

    /** The samples as a list view decoding on demand. */
    private final class Samples extends AbstractList<Snapshot> implements RandomAccess {
        @Override
        public Snapshot get(int index) {
            try {
                return sample(index);
            } catch (SnapshotFileException e) {
                throw new RecordingDamagedException(e.getMessage(), e);
            }
        }

        @Override
        public int size() {
            return source.size();
        }

        /** In order with a decoder of its own (see {@link SampleSource#walk()}). */
        @Override
        public Iterator<Snapshot> iterator() {
            SampleSource.Walk walk = source.walk();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return walk.hasNext();
                }

                @Override
                public Snapshot next() {
                    if (!walk.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    try {
                        return walk.next();
                    } catch (SnapshotFileException e) {
                        throw new RecordingDamagedException(e.getMessage(), e);
                    }
                }
            };
        }
    }
}
