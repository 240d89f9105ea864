package io.herakles.procmem.export.prometheus;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip member (RFC 1952) made of a head compressed once and a tail compressed per response, so
 * a large unchanging head is never compressed again. The head is deflated with a sync flush: its
 * output ends on a byte boundary in a non-final block, and a second, independent deflate stream for
 * the tail may follow it directly (the tail's compressor never refers back into the head). The
 * trailer carries the CRC-32 and length of head and tail together; the CRC of the tail continues
 * from the head's. The result is a single ordinary member, readable by every gzip decoder (not a
 * concatenation of members, which some HTTP clients do not read past the first).
 *
 * <p>Stateless; the {@link Head} is immutable and may be shared between threads (do not modify
 * its bytes).
 */
final class GzipSplice {

    /** Magic, deflate, no flags, no time, no extra flags, OS "unknown". */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int[] CRC_TABLE = crcTable();

    /**
     * The compressed head: the gzip header and a sync-flushed deflate of the head's bytes.
     *
     * @param bytes  what to write first
     * @param crc    CRC-32 of the uncompressed head
     * @param length length of the uncompressed head, bytes
     */
    record Head(byte[] bytes, int crc, long length) {}

    static final Head EMPTY = new Head(HEADER.clone(), 0, 0);

    private GzipSplice() {}

    static Head head(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 6 + 64);
        out.writeBytes(HEADER);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(plain);
            byte[] buffer = new byte[64 * 1024];
            int n;
            do {
                // SYNC_FLUSH consumes all input; a full buffer means more output is pending
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(plain);
        return new Head(out.toByteArray(), (int) crc.getValue(), plain.length);
    }

    /** What follows {@code head.bytes()}: the final deflate stream of {@code plainTail} and the gzip trailer. */
    static byte[] tail(Head head, byte[] plainTail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plainTail.length / 2 + 64);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(plainTail);
            deflater.finish();
            byte[] buffer = new byte[Math.max(512, plainTail.length + 64)];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        writeIntLe(out, crc32(head.crc(), plainTail));
        writeIntLe(out, (int) (head.length() + plainTail.length)); // ISIZE: length modulo 2^32
        return out.toByteArray();
    }

    /** The CRC-32 of {@code a} followed by {@code bytes}, given the CRC-32 of {@code a}. */
    static int crc32(int crcSoFar, byte[] bytes) {
        int c = ~crcSoFar;
        for (byte b : bytes) {
            c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
        }
        return ~c;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
