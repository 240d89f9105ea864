package io.herakles.procmem.collect;

import java.nio.charset.StandardCharsets;

/**
 * Total (never-throwing) helpers for parsing {@code /proc} text held in byte arrays. {@code /proc}
 * numbers are ASCII decimal; text is decoded leniently (invalid UTF-8 becomes U+FFFD).
 * Stateless, thread-safe.
 */
final class Bytes {

    /** Returned by the number scanners when no number is there. */
    static final long NONE = Long.MIN_VALUE;

    private Bytes() {}

    /** Lenient UTF-8: malformed sequences become U+FFFD, never an exception. */
    static String text(byte[] b, int from, int to) {
        if (to <= from) {
            return "";
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    static int skipSpaces(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Parses an unsigned decimal starting at {@code i} (leading blanks skipped); the end index is
     * written to {@code endOut[0]}. Returns {@link #NONE} when there is no digit or on overflow.
     */
    static long unsigned(byte[] b, int i, int end, int[] endOut) {
        i = skipSpaces(b, i, end);
        long v = 0;
        int start = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            int d = b[i] - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                endOut[0] = i;
                return NONE;
            }
            v = v * 10 + d;
            i++;
        }
        endOut[0] = i;
        return i == start ? NONE : v;
    }

    /** Index of the first {@code c} in {@code [from, to)}, or -1. */
    static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the last {@code c} in {@code [from, to)}, or -1. */
    static int lastIndexOf(byte[] b, byte c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** ASCII bytes of a key such as {@code "Pss:"}. */
    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
