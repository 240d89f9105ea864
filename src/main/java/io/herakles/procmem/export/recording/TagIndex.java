package io.herakles.procmem.export.recording;

import io.herakles.procmem.export.snapshot.SnapshotFileException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The index of a version-2 recording, built by one walk over its member headers: each tag gives
 * the member's length (so the walk hops from header to header without inflating), the sample's
 * kind and time. Only the header line is inflated. Why tags and not a trailer or a sidecar index:
 * the index is then always in step with the bytes, a file cut anywhere (a crash, a full disk)
 * indexes up to its last whole member, and a copied file needs no companion. Immutable once walked.
 */
final class TagIndex {

    private final ByteBuffer file;
    private final String shown;
    private RecordingHeader header;
    private long[] offsets = new long[256];
    private long[] lengths = new long[256];
    private char[] kinds = new char[256];
    private long[] times = new long[256];
    private int count;
    private Optional<String> cutShort = Optional.empty();

    private TagIndex(ByteBuffer file, String shown) {
        this.file = file;
        this.shown = shown;
    }

    /** Walks {@code file}, whose first member is tagged; refuses one without a complete sample. */
    static TagIndex walk(ByteBuffer file, String shown) throws SnapshotFileException {
        TagIndex index = new TagIndex(file, shown);
        index.run();
        return index;
    }

    private void run() throws SnapshotFileException {
        MemberTag first = ((MemberTag.Found) MemberTag.peek(file, 0)).tag();
        if (first.kind() != MemberTag.HEADER) {
            throw new SnapshotFileException(shown + ": not a herakles-proc-mem recording (no header at byte 0)");
        }
        header = readHeader(first);
        long offset = first.length();
        while (offset < file.limit()) {
            MemberTag.Peek peek = MemberTag.peek(file, offset);
            if (peek instanceof MemberTag.Cut) {
                cutShort = Optional.of(shown + ": cut short at byte " + offset + " of " + file.limit()
                        + "; read up to the last complete sample (" + count + ")");
                break;
            }
            if (!(peek instanceof MemberTag.Found found)) {
                throw new SnapshotFileException(shown + ": corrupt at byte " + offset + " (after sample " + count
                        + "): not a recording member");
            }
            MemberTag tag = found.tag();
            boolean sample = tag.kind() == MemberTag.KEYFRAME || tag.kind() == MemberTag.DELTA;
            if (!sample || (count == 0 && tag.kind() != MemberTag.KEYFRAME)) {
                throw new SnapshotFileException(shown + ": corrupt at byte " + offset + " (after sample " + count
                        + "): unexpected member kind '" + tag.kind() + "'");
            }
            add(offset, tag);
            offset += tag.length();
        }
        if (count == 0) {
            throw new SnapshotFileException(shown + ": recording holds no complete sample"
                    + cutShort.map(c -> " (" + c + ")").orElse(""));
        }
    }

    private RecordingHeader readHeader(MemberTag tag) throws SnapshotFileException {
        GzipMembers members = new GzipMembers(file.duplicate().limit((int) tag.length()).position(0));
        try {
            GzipMembers.Step step = members.next();
            if (!(step instanceof GzipMembers.Member m) || m.data().length == 0
                    || m.data()[m.data().length - 1] != '\n') {
                String reason = step instanceof GzipMembers.Corrupt c ? c.reason() : "header line incomplete";
                throw new SnapshotFileException(shown + ": corrupt at byte 0 (the header): " + reason);
            }
            return RecordingReader.header(Arrays.copyOf(m.data(), m.data().length - 1), 0, shown);
        } finally {
            members.close();
        }
    }

    private void add(long offset, MemberTag tag) {
        if (count == offsets.length) {
            int n = count * 2;
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
            kinds = Arrays.copyOf(kinds, n);
            times = Arrays.copyOf(times, n);
        }
        offsets[count] = offset;
        lengths[count] = tag.length();
        kinds[count] = tag.kind();
        times[count] = tag.timeMillis();
        count++;
    }

    RecordingHeader header() {
        return header;
    }

    Optional<String> cutShort() {
        return cutShort;
    }

    int sampleCount() {
        return count;
    }

    /** The samples, decoded on demand; {@code source} becomes each one's source. */
    IndexedSamples samples(String source) {
        return new IndexedSamples(file, shown, source, Arrays.copyOf(offsets, count), Arrays.copyOf(lengths, count),
                Arrays.copyOf(kinds, count), Arrays.copyOf(times, count));
    }
}
