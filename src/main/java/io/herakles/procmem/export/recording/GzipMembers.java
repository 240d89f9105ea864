package io.herakles.procmem.export.recording;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks the gzip members of a file held in a buffer, one at a time, knowing each member's byte
 * offset: so a reader can say where a file is cut or corrupt, and tell the two apart (the JDK's
 * {@code GZIPInputStream} stops silently at a damaged member header and hides the position).
 * Not thread-safe; one instance per pass.
 */
final class GzipMembers {

    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int HEADER_LENGTH = 10;
    private static final int TRAILER_LENGTH = 8;

    /** What one step found. */
    sealed interface Step permits Member, End, Cut, Corrupt {}

    /**
     * A whole member: its offset, its end and its uncompressed bytes, the first {@code length} of
     * {@code data} (all of it, except for a {@link #oneMember(ByteBuffer, byte[]) reused} array).
     */
    record Member(long offset, long end, byte[] data, int length) implements Step {}

    /** No bytes left: the file ended at a member boundary. */
    record End() implements Step {}

    /**
     * The file ends inside the member at {@code offset}; {@code partial} is what could be inflated
     * before the end (complete lines in it are still good).
     */
    record Cut(long offset, byte[] partial) implements Step {}

    /** The member at {@code offset} is damaged; {@code reason} says how. */
    record Corrupt(long offset, String reason) implements Step {}

    /** The output buffer's smallest size. */
    private static final int MIN_OUTPUT = 1 << 12;
    /** Deflate's largest compression ratio (a run of one byte), so no member inflates to more than this times its size. */
    private static final int DEFLATE_MAX_RATIO = 1032;
    /** The largest output buffer a trailer's size field may ask for up front. */
    private static final int MAX_SIZE_HINT = 64 << 20;

    private final ByteBuffer file;
    private final boolean oneMember;
    /** An array the data may be inflated into and returned in, not trimmed; null: a new exact array per member. */
    private final byte[] reuse;
    private final Inflater inflater = new Inflater(true);

    GzipMembers(ByteBuffer file) {
        this(file, false, null);
    }

    private GzipMembers(ByteBuffer file, boolean oneMember, byte[] reuse) {
        this.file = file;
        this.oneMember = oneMember;
        this.reuse = reuse;
    }

    /**
     * For a buffer that should hold exactly one member (from its position to its limit, as a
     * recording's index says): its trailer then gives the size of the data, see {@link #firstOutputSize}.
     */
    static GzipMembers oneMember(ByteBuffer member) {
        return new GzipMembers(member, true, null);
    }

    /**
     * As {@link #oneMember(ByteBuffer)}, the data inflated into {@code reuse} when it is large
     * enough (else into a new array of the trailer's size) and returned in that array untrimmed:
     * the member's {@link Member#length} says how much of it is data. A reader that inflates one
     * line after another keeps one array instead of allocating a line-sized one for each (a
     * keyframe of 3,000 processes is over a megabyte, alive across the young generation's collections
     * while it is parsed, and so promoted).
     */
    static GzipMembers oneMember(ByteBuffer member, byte[] reuse) {
        return new GzipMembers(member, true, Objects.requireNonNull(reuse, "reuse"));
    }

    /** The next member from the buffer's position on; moves the position past it. */
    Step next() {
        int start = file.position();
        if (!file.hasRemaining()) {
            return new End();
        }
        if (onlyZerosLeft()) {
            // some file systems leave a zero-filled tail after a crash; nothing was written there
            return new Cut(start, new byte[0]);
        }
        int headerEnd = headerEnd(start);
        if (headerEnd == -1) {
            return new Cut(start, new byte[0]);
        }
        if (headerEnd == -2) {
            return new Corrupt(start, "not gzip data (no gzip member header)");
        }
        return inflate(start, headerEnd);
    }

