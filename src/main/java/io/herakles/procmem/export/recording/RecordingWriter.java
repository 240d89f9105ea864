package io.herakles.procmem.export.recording;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.export.snapshot.SnapshotJsonWriter;
import io.herakles.procmem.model.Snapshot;
import java.io.ByteArrayOutputStream;
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
import java.util.zip.GZIPOutputStream;

/**
 * Appends samples to a new recording ({@link RecordingFormat}), one gzip member per sample, so the
 * file is readable after every append. A failed append (a full disk) cuts the file back to its
 * last complete sample. {@link #thinTo} drops older samples when the file grows past a size. Not
 * thread-safe: one writing thread (the {@link Recorder}'s).
 */
public final class RecordingWriter implements Closeable {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Path file;
    private FileChannel channel;
    /** Byte offset of every sample member, in order; the header member ends at the first. */
    private final List<Long> sampleOffsets = new ArrayList<>();
    private long size;

    private RecordingWriter(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Creates {@code file} and writes the header. Without {@code overwrite} an existing file is
     * refused ({@link FileAlreadyExistsException}); other failures are an {@link IOException} whose
     * message is one line naming the file.
     */
    public static RecordingWriter create(Path file, RecordingHeader header, boolean overwrite) throws IOException {
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
        RecordingWriter writer = new RecordingWriter(file, channel);
        try {
            writer.writeMember(headerLine(header));
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    static byte[] headerLine(RecordingHeader header) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put(RecordingFormat.FORMAT, RecordingFormat.FORMAT_NAME);
        n.put(RecordingFormat.VERSION_FIELD, header.version());
        n.put(RecordingFormat.CREATED_AT, header.createdAt().toString());
        header.interval().ifPresent(i -> n.put(RecordingFormat.INTERVAL_SECONDS, i.toMillis() / 1000.0));
        n.put(RecordingFormat.SOURCE, header.source());
        return (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Appends one sample as its own gzip member. */
    public void append(Snapshot sample) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream(1 << 16);
        SnapshotJsonWriter.writeLine(sample, json);
        long offset = size;
        writeMember(json.toByteArray());
        sampleOffsets.add(offset);
    }

    private void writeMember(byte[] line) throws IOException {
        byte[] member = gzip(line);
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
            } catch (IOException ignored) {
                // the reader still reads up to the last complete sample and says the file was cut
            }
            throw new IOException(file + ": cannot write: " + reason(e), e);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 6 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** The file's size in bytes. */
    public long size() {
        return size;
    }

    /** Samples in the file now (after thinning, fewer than were appended). */
    public int samples() {
        return sampleOffsets.size();
    }

    public Path file() {
        return file;
    }

    /**
     * When the file is larger than {@code maxBytes}, rewrites it (a temporary sibling, then an atomic
     * rename) without every second sample of its older half, as often as it takes to get below
     * 90 % of {@code maxBytes}: the series' start and its recent past stay, the old middle gets
     * sparser. The first sample is always kept; gives up (keeps the file) when only two are left.
     *
     * @return whether the file was rewritten
     */
    public boolean thinTo(long maxBytes) throws IOException {
        if (size <= maxBytes) {
            return false;
        }
        long target = maxBytes / 10 * 9;
        List<Long> kept = new ArrayList<>(sampleOffsets);
        List<Long> ends = ends(kept);
        long estimated = size;
        while (estimated > target && kept.size() > 2) {
            int olderHalf = kept.size() / 2;
            List<Long> nextKept = new ArrayList<>();
            List<Long> nextEnds = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                if (i == 0 || i >= olderHalf || i % 2 == 0) {
                    nextKept.add(kept.get(i));
                    nextEnds.add(ends.get(i));
                } else {
                    estimated -= ends.get(i) - kept.get(i);
                }
            }
            kept = nextKept;
            ends = nextEnds;
        }
        if (kept.size() == sampleOffsets.size()) {
            return false;
        }
        rewrite(kept, ends);
        return true;
    }

    private List<Long> ends(List<Long> offsets) {
        List<Long> ends = new ArrayList<>(offsets.size());
        for (int i = 0; i < offsets.size(); i++) {
            ends.add(i + 1 < offsets.size() ? offsets.get(i + 1) : size);
        }
        return ends;
    }

    private void rewrite(List<Long> kept, List<Long> ends) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + ".thinning");
        List<Long> newOffsets = new ArrayList<>(kept.size());
        long newSize;
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                copy(0, sampleOffsets.isEmpty() ? size : sampleOffsets.get(0), out);
                for (int i = 0; i < kept.size(); i++) {
                    newOffsets.add(out.position());
                    copy(kept.get(i), ends.get(i), out);
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
        sampleOffsets.clear();
        sampleOffsets.addAll(newOffsets);
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
        if (channel.isOpen()) {
            try {
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }
}
