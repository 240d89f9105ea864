package io.herakles.procmem.engine;

import io.herakles.procmem.collect.CpuMath;
import io.herakles.procmem.collect.PidStat;
import io.herakles.procmem.collect.ProcStatus;
import io.herakles.procmem.collect.SmapsRollup;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import java.time.Instant;
import java.util.OptionalLong;

/** Turns the engine's per-process state into the immutable model record. Stateless. */
final class Samples {

    private Samples() {}

    /**
     * @param monoNow the engine clock's {@code nanoTime} at {@code wallNow}, to turn the monotonic
     *                time of the rollup read into a wall-clock time
     */
    static ProcessSample toSample(TrackedProcess t, OptionalLong bootTimeSeconds, long monoNow, Instant wallNow) {
        ProcStatus st = t.status;
        SmapsRollup r = t.rollup;
        MemoryBreakdown memory = new MemoryBreakdown(
                st == null ? OptionalLong.empty() : st.rssAnon(),
                st == null ? OptionalLong.empty() : st.rssFile(),
                st == null ? OptionalLong.empty() : st.rssShmem(),
                st == null ? OptionalLong.empty() : st.vmSwap(),
                r == null ? OptionalLong.empty() : r.pssAnon(),
                r == null ? OptionalLong.empty() : r.pssFile(),
                r == null ? OptionalLong.empty() : r.pssShmem(),
                r == null ? OptionalLong.empty() : r.swapPss());
        return ProcessSample.builder(t.pid, t.name)
                .ppid(t.ppid)
                .cmdline(t.cmdline)
                .uid(t.uid)
                .user(t.user)
                .state(t.state)
                .threads(t.threads)
                .startTime(startTime(t.startTicks, bootTimeSeconds))
                .rssBytes(t.rssBytes)
                .pssBytes(t.pss())
                .ussBytes(t.uss())
                .pssUssTime(r == null ? null : wallNow.minusNanos(monoNow - t.rollupNanos))
                .memory(memory)
                .cpuPercent(t.cpuPercent)
                .cpuTimeSeconds(CpuMath.seconds(t.cpuTicks))
                .group(t.classification == null ? GroupKey.OTHER : t.classification.group())
                .matchedRule(t.classification == null ? "" : t.classification.rule())
                .build();
    }

    /** boot time + start ticks / CLK_TCK; null when the boot time is unknown. */
    static Instant startTime(long startTicks, OptionalLong bootTimeSeconds) {
        if (bootTimeSeconds.isEmpty()) {
            return null;
        }
        return PidStat.startInstant(startTicks, bootTimeSeconds.getAsLong());
    }
}
