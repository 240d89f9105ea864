package io.herakles.procmem.export.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.export.snapshot.SnapshotJsonReader;
import io.herakles.procmem.model.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a recording ({@link RecordingFormat}) strictly: a foreign, corrupt or newer file is a
 * {@link SnapshotFileException} with one line naming the file and the position (byte offset and
 * sample number). A file cut short (the recorder was killed, the disk filled) is read up to its
 * last complete sample and {@link Recording#cutShort()} says where it ended. Stateless, thread-safe.
 */
public final class RecordingReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Receives the samples of a recording one by one, in file order. */
    @FunctionalInterface
    public interface SampleSink {
        void accept(Snapshot sample) throws SnapshotFileException;
    }

    /** What a streamed read found besides the samples. */
    public record Summary(RecordingHeader header, int samples, Optional<String> cutShort) {}

    private RecordingReader() {}

    /** Whether {@code file} starts like gzip data (a recording, not a plain JSON snapshot file). */
    public static boolean looksLikeRecording(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads every complete sample into memory; refuses a recording without one. */
    public static Recording read(Path file) throws SnapshotFileException {
        return read(file, first -> { });
    }

    /**
     * As {@link #read(Path)}, handing the first sample to {@code first} as soon as it is read (on this
     * thread), so that a window can show it while the rest of a large recording is read.
     */
    public static Recording read(Path file, java.util.function.Consumer<Snapshot> first) throws SnapshotFileException {
        List<Snapshot> samples = new ArrayList<>();
        Summary summary = stream(file, s -> {
            if (samples.isEmpty()) {
                first.accept(s);
            }
            samples.add(s);
        });
        if (samples.isEmpty()) {
            throw new SnapshotFileException(file + ": recording holds no complete sample"
                    + summary.cutShort().map(c -> " (" + c + ")").orElse(""));
        }
        return new Recording(file, summary.header(), samples, summary.cutShort());
    }

    /** Hands every complete sample to {@code sink} without keeping them. */
    public static Summary stream(Path file, SampleSink sink) throws SnapshotFileException {
        String shown = file.toString();
        String source = "recording: " + file.getFileName();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new SnapshotFileException(shown + ": recording larger than 2 GiB, which this version cannot read");
            }
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return new Pass(shown, source, bytes, sink).run();
        } catch (NoSuchFileException e) {
            throw new SnapshotFileException(shown + ": file not found", e);
        } catch (AccessDeniedException e) {
            throw new SnapshotFileException(shown + ": cannot read: permission denied", e);
        } catch (IOException e) {
            throw new SnapshotFileException(shown + ": cannot read: " + String.valueOf(e.getMessage())
                    .replaceAll("\\s*\\R\\s*", " "), e);
        }
    }

    /** One read through a file: lines across members, the header first. */
    private static final class Pass {
        private final String shown;
        private final String source;
        private final ByteBuffer bytes;
        private final SampleSink sink;
        private final GzipMembers members;
        private RecordingHeader header;
        private int samples;

        Pass(String shown, String source, ByteBuffer bytes, SampleSink sink) {
            this.shown = shown;
            this.source = source;
            this.bytes = bytes;
            this.sink = sink;
            this.members = new GzipMembers(bytes);
        }

        Summary run() throws SnapshotFileException {
            try {
                while (true) {
                    GzipMembers.Step step = members.next();
                    if (step instanceof GzipMembers.End) {
                        requireHeader(null);
                        return new Summary(header, samples, Optional.empty());
                    }
                    if (step instanceof GzipMembers.Corrupt c) {
                        if (c.offset() == 0) {
                            throw new SnapshotFileException(shown + ": not a recording (not gzip-compressed"
                                    + " at byte 0; a snapshot file is plain JSON)");
                        }
                        throw new SnapshotFileException(shown + ": corrupt at byte " + c.offset() + " (after sample "
                                + samples + "): " + c.reason());
                    }
                    if (step instanceof GzipMembers.Cut c) {
                        lines(c.partial(), c.offset(), false);
                        String where = "cut short at byte " + c.offset() + " of " + bytes.limit();
                        requireHeader(where);
                        return new Summary(header, samples, Optional.of(shown + ": " + where
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
                header = header(json, offset);
                return;
            }
            String at = shown + ": sample " + (samples + 1) + " (at byte " + offset + ")";
            sink.accept(SnapshotJsonReader.parse(json, at, source));
            samples++;
        }

        private RecordingHeader header(byte[] json, long offset) throws SnapshotFileException {
            String notOurs = shown + ": not a herakles-proc-mem recording (line 1 at byte " + offset + " is not its header)";
            JsonNode root;
            try {
                root = MAPPER.readTree(json);
            } catch (IOException e) {
                throw new SnapshotFileException(notOurs, e);
            }
            if (root == null || !root.isObject()
                    || !RecordingFormat.FORMAT_NAME.equals(root.path(RecordingFormat.FORMAT).asText(null))) {
                throw new SnapshotFileException(notOurs);
            }
            JsonNode version = root.get(RecordingFormat.VERSION_FIELD);
            if (version == null || !version.canConvertToInt()) {
                throw new SnapshotFileException(shown + ": header: field 'version' must be an integer, got " + version);
            }
            if (version.intValue() > RecordingFormat.VERSION) {
                throw new SnapshotFileException(shown + ": recording format version " + version.intValue()
                        + " is newer than this program reads (up to " + RecordingFormat.VERSION
                        + "); open it with a newer herakles-proc-mem");
            }
            Instant created = instant(root.path(RecordingFormat.CREATED_AT).asText("")).orElse(Instant.EPOCH);
            JsonNode interval = root.get(RecordingFormat.INTERVAL_SECONDS);
            Optional<Duration> every = interval != null && interval.isNumber() && interval.doubleValue() > 0
                    ? Optional.of(Duration.ofMillis(Math.round(interval.doubleValue() * 1000)))
                    : Optional.empty();
            return new RecordingHeader(version.intValue(), created, every, root.path(RecordingFormat.SOURCE).asText(""));
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
