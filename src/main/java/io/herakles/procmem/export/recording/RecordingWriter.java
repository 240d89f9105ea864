package io.herakles.procmem.export.recording;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.model.Snapshot;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Appends samples to a new recording ({@link RecordingFormat}): one tagged gzip member per line, a
 * keyframe every so often and deltas between, so the file is readable after every append and
 * opening it needs no inflating. A failed append (a full disk) cuts the file back to its last
 * complete sample. {@link #thinTo} drops older samples when the file grows past a size. Not
 * thread-safe: one writing thread (the {@link Recorder}'s).
 */
public final class RecordingWriter implements Closeable {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** One member of the file: where it starts and ends, and its kind. */
    private record Entry(long offset, long end, char kind) {}

    private final Path file;
    private final SampleEncoder encoder;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private FileChannel channel;
    /** Every sample member, in order; the header member ends where the first begins. */
    private final List<Entry> entries = new ArrayList<>();
    private long headerEnd;
    private long size;

    private RecordingWriter(Path file, FileChannel channel, int keyframeEvery) {
        this.file = file;
        this.channel = channel;
        this.encoder = new SampleEncoder(keyframeEvery);
    }

    /**
     * Creates {@code file} and writes the header, with a keyframe every
     * {@link RecordingFormat#DEFAULT_KEYFRAME_EVERY} samples. Without {@code overwrite} an existing
     * file is refused ({@link FileAlreadyExistsException}); other failures are an
     * {@link IOException} whose message is one line naming the file.
     */
    public static RecordingWriter create(Path file, RecordingHeader header, boolean overwrite) throws IOException {
        return create(file, header, overwrite, RecordingFormat.DEFAULT_KEYFRAME_EVERY);
    }

    /** As {@link #create(Path, RecordingHeader, boolean)}, with a keyframe at least every {@code keyframeEvery} samples. */
    public static RecordingWriter create(Path file, RecordingHeader header, boolean overwrite, int keyframeEvery)
            throws IOException {
        FileChannel channel;
        try {
            channel = overwrite
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE, StandardOpenOption.READ)
                    : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            StandardOpenOption.READ);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(file + ": cannot write: " + reason(e), e);
        }
        RecordingWriter writer = new RecordingWriter(file, channel, keyframeEvery);
        try {
            writer.writeMember(MemberTag.HEADER, header.createdAt().toEpochMilli(), headerLine(header, keyframeEvery));
            writer.headerEnd = writer.size;
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    static byte[] headerLine(RecordingHeader header, int keyframeEvery) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put(RecordingFormat.FORMAT, RecordingFormat.FORMAT_NAME);
        n.put(RecordingFormat.VERSION_FIELD, header.version());
        n.put(RecordingFormat.CREATED_AT, header.createdAt().toString());
        header.interval().ifPresent(i -> n.put(RecordingFormat.INTERVAL_SECONDS, i.toMillis() / 1000.0));
        n.put(RecordingFormat.SOURCE, header.source());
        n.put(RecordingFormat.KEYFRAME_EVERY, keyframeEvery);
        return (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Appends one sample: a keyframe or a delta against the sample appended before it. */
    public void append(Snapshot sample) throws IOException {
        SampleEncoder.Line line = encoder.encode(sample);
        long offset = size;
        try {
            writeMember(line.kind(), sample.takenAt().toEpochMilli(), line.json());
        } catch (IOException e) {
            // the next sample must not be a delta against one that is not in the file
            encoder.restart();
            throw e;
        }
        entries.add(new Entry(offset, size, line.kind()));
    }

    private void writeMember(char kind, long timeMillis, byte[] line) throws IOException {
        byte[] member = MemberTag.member(kind, timeMillis, line, deflater);
        long before = size;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(member);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            size += member.length;
        } catch (IOException e) {
            // whatever part of the member reached the disk would make the tail unreadable: cut it off
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException ignored) {
                // the reader still reads up to the last complete sample and says the file was cut
            }
            throw new IOException(file + ": cannot write: " + reason(e), e);
        }
    }

    /** The file's size in bytes. */
    public long size() {
        return size;
    }

    /** Samples in the file now (after thinning, fewer than were appended). */
    public int samples() {
        return entries.size();
    }

    public Path file() {
        return file;
    }

    /**
     * When the file is larger than {@code maxBytes}, rewrites it (a temporary sibling, then an atomic
     * rename) with fewer samples in its older half, as often as it takes to get below 90 % of
     * {@code maxBytes}: first the older half keeps only its keyframes (a delta needs the samples
     * before it), then every second of those goes. The series' start (the first sample) and its
     * recent past stay; gives up (keeps the file) when nothing older is left to drop.
     *
     * @return whether the file was rewritten
     */
    public boolean thinTo(long maxBytes) throws IOException {
        if (size <= maxBytes) {
            return false;
        }
        long target = maxBytes / 10 * 9;
        List<List<Entry>> blocks = blocks();
        long estimated = size;
        boolean thinned = false;
        while (estimated > target) {
            long saved = thinOnce(blocks);
            if (saved == 0) {
                break;
            }
            estimated -= saved;
            thinned = true;
        }
        if (!thinned) {
            return false;
        }
        rewrite(blocks);
        return true;
    }

    /** Keyframe blocks: a keyframe and the deltas after it. */
    private List<List<Entry>> blocks() {
        List<List<Entry>> blocks = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() == MemberTag.KEYFRAME || blocks.isEmpty()) {
                blocks.add(new ArrayList<>());
            }
            blocks.get(blocks.size() - 1).add(e);
        }
        return blocks;
    }

    /** One thinning step over the older half of {@code blocks}; the bytes it saves, 0 when none. */
    private static long thinOnce(List<List<Entry>> blocks) {
        int olderHalf = blocks.size() / 2;
        long saved = 0;
        for (int i = 0; i < olderHalf; i++) {
            List<Entry> block = blocks.get(i);
            while (block.size() > 1) {
                Entry delta = block.remove(block.size() - 1);
                saved += delta.end() - delta.offset();
            }
        }
        if (saved > 0) {
            return saved;
        }
        for (int i = olderHalf - 1; i >= 1; i--) {
            if (i % 2 == 1) {
                for (Entry e : blocks.remove(i)) {
                    saved += e.end() - e.offset();
                }
            }
        }
        return saved;
    }

    private void rewrite(List<List<Entry>> blocks) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + ".thinning");
        List<Entry> newEntries = new ArrayList<>();
        long newSize;
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                copy(0, headerEnd, out);
                for (List<Entry> block : blocks) {
                    for (Entry e : block) {
                        long at = out.position();
                        copy(e.offset(), e.end(), out);
                        newEntries.add(new Entry(at, out.position(), e.kind()));
                    }
                }
                newSize = out.position();
                out.force(true);
            }
            channel.close();
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            if (!channel.isOpen()) {
                channel = reopen(file);
            }
            throw new IOException(file + ": cannot thin: " + reason(e), e);
        }
        channel = reopen(file);
        entries.clear();
        entries.addAll(newEntries);
        size = newSize;
    }

    /** The file open for reading (thinning copies from it) and writing at its end. */
    private static FileChannel reopen(Path file) throws IOException {
        FileChannel c = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        c.position(c.size());
        return c;
    }

    private void copy(long from, long to, FileChannel out) throws IOException {
        long at = from;
        while (at < to) {
            at += channel.transferTo(at, to - at, out);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
    }

    /** Flushes to the disk and closes; the file stays readable. */
    @Override
    public void close() throws IOException {
        deflater.end();
        if (channel.isOpen()) {
            try {
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }
}
