package io.herakles.procmem.engine;

import io.herakles.procmem.classify.Classification;
import io.herakles.procmem.collect.CpuMath;
import io.herakles.procmem.collect.PidStat;
import io.herakles.procmem.collect.ProcStatus;
import io.herakles.procmem.collect.SmapsRollup;
import java.util.OptionalLong;

/**
 * What the engine remembers about one process between ticks, keyed by (pid, start time): a pid
 * whose start time changes is a new process and gets a new instance.
 *
 * <p>Mutable. Thread confinement: during a tick exactly one worker thread touches a given instance
 * in each phase, and the phases are separated by the pool's join (happens-before); between ticks
 * only the sampler thread reads it.
 */
final class TrackedProcess {

    static final long NEVER = Long.MIN_VALUE;

    final int pid;
    final long startTicks;

    // tier 1: names and classification, read on first sight and refreshed slowly
    String name = "";
    String comm = "";
    String cmdline = "";
    int uid = -1;
    String user = "";
    Classification classification;
    /** Filtered out by name or classifier: kept to remember the decision, never sampled. */
    boolean dropped;
    long namesReadNanos = NEVER;

    // tier 0: every tick
    long seenTick = -1;
    boolean gone;
    char state = '?';
    int ppid;
    int threads;
    /** Resident bytes from {@code statm}, re-read only when {@link #memorySignalsMoved} (or at the bound). */
    long rssBytes;
    long rssNanos = NEVER;
    /** Minor + major page faults so far ({@code stat}): every page this process maps in counts here. */
    long faults;
    /**
     * {@code stat}'s resident pages: on recent kernels an approximate per-CPU counter (only
     * {@code statm} sums it exactly), so it is a change signal and never shown.
     */
    long statRssPages;
    long faultsAtRss = -1;
    long statRssAtRss = -1;
    long cpuTicks;
    double cpuPercent;
    long sampleNanos = NEVER;

    // tier 2: memory details, read again when the tier-0 memory counters moved or the bound expired
    ProcStatus status;
    long statusTick = -1;
    SmapsRollup rollup;
    boolean rollupDenied;
    /** The last attempt gave no rollup (denied, no address space, malformed): retried on a back-off. */
    boolean rollupFailed;
    long rollupNanos = NEVER;
    long rollupCostNanos;
    /** When the age bound forces the next read even if the counters stay put. */
    long refreshByNanos = NEVER;
    /** {@link #faults} and {@link #statRssPages} as they were when the rollup was read. */
    long faultsAtRollup = -1;
    long statRssAtRollup = -1;
    /** This tick's {@link RollupSchedule#dueKey}; set and read by the sampler thread in phase 3. */
    long dueKey;

    TrackedProcess(int pid, long startTicks) {
        this.pid = pid;
        this.startTicks = startTicks;
    }

    /** Records one tier-0 sample; CPU percent from the delta to the previous one (0 on first sight). */
    void observe(PidStat stat, long nowNanos, long tick) {
        cpuPercent = sampleNanos == NEVER ? 0 : CpuMath.percent(cpuTicks, stat.cpuTicks(), sampleNanos, nowNanos);
        cpuTicks = stat.cpuTicks();
        sampleNanos = nowNanos;
        state = stat.state();
        ppid = stat.ppid();
        threads = stat.numThreads();
        faults = stat.minorFaults() + stat.majorFaults();
        statRssPages = stat.rssPages();
        seenTick = tick;
    }

    /** Records an exact resident size read at {@code nowNanos} with this tick's signals. */
    void rssRead(long bytes, long nowNanos) {
        rssBytes = bytes;
        rssNanos = nowNanos;
        faultsAtRss = faults;
        statRssAtRss = statRssPages;
    }

    /** Whether {@code stat}'s memory signals moved since the resident size was read. */
    boolean memorySignalsMovedSinceRss() {
        return faults != faultsAtRss || statRssPages != statRssAtRss;
    }

    /**
     * Whether the memory may have changed since the rollup was read. Faults catch every page mapped
     * in (also when another page left at the same time, so the resident count stays level); the
     * resident count catches pages leaving (unmap, reclaim, swap-out) once they reach the kernel's
     * per-CPU counter batch. What neither sees, such as pages becoming shared by a fork or freed by
     * another process, waits for the age bound.
     */
    boolean memoryChangedSinceRollup() {
        return faults != faultsAtRollup || statRssPages != statRssAtRollup;
    }

    /** Records a rollup attempt that ended at {@code endNanos} (the counters are this tick's). */
    void rollupRead(SmapsRollup r, boolean denied, long beginNanos, long endNanos, long refreshDelayNanos) {
        rollup = r;
        rollupDenied = denied;
        rollupFailed = r == null;
        rollupNanos = endNanos;
        rollupCostNanos = endNanos - beginNanos;
        refreshByNanos = endNanos + refreshDelayNanos;
        faultsAtRollup = faults;
        statRssAtRollup = statRssPages;
    }

    void status(ProcStatus s) {
        status = s;
        if (s.uid() >= 0) {
            uid = s.uid();
        }
    }

    OptionalLong pss() {
        return rollup == null ? OptionalLong.empty() : OptionalLong.of(rollup.pss());
    }

    OptionalLong uss() {
        return rollup == null ? OptionalLong.empty() : OptionalLong.of(rollup.uss());
    }
}