    private Step inflate(int start, int headerEnd) {
        inflater.reset();
        ByteBuffer body = file.duplicate().position(headerEnd);
        inflater.setInput(body);
        int first = firstOutputSize(headerEnd);
        byte[] out = reuse != null && reuse.length >= first ? reuse : new byte[first];
        int size = 0;
        try {
            while (!inflater.finished()) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, Math.max(MIN_OUTPUT, out.length * 2));
                }
                int n = inflater.inflate(out, size, out.length - size);
                size += n;
                if (n == 0 && inflater.needsInput()) {
                    return new Cut(start, Arrays.copyOf(out, size));
                } else if (n == 0 && inflater.needsDictionary()) {
                    return new Corrupt(start, "deflate data asks for a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            return new Corrupt(start, "invalid compressed data (" + e.getMessage() + ")");
        }
        long trailerAt = headerEnd + inflater.getBytesRead();
        if (trailerAt + TRAILER_LENGTH > file.limit()) {
            return new Cut(start, out == reuse || size != out.length ? Arrays.copyOf(out, size) : out);
        }
        int at = (int) trailerAt;
        long storedCrc = Integer.toUnsignedLong(littleEndianInt(at));
        long storedSize = Integer.toUnsignedLong(littleEndianInt(at + 4));
        CRC32 crc = new CRC32();
        crc.update(out, 0, size);
        if (storedCrc != crc.getValue() || storedSize != (size & 0xffffffffL)) {
            return new Corrupt(start, "checksum mismatch");
        }
        file.position(at + TRAILER_LENGTH);
        byte[] data = size == out.length || reuse != null ? out : Arrays.copyOf(out, size);
        return new Member(start, at + TRAILER_LENGTH, data, size);
    }

    /**
     * The output buffer's first size. When the buffer holds exactly one member ({@link #oneMember}: a
     * recording's indexed sample), its trailer's size field is the member's uncompressed length, so the line is
     * inflated into one array of the right size instead of a doubling stream and its copies (most of
     * what a timeline jump allocated). A trailer is only a hint: a damaged one is capped by deflate's
     * largest ratio and {@link #MAX_SIZE_HINT}, and the array still grows when the data is longer.
     */
    private int firstOutputSize(int headerEnd) {
        int trailer = file.limit() - TRAILER_LENGTH;
        if (!oneMember || trailer <= headerEnd) {
            return MIN_OUTPUT;
        }
        long stated = Integer.toUnsignedLong(littleEndianInt(trailer + 4));
        long possible = (long) (trailer - headerEnd) * DEFLATE_MAX_RATIO;
        return (int) Math.max(MIN_OUTPUT, Math.min(stated, Math.min(possible, MAX_SIZE_HINT)));
    }

    /** Offset after the member header at {@code start}; -1 when the file ends inside it, -2 when it is not one. */
    private int headerEnd(int start) {
        int limit = file.limit();
        int[] magic = {0x1f, 0x8b, 0x08};
        for (int i = 0; i < magic.length; i++) {
            if (start + i >= limit) {
                return -1;
            }
            if ((file.get(start + i) & 0xff) != magic[i]) {
                return -2;
            }
        }
        if (start + HEADER_LENGTH > limit) {
            return -1;
        }
        int flags = file.get(start + 3) & 0xff;
        int at = start + HEADER_LENGTH;
        if ((flags & FEXTRA) != 0) {
            if (at + 2 > limit) {
                return -1;
            }
            at += 2 + ((file.get(at) & 0xff) | (file.get(at + 1) & 0xff) << 8);
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                while (at < limit && file.get(at) != 0) {
                    at++;
                }
                at++;
            }
        }
        if ((flags & FHCRC) != 0) {
            at += 2;
        }
        return at > limit ? -1 : at;
    }

    private boolean onlyZerosLeft() {
        for (int i = file.position(); i < file.limit(); i++) {
            if (file.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private int littleEndianInt(int at) {
        return (file.get(at) & 0xff) | (file.get(at + 1) & 0xff) << 8 | (file.get(at + 2) & 0xff) << 16
                | (file.get(at + 3) & 0xff) << 24;
    }

    void close() {
        inflater.end();
    }
}
