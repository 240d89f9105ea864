package io.herakles.procmem.collect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads whole {@code /proc} files into one reusable, growing byte buffer, so the hot path (several
 * files per process, thousands of processes per tick) allocates next to nothing. Never throws:
 * the outcome is a {@link ReadStatus}, the bytes are {@link #bytes()}{@code [0, }{@link #length()}{@code )}.
 *
 * <p>Not thread-safe: confine each instance to one thread (the engine keeps one per worker).
 * The buffer is only valid until the next {@link #read}.
 */
public final class ProcFileReader {

    private static final int INITIAL_CAPACITY = 16 * 1024;
    /** Larger files are truncated; {@code smaps} of huge processes can reach megabytes. */
    private static final int MAX_CAPACITY = 64 * 1024 * 1024;
    /** A buffer grown past this for one big file is dropped at the next read, so it is not kept forever. */
    private static final int SHRINK_ABOVE = 1024 * 1024;

    private final FileOpener opener;
    private byte[] buf = new byte[INITIAL_CAPACITY];
    private ByteBuffer wrapper = ByteBuffer.wrap(buf);
    private int length;

    public ProcFileReader() {
        this(FileOpener.DEFAULT);
    }

    public ProcFileReader(FileOpener opener) {
        this.opener = opener;
    }

    /** Reads {@code path} completely. On anything but {@link ReadStatus#OK} the length is 0. */
    public ReadStatus read(Path path) {
        length = 0;
        if (buf.length > SHRINK_ABOVE) {
            buf = new byte[INITIAL_CAPACITY];
            wrapper = ByteBuffer.wrap(buf);
        }
        try (FileChannel ch = opener.open(path)) {
            fill(ch);
            return ReadStatus.OK;
        } catch (NoSuchFileException e) {
            length = 0;
            return ReadStatus.MISSING;
        } catch (AccessDeniedException e) {
            length = 0;
            return ReadStatus.DENIED;
        } catch (IOException | RuntimeException e) {
            // ESRCH ("No such process") for exited processes and kernel threads, EIO, ...
            length = 0;
            return ReadStatus.ERROR;
        }
    }

    private void fill(FileChannel ch) throws IOException {
        while (true) {
            if (length == buf.length && !grow()) {
                return;
            }
            wrapper.limit(buf.length).position(length);
            int n = ch.read(wrapper);
            if (n <= 0) {
                return;
            }
            length += n;
        }
    }

    private boolean grow() {
        if (buf.length >= MAX_CAPACITY) {
            return false;
        }
        byte[] bigger = new byte[Math.min(MAX_CAPACITY, buf.length * 2)];
        System.arraycopy(buf, 0, bigger, 0, length);
        buf = bigger;
        wrapper = ByteBuffer.wrap(buf);
        return true;
    }

    /** The buffer holding the last file read; valid in {@code [0, length())}. */
    public byte[] bytes() {
        return buf;
    }

    /** Bytes of the last file read (0 unless it was {@link ReadStatus#OK}). */
    public int length() {
        return length;
    }
}
