package io.herakles.procmem.export.recording;

import io.herakles.procmem.export.snapshot.SnapshotFileException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * One read through a recording whose members carry no tags, inflating every member: a version-1
 * file, or a version-2 file that was recompressed ({@code zcat | gzip} joins all lines into one
 * member and drops the tags). Lines may span members; the header comes first. Not thread-safe; one
 * instance per read.
 */
final class LinePass {

    private static final byte[] DELTA_START = ("{\"" + RecordingFormat.TYPE + "\":\"" + RecordingFormat.TYPE_DELTA + "\"")
            .getBytes(StandardCharsets.UTF_8);

    private final String shown;
    private final ByteBuffer bytes;
    private final RecordingReader.SampleSink sink;
    private final GzipMembers members;
    private final SampleDecoder decoder;
    private RecordingHeader header;
    private int samples;

    LinePass(String shown, String source, ByteBuffer bytes, RecordingReader.SampleSink sink) {
        this.shown = shown;
        this.bytes = bytes;
        this.sink = sink;
        this.members = new GzipMembers(bytes);
        this.decoder = new SampleDecoder(source);
    }

    RecordingReader.Summary run() throws SnapshotFileException {
        try {
            while (true) {
                GzipMembers.Step step = members.next();
                if (step instanceof GzipMembers.End) {
                    requireHeader(null);
                    return new RecordingReader.Summary(header, samples, Optional.empty());
                }
                if (step instanceof GzipMembers.Corrupt c) {
                    if (c.offset() == 0) {
                        throw new SnapshotFileException(shown + ": " + RecordingReader.NOT_GZIP);
                    }
                    throw new SnapshotFileException(shown + ": corrupt at byte " + c.offset() + " (after sample "
                            + samples + "): " + c.reason());
                }
                if (step instanceof GzipMembers.Cut c) {
                    lines(c.partial(), c.offset(), false);
                    String where = "cut short at byte " + c.offset() + " of " + bytes.limit();
                    requireHeader(where);
                    return new RecordingReader.Summary(header, samples, Optional.of(shown + ": " + where
                            + "; read up to the last complete sample (" + samples + ")"));
                }
                GzipMembers.Member m = (GzipMembers.Member) step;
                lines(m.data(), m.offset(), true);
            }
        } finally {
            members.close();
        }
    }

    private void requireHeader(String cut) throws SnapshotFileException {
        if (header == null) {
            throw new SnapshotFileException(shown + ": " + (cut == null ? "empty recording (no header line)"
                    : cut + " before the header line was complete"));
        }
    }

    /** Splits member data into lines; an unterminated last line is an error in a whole member. */
    private void lines(byte[] data, long offset, boolean whole) throws SnapshotFileException {
        int from = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                line(Arrays.copyOfRange(data, from, i), offset);
                from = i + 1;
            }
        }
        if (whole && from < data.length) {
            throw new SnapshotFileException(shown + ": corrupt at byte " + offset + " (after sample " + samples
                    + "): line does not end in a newline");
        }
    }

    private void line(byte[] json, long offset) throws SnapshotFileException {
        if (header == null) {
            header = RecordingReader.header(json, offset, shown);
            return;
        }
        String at = shown + ": sample " + (samples + 1) + " (at byte " + offset + ")";
        if (startsWith(json, DELTA_START)) {
            decoder.delta(json, at);
        } else {
            decoder.keyframe(json, at);
        }
        sink.accept(decoder.snapshot(samples));
        samples++;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
