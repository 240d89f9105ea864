package io.herakles.procmem.export.recording;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * What the gzip header of every version-2 member says about the member, in an extra field
 * (RFC 1952 FEXTRA, subfield {@code HR}, as BGZF keeps its block size there): the line's kind, the
 * member's whole length in bytes, and the sample's time. Opening a recording walks these headers
 * from member to member without inflating anything; {@code zcat} and {@code GZIPInputStream} skip
 * the field. Immutable.
 *
 * @param kind       {@link #HEADER}, {@link #KEYFRAME} or {@link #DELTA}
 * @param length     bytes from the member's first byte to the end of its trailer
 * @param timeMillis the sample's time, epoch milliseconds (the recording's start for the header)
 */
record MemberTag(char kind, long length, long timeMillis) {

    static final char HEADER = 'H';
    static final char KEYFRAME = 'K';
    static final char DELTA = 'D';

    private static final int FEXTRA = 0x04;
    private static final int OS_UNIX = 3;
    /** Fixed header (10) + XLEN (2) + subfield id and length (4) + payload. */
    private static final int PAYLOAD = 13;
    static final int HEADER_LENGTH = 10 + 2 + 4 + PAYLOAD;
    private static final int TRAILER_LENGTH = 8;
    private static final long MAX_LENGTH = 0xffffffffL;

    /** What {@link #peek} found at an offset. */
    sealed interface Peek permits Found, Cut, Untagged, NotGzip {}

    /** A tagged member that lies wholly inside the file. */
    record Found(MemberTag tag) implements Peek {}

    /** The file ends inside the member (or its header) starting here. */
    record Cut() implements Peek {}

    /** A gzip member without our tag: a version-1 recording or foreign gzip data. */
    record Untagged() implements Peek {}

    /** Not the start of a gzip member at all. */
    record NotGzip() implements Peek {}

    /** The gzip member holding {@code line}, tagged; {@code deflater} is reset and reused. */
    static byte[] member(char kind, long timeMillis, byte[] line, Deflater deflater) {
        deflater.reset();
        deflater.setInput(line);
        deflater.finish();
        ByteArrayOutputStream body = new ByteArrayOutputStream(line.length / 4 + 64);
        byte[] chunk = new byte[1 << 16];
        while (!deflater.finished()) {
            int n = deflater.deflate(chunk);
            body.write(chunk, 0, n);
        }
        long length = HEADER_LENGTH + (long) body.size() + TRAILER_LENGTH;
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("a recording line compresses to more than 4 GiB");
        }
        CRC32 crc = new CRC32();
        crc.update(line);
        ByteBuffer out = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x1f).put((byte) 0x8b).put((byte) 8).put((byte) FEXTRA).putInt(0).put((byte) 0)
                .put((byte) OS_UNIX);
        out.putShort((short) (4 + PAYLOAD)).put((byte) 'H').put((byte) 'R').putShort((short) PAYLOAD);
        out.put((byte) kind).putInt((int) length).putLong(timeMillis);
        out.put(body.toByteArray());
        out.putInt((int) crc.getValue()).putInt(line.length);
        return out.array();
    }

    /** Reads the member header at {@code offset} of {@code file} without inflating. */
    static Peek peek(ByteBuffer file, long offset) {
        long limit = file.limit();
        if (offset + 3 > limit) {
            return onlyZeros(file, offset) || offset + 3 > limit ? new Cut() : new NotGzip();
        }
        int at = (int) offset;
        if ((file.get(at) & 0xff) != 0x1f || (file.get(at + 1) & 0xff) != 0x8b || file.get(at + 2) != 8) {
            return onlyZeros(file, offset) ? new Cut() : new NotGzip();
        }
        if (offset + HEADER_LENGTH > limit) {
            return new Cut();
        }
        if ((file.get(at + 3) & FEXTRA) == 0 || u16(file, at + 10) != 4 + PAYLOAD || file.get(at + 12) != 'H'
                || file.get(at + 13) != 'R' || u16(file, at + 14) != PAYLOAD) {
            return new Untagged();
        }
        char kind = (char) (file.get(at + 16) & 0xff);
        long length = Integer.toUnsignedLong(u32(file, at + 17));
        long time = Integer.toUnsignedLong(u32(file, at + 21)) | (long) u32(file, at + 25) << 32;
        if (length < HEADER_LENGTH + TRAILER_LENGTH) {
            return new Untagged();
        }
        if (offset + length > limit) {
            return new Cut();
        }
        return new Found(new MemberTag(kind, length, time));
    }

    private static boolean onlyZeros(ByteBuffer file, long offset) {
        for (long i = offset; i < file.limit(); i++) {
            if (file.get((int) i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static int u16(ByteBuffer b, int at) {
        return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8;
    }

    private static int u32(ByteBuffer b, int at) {
        return u16(b, at) | u16(b, at + 2) << 16;
    }
}
