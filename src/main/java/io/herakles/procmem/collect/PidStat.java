package io.herakles.procmem.collect;

import java.time.Instant;
import java.util.Optional;

/**
 * The fields we use from {@code /proc/PID/stat}. Immutable.
 *
 * <p>The name is the text between the <b>first</b> {@code (} and the <b>last</b> {@code )}; all
 * numeric fields are counted after the last {@code )}, so names holding spaces or parentheses do
 * not shift them (docs/UPSTREAM.md#u11-stat-parsed-after-the-last-parenthesis). CPU times and the start time are in clock ticks
 * ({@link ProcFs#CLK_TCK} per second).
 *
 * @param pid        process id
 * @param comm       kernel name (≤ 15 bytes, leniently decoded), may be empty
 * @param state      one-letter state
 * @param ppid       parent pid
 * @param utimeTicks user CPU time
 * @param stimeTicks system CPU time
 * @param numThreads threads
 * @param startTicks start time after boot
 * @param minorFaults page faults that did not need I/O, summed over the threads (cumulative)
 * @param majorFaults page faults that needed I/O (swap-in, file read), summed over the threads (cumulative)
 * @param vsizeBytes virtual size; 0 for processes without an address space (kernel threads, zombies)
 * @param rssPages   resident pages; on recent kernels an approximation of {@code statm}'s exact
 *                   figure (per-CPU counter deltas not yet folded in), good as a change signal only
 */
public record PidStat(int pid, String comm, char state, int ppid, long utimeTicks, long stimeTicks,
        int numThreads, long startTicks, long minorFaults, long majorFaults, long vsizeBytes, long rssPages) {

    /**
     * Fields after ")" counted from 0: state is 0, ppid 1, minflt 7, majflt 9, utime 11, stime 12,
     * threads 17, starttime 19, vsize 20, rss 21.
     */
    private static final int STATE = 0;
    private static final int PPID = 1;
    private static final int MINFLT = 7;
    private static final int MAJFLT = 9;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int THREADS = 17;
    private static final int START = 19;
    private static final int VSIZE = 20;
    private static final int RSS = 21;

    /**
     * Wall-clock start of a process that started {@code startTicks} after a boot at
     * {@code bootTimeSeconds} ({@code btime} of {@code /proc/stat}), to the millisecond. The one
     * formula for start times, so a start time read again later compares equal to a collected one.
     */
    public static Instant startInstant(long startTicks, long bootTimeSeconds) {
        return Instant.ofEpochSecond(bootTimeSeconds).plusMillis(startTicks * 1000 / ProcFs.CLK_TCK);
    }

    /** user + system CPU time in ticks. */
    public long cpuTicks() {
        return utimeTicks + stimeTicks;
    }

    /** Parses a {@code stat} file; empty when malformed or truncated. */
    public static Optional<PidStat> parse(byte[] b, int len) {
        int open = Bytes.indexOf(b, (byte) '(', 0, len);
        int close = Bytes.lastIndexOf(b, (byte) ')', 0, len);
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        int[] end = new int[1];
        long pid = Bytes.unsigned(b, 0, open, end);
        long[] f = new long[RSS + 1];
        char state = '?';
        int i = close + 1;
        for (int field = 0; field <= RSS; field++) {
            i = Bytes.skipSpaces(b, i, len);
            if (i >= len) {
                return Optional.empty();
            }
            if (field == STATE) {
                state = (char) (b[i] & 0x7F);
                while (i < len && !Bytes.isSpace(b[i])) {
                    i++;
                }
                continue;
            }
            if (b[i] == '-') { // tty_nr/priority etc. may be negative; we only need unsigned fields
                i++;
            }
            f[field] = Bytes.unsigned(b, i, len, end);
            if (f[field] == Bytes.NONE) {
                return Optional.empty();
            }
            i = end[0];
        }
        if (pid == Bytes.NONE || pid > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new PidStat((int) pid, Bytes.text(b, open + 1, close), state, (int) f[PPID],
                f[UTIME], f[STIME], (int) Math.min(Integer.MAX_VALUE, f[THREADS]), f[START], f[MINFLT], f[MAJFLT],
                f[VSIZE], f[RSS]));
    }
}
