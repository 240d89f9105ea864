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
    long rssBytes;
    long cpuTicks;
    double cpuPercent;
    long sampleNanos = NEVER;

    // tier 2: memory details on their own cadence
    ProcStatus status;
    long statusTick = -1;
    SmapsRollup rollup;
    boolean rollupDenied;
    long rollupNanos = NEVER;
    long rollupCostNanos;

    TrackedProcess(int pid, long startTicks) {
        this.pid = pid;
        this.startTicks = startTicks;
    }

    /** Records one tier-0 sample; CPU percent from the delta to the previous one (0 on first sight). */
    void observe(PidStat stat, long rss, long nowNanos, long tick) {
        cpuPercent = sampleNanos == NEVER ? 0 : CpuMath.percent(cpuTicks, stat.cpuTicks(), sampleNanos, nowNanos);
        cpuTicks = stat.cpuTicks();
        sampleNanos = nowNanos;
        state = stat.state();
        ppid = stat.ppid();
        threads = stat.numThreads();
        rssBytes = rss;
        seenTick = tick;
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
