package io.herakles.procmem.export.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class GzipSpliceTest {

    @Test
    void headAndTailDecompressToBothInOrder() throws Exception {
        byte[] head = text(300_000, 1);
        byte[] tail = "the tail\n# EOF\n".getBytes(StandardCharsets.UTF_8);
        GzipSplice.Head h = GzipSplice.head(head);
        byte[] gz = concat(h.bytes(), GzipSplice.tail(h, tail));
        assertThat(gunzip(gz)).isEqualTo(concat(head, tail));
        assertThat(h.bytes().length).isLessThan(head.length / 2);
    }

    @Test
    void theSameHeadServesDifferentTails() throws Exception {
        byte[] head = text(10_000, 2);
        GzipSplice.Head h = GzipSplice.head(head);
        for (String t : new String[] {"", "a\n", new String(text(70_000, 3), StandardCharsets.UTF_8)}) {
            byte[] tail = t.getBytes(StandardCharsets.UTF_8);
            assertThat(gunzip(concat(h.bytes(), GzipSplice.tail(h, tail)))).isEqualTo(concat(head, tail));
        }
    }

    @Test
    void anEmptyHeadGivesAnOrdinaryGzipOfTheTail() throws Exception {
        byte[] tail = text(5_000, 4);
        assertThat(gunzip(concat(GzipSplice.EMPTY.bytes(), GzipSplice.tail(GzipSplice.EMPTY, tail)))).isEqualTo(tail);
    }

    /** Not a concatenation of members: one deflate stream ends exactly before the 8-byte trailer. */
    @Test
    void theResultIsOneGzipMember() throws Exception {
        byte[] head = text(100_000, 5);
        GzipSplice.Head h = GzipSplice.head(head);
        byte[] gz = concat(h.bytes(), GzipSplice.tail(h, "tail\n".getBytes(StandardCharsets.UTF_8)));
        Inflater inflater = new Inflater(true);
        inflater.setInput(gz, 10, gz.length - 10);
        byte[] out = new byte[200_000];
        int n = 0;
        while (!inflater.finished()) {
            n += inflater.inflate(out, n, out.length - n);
        }
        assertThat(inflater.getRemaining()).isEqualTo(8);
        assertThat(n).isEqualTo(head.length + 5);
        inflater.end();
    }

    @Test
    void crcContinuesLikeTheJdksOverTheConcatenation() {
        byte[] a = text(1000, 6);
        byte[] b = text(777, 7);
        CRC32 first = new CRC32();
        first.update(a);
        CRC32 both = new CRC32();
        both.update(a);
        both.update(b);
        assertThat(GzipSplice.crc32((int) first.getValue(), b)).isEqualTo((int) both.getValue());
        assertThat(GzipSplice.crc32(0, new byte[0])).isZero();
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Exposition-like text: repetitive, with random numbers. */
    private static byte[] text(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 100);
        while (out.size() < length) {
            out.writeBytes(("herakles_proc_mem_rss_bytes{pid=\"" + random.nextInt(100_000) + "\"} "
                    + random.nextLong(1L << 40) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }
}
