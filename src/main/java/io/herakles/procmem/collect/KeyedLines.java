package io.herakles.procmem.collect;

import java.util.OptionalLong;

/**
 * One-pass scanner for {@code Key: value [kB]} files ({@code status}, {@code meminfo},
 * {@code smaps_rollup}, {@code smaps}). Keys include their colon so that {@code Pss:} does not match
 * {@code Pss_Anon:}. Values of repeated keys are summed (that is how {@code smaps} is totalled).
 * Stateless, thread-safe; allocation-free apart from the caller's result array.
 */
final class KeyedLines {

    private KeyedLines() {}

    /**
     * Fills {@code out[k]} with the sum of the first number on every line starting with
     * {@code keys[k]}, or {@link Bytes#NONE} when no such line has a number.
     */
    static void scan(byte[] b, int len, byte[][] keys, long[] out) {
        java.util.Arrays.fill(out, Bytes.NONE);
        int[] end = new int[1];
        int line = 0;
        while (line < len) {
            int eol = Bytes.indexOf(b, (byte) '\n', line, len);
            if (eol < 0) {
                eol = len;
            }
            for (int k = 0; k < keys.length; k++) {
                byte[] key = keys[k];
                if (startsWith(b, line, eol, key)) {
                    long v = Bytes.unsigned(b, line + key.length, eol, end);
                    if (v != Bytes.NONE) {
                        out[k] = out[k] == Bytes.NONE ? v : out[k] + v;
                    }
                    break;
                }
            }
            line = eol + 1;
        }
    }

    static boolean startsWith(byte[] b, int from, int to, byte[] key) {
        if (to - from < key.length) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (b[from + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code v} kB as bytes, or absent. */
    static OptionalLong kbToBytes(long v) {
        return v == Bytes.NONE ? OptionalLong.empty() : OptionalLong.of(v * 1024);
    }

    /** {@code v}, or absent. */
    static OptionalLong plain(long v) {
        return v == Bytes.NONE ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
