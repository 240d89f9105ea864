package io.herakles.procmem.collect;

/** CPU arithmetic shared by the per-process and system figures. Stateless; doubles throughout (docs/UPSTREAM.md#u12-cpu-values-are-doubles). */
public final class CpuMath {

    private CpuMath() {}

    /** (utime + stime) ticks as seconds. */
    public static double seconds(long ticks) {
        return (double) ticks / ProcFs.CLK_TCK;
    }

    /**
     * Percent of one core used between two samples: 100 × Δticks/CLK_TCK ÷ Δwall-seconds (upstream
     * semantics, may exceed 100). 0 when there is no forward progress in either value.
     */
    public static double percent(long prevTicks, long nowTicks, long prevNanos, long nowNanos) {
        long dTicks = nowTicks - prevTicks;
        long dNanos = nowNanos - prevNanos;
        if (dTicks <= 0 || dNanos <= 0) {
            return 0;
        }
        return 100.0 * seconds(dTicks) / (dNanos / 1e9);
    }

    /** Busy ratio (Δtotal − Δidle)/Δtotal of a {@code /proc/stat} line, as upstream computes it, 0 when Δtotal is 0; saturating. */
    public static double busyRatio(CpuStat.CpuTimes prev, CpuStat.CpuTimes now) {
        long dTotal = Math.max(0, now.total() - prev.total());
        long dIdle = Math.max(0, now.idle() - prev.idle());
        if (dTotal == 0) {
            return 0;
        }
        return (double) Math.max(0, dTotal - dIdle) / dTotal;
    }
}
