package io.herakles.procmem.collect;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Memory totals of one process from {@code /proc/PID/smaps_rollup} (or, where that file is missing,
 * the sum over every mapping of {@code /proc/PID/smaps}). Immutable; bytes (the files say kB ×1024).
 *
 * <p>USS = Private_Clean + Private_Dirty, exactly as upstream. Pss_Anon/File/Shmem and SwapPss are
 * absent when the kernel does not print them (older kernels; {@code smaps} has no Pss_* split).
 *
 * @param rss          Rss
 * @param pss          Pss
 * @param privateClean Private_Clean
 * @param privateDirty Private_Dirty
 * @param swap         Swap
 * @param pssAnon      Pss_Anon
 * @param pssFile      Pss_File
 * @param pssShmem     Pss_Shmem
 * @param swapPss      SwapPss
 */
public record SmapsRollup(long rss, long pss, long privateClean, long privateDirty, long swap,
        OptionalLong pssAnon, OptionalLong pssFile, OptionalLong pssShmem, OptionalLong swapPss) {

    private static final byte[][] KEYS = {
        Bytes.ascii("Rss:"), Bytes.ascii("Pss:"), Bytes.ascii("Private_Clean:"),
        Bytes.ascii("Private_Dirty:"), Bytes.ascii("Swap:"), Bytes.ascii("Pss_Anon:"),
        Bytes.ascii("Pss_File:"), Bytes.ascii("Pss_Shmem:"), Bytes.ascii("SwapPss:"),
    };

    /** Unique set size in bytes. */
    public long uss() {
        return privateClean + privateDirty;
    }

    /**
     * Parses {@code smaps_rollup} or {@code smaps} text (repeated keys are summed). Empty when there
     * is no {@code Pss:} line (kernel threads, truncated or foreign files).
     */
    public static Optional<SmapsRollup> parse(byte[] b, int len) {
        long[] v = new long[KEYS.length];
        KeyedLines.scan(b, len, KEYS, v);
        if (v[1] == Bytes.NONE) {
            return Optional.empty();
        }
        return Optional.of(new SmapsRollup(kb(v[0]), kb(v[1]), kb(v[2]), kb(v[3]), kb(v[4]),
                KeyedLines.kbToBytes(v[5]), KeyedLines.kbToBytes(v[6]), KeyedLines.kbToBytes(v[7]),
                KeyedLines.kbToBytes(v[8])));
    }

    private static long kb(long v) {
        return v == Bytes.NONE ? 0 : v * 1024;
    }
}
