package io.herakles.procmem.engine;

import java.time.Duration;

/**
 * When a process's {@code smaps_rollup} (PSS/USS) is read again. Reading it walks the process's
 * page tables, which costs several times the whole rest of a pass, so it is read:
 * <ul>
 * <li>on first sight of (pid, start time);</li>
 * <li>when the memory counters of {@code stat} moved since the last read (the next tick shows the
 *     new PSS/USS);</li>
 * <li>when the last read is about to be older than {@link CollectorTuning#rollupMaxAge()}, since
 *     PSS also moves when <i>other</i> processes map or unmap shared pages, which no counter of
 *     this process shows;</li>
 * <li>for a process whose rollup could not be read (permission denied, no address space), only
 *     every {@link #UNREADABLE_RETRY} or the age bound, whichever is longer: permissions do not
 *     follow memory counters, and a busy unreadable process must not be retried every tick.</li>
 * </ul>
 * All of this is subject to the minimum age of {@link CollectorTuning#rollupInterval()} and the
 * guards against slow and huge processes. Due processes are read earliest deadline first, so a
 * time budget that runs out defers the least overdue ones and none is starved. Stateless.
 */
final class RollupSchedule {

    /** Key of a process that is not due this tick. */
    static final long NOT_DUE = Long.MAX_VALUE;
    /** Back-off for processes whose rollup could not be read. */
    static final Duration UNREADABLE_RETRY = Duration.ofSeconds(60);
    /** RSS from which a process counts as huge: its rollup waits at least four intervals. */
    private static final long HUGE_RSS_BYTES = 64L << 30;

    private RollupSchedule() {}

    /**
     * The deadline by which {@code t}'s rollup should be read (the sort key: smaller is more urgent),
     * or {@link #NOT_DUE}.
     */
    static long dueKey(TrackedProcess t, CollectorTuning tuning, long now) {
        if (t.rollupNanos == TrackedProcess.NEVER) {
            return Long.MIN_VALUE;
        }
        long age = now - t.rollupNanos;
        long interval = tuning.rollupInterval().toNanos();
        long minAge = Math.max(interval, t.rollupCostNanos * tuning.slowReadFactor());
        if (t.rssBytes >= HUGE_RSS_BYTES) {
            minAge = Math.max(minAge, 4 * interval);
        }
        if (age < minAge) {
            return NOT_DUE;
        }
        if (t.rollupFailed) {
            long retryBy = t.rollupNanos + Math.max(tuning.rollupMaxAge().toNanos(), UNREADABLE_RETRY.toNanos());
            return now - (retryBy - interval) >= 0 ? retryBy : NOT_DUE;
        }
        if (t.memoryChangedSinceRollup()) {
            return Math.min(now, t.refreshByNanos);
        }
        // brought forward by the margin, so that jitter never lets the value outlive the bound by a tick
        return now - (t.refreshByNanos - interval) >= 0 ? t.refreshByNanos : NOT_DUE;
    }

    /**
     * Whether the exact resident size ({@code statm}) is read this tick: on first sight, when
     * {@code stat}'s memory signals moved, or when it reaches the same age bound as PSS/USS (every
     * tick with a bound of zero, as before change detection). {@code stat}'s own resident count is
     * not shown: on recent kernels (seen on 6.18) {@code statm}, {@code status} and
     * {@code smaps_rollup} sum the per-CPU counters exactly while {@code stat} reads the approximate
     * total, and small processes differed by 10 % and more.
     */
    static boolean rssDue(TrackedProcess t, CollectorTuning tuning, long now) {
        if (t.rssNanos == TrackedProcess.NEVER || t.memorySignalsMovedSinceRss()) {
            return true;
        }
        long dueAt = t.rssNanos + tuning.rollupMaxAge().toNanos() - tuning.rollupInterval().toNanos();
        return now - dueAt >= 0;
    }

    /**
     * How long after this read the age bound forces the next one. After the first read of a
     * process it is a fraction between 1/2 and 1 of the bound, spread by (pid, start time), so a
     * population that appeared together (the first tick) is not re-read all in one tick ever after.
     */
    static long refreshDelay(TrackedProcess t, CollectorTuning tuning, boolean firstRead) {
        long maxAge = tuning.rollupMaxAge().toNanos();
        if (!firstRead || maxAge == 0) {
            return maxAge;
        }
        return maxAge / 2 + (long) (maxAge / 2 * spread(t.pid, t.startTicks));
    }

    /** A well-mixed fraction in (0, 1] of a process's identity. */
    static double spread(int pid, long startTicks) {
        long h = (pid * 0x9E3779B97F4A7C15L) ^ (startTicks * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return ((h >>> 11) + 1) * 0x1.0p-53;
    }
}
