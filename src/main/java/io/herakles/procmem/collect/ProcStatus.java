package io.herakles.procmem.collect;

import java.util.OptionalLong;

/**
 * The fields we use from {@code /proc/PID/status}. Immutable. Memory values in bytes; each is absent
 * where the kernel does not print it (kernel threads have no {@code Vm*}/{@code Rss*} lines).
 *
 * @param uid      real uid, -1 when missing
 * @param threads  Threads, 0 when missing
 * @param vmSwap   VmSwap
 * @param rssAnon  RssAnon
 * @param rssFile  RssFile
 * @param rssShmem RssShmem
 */
public record ProcStatus(int uid, int threads, OptionalLong vmSwap, OptionalLong rssAnon, OptionalLong rssFile,
        OptionalLong rssShmem) {

    private static final byte[][] KEYS = {
        Bytes.ascii("Uid:"), Bytes.ascii("Threads:"), Bytes.ascii("VmSwap:"),
        Bytes.ascii("RssAnon:"), Bytes.ascii("RssFile:"), Bytes.ascii("RssShmem:"),
    };

    /** Parses a {@code status} file; never fails (missing lines are absent). */
    public static ProcStatus parse(byte[] b, int len) {
        long[] v = new long[KEYS.length];
        KeyedLines.scan(b, len, KEYS, v);
        int uid = v[0] == Bytes.NONE || v[0] > Integer.MAX_VALUE ? -1 : (int) v[0];
        int threads = v[1] == Bytes.NONE ? 0 : (int) Math.min(Integer.MAX_VALUE, v[1]);
        return new ProcStatus(uid, threads, KeyedLines.kbToBytes(v[2]), KeyedLines.kbToBytes(v[3]),
                KeyedLines.kbToBytes(v[4]), KeyedLines.kbToBytes(v[5]));
    }
}
