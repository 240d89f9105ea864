package io.herakles.procmem.collect;

import java.util.OptionalLong;

/**
 * The fields we use from {@code /proc/meminfo}, in bytes; each absent when missing. Immutable.
 */
public record MemInfo(OptionalLong memTotal, OptionalLong memAvailable, OptionalLong swapTotal,
        OptionalLong swapFree) {

    public static final MemInfo UNKNOWN =
            new MemInfo(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    private static final byte[][] KEYS = {
        Bytes.ascii("MemTotal:"), Bytes.ascii("MemAvailable:"), Bytes.ascii("SwapTotal:"), Bytes.ascii("SwapFree:"),
    };

    /** Parses {@code meminfo}; never fails. */
    public static MemInfo parse(byte[] b, int len) {
        long[] v = new long[KEYS.length];
        KeyedLines.scan(b, len, KEYS, v);
        return new MemInfo(KeyedLines.kbToBytes(v[0]), KeyedLines.kbToBytes(v[1]), KeyedLines.kbToBytes(v[2]),
                KeyedLines.kbToBytes(v[3]));
    }
}
