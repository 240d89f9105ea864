package io.herakles.procmem.export.recording;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.export.snapshot.TokenTree;
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
import java.util.List;
import java.util.Optional;

/**
 * Reads a recording ({@link RecordingFormat}) strictly: a foreign, corrupt or newer file is a
 * {@link SnapshotFileException} with one line naming the file and the position (byte offset and
 * sample number). A file cut short (the recorder was killed, the disk filled) is read up to its
 * last complete sample and says where it ended. A version-2 file is opened by walking the tags in
 * its member headers (no inflating), its samples decoded on demand; older or recompressed files are
 * read whole. Stateless, thread-safe.
 */
public final class RecordingReader {

    static final String NOT_GZIP = "not a recording (not gzip-compressed at byte 0; a snapshot file is plain JSON)";

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

    /**
     * Opens a recording; refuses one without a complete sample. A version-2 file costs one walk over
     * its member headers here; its samples are decoded when asked for.
     */
    public static Recording read(Path file) throws SnapshotFileException {
        return read(file, first -> { });
    }

    /**
     * As {@link #read(Path)}, handing the first sample to {@code first} as soon as it is read (on this
     * thread), so that a window can show it while the rest of a large version-1 recording is read.
     */
    public static Recording read(Path file, java.util.function.Consumer<Snapshot> first) throws SnapshotFileException {
        ByteBuffer bytes = map(file);
        String shown = file.toString();
        String source = source(file);
        if (MemberTag.peek(bytes, 0) instanceof MemberTag.Found) {
            TagIndex index = TagIndex.walk(bytes, shown);
            Recording recording = new Recording(file, index.header(), index.samples(source), index.cutShort());
            first.accept(recording.sample(0));
            return recording;
        }
        List<Snapshot> samples = new ArrayList<>();
        Summary summary = new LinePass(shown, source, bytes, s -> {
            if (samples.isEmpty()) {
                first.accept(s);
            }
            samples.add(s);
        }).run();
        if (samples.isEmpty()) {
            throw new SnapshotFileException(shown + ": recording holds no complete sample"
                    + summary.cutShort().map(c -> " (" + c + ")").orElse(""));
        }
        return new Recording(file, summary.header(), SampleSource.of(samples), summary.cutShort());
    }

    /** Hands every complete sample to {@code sink}, in order, without keeping them. */
    public static Summary stream(Path file, SampleSink sink) throws SnapshotFileException {
        ByteBuffer bytes = map(file);
        String shown = file.toString();
        if (MemberTag.peek(bytes, 0) instanceof MemberTag.Found) {
            TagIndex index = TagIndex.walk(bytes, shown);
            int n = index.sampleCount();
            if (n > 0) {
                IndexedSamples samples = index.samples(source(file));
                for (int i = 0; i < n; i++) {
                    sink.accept(samples.get(i));
                }
            }
            return new Summary(index.header(), n, index.cutShort());
        }
        return new LinePass(shown, source(file), bytes, sink).run();
    }

    private static String source(Path file) {
        return "recording: " + file.getFileName();
    }

    /** The whole file, mapped read-only (the mapping outlives the channel). */
    private static ByteBuffer map(Path file) throws SnapshotFileException {
        String shown = file.toString();
        if (Files.isDirectory(file)) {
            throw new SnapshotFileException(shown + ": is a directory, not a recording");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new SnapshotFileException(shown + ": recording larger than 2 GiB, which this version cannot read");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        } catch (NoSuchFileException e) {
            throw new SnapshotFileException(shown + ": file not found", e);
        } catch (AccessDeniedException e) {
            throw new SnapshotFileException(shown + ": cannot read: permission denied", e);
        } catch (IOException e) {
            throw new SnapshotFileException(shown + ": cannot read: " + String.valueOf(e.getMessage())
                    .replaceAll("\\s*\\R\\s*", " "), e);
        }
    }

    /** Parses and checks the header line found at {@code offset}. */
    static RecordingHeader header(byte[] json, long offset, String shown) throws SnapshotFileException {
        String notOurs = shown + ": not a herakles-proc-mem recording (line 1 at byte " + offset + " is not its header)";
        JsonNode root;
        try (JsonParser p = TokenTree.parser(json)) {
            // no mapper for one line: building one was ~30 ms of every diff and every opening
            root = p.nextToken() == null ? null : TokenTree.read(p, JsonNodeFactory.instance);
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

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
