package io.herakles.procmem.model;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * System-wide figures of one tick. Immutable.
 *
 * @param memTotalBytes     MemTotal of {@code /proc/meminfo}, absent when unreadable
 * @param memAvailableBytes MemAvailable, absent when unreadable
 * @param swapTotalBytes    SwapTotal, absent when unreadable
 * @param swapFreeBytes     SwapFree, absent when unreadable
 * @param load1             {@code /proc/loadavg} field 1, absent when unreadable
 * @param load5             field 2
 * @param load15            field 3
 * @param cpuUsageRatio     busy ratio 0..1 per {@code /proc/stat} cpu line ({@code cpu}, {@code cpu0}, ...)
 *                          over the last tick; empty on the first tick. Sorted by label.
 * @param cpuCount          online CPUs (number of {@code cpuN} lines), 0 when unknown
 */
public record SystemSample(
        OptionalLong memTotalBytes,
        OptionalLong memAvailableBytes,
        OptionalLong swapTotalBytes,
        OptionalLong swapFreeBytes,
        OptionalDouble load1,
        OptionalDouble load5,
        OptionalDouble load15,
        Map<String, Double> cpuUsageRatio,
        int cpuCount) {

    public static final SystemSample UNKNOWN = new SystemSample(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), Map.of(), 0);

    public SystemSample {
        Objects.requireNonNull(memTotalBytes);
        Objects.requireNonNull(memAvailableBytes);
        Objects.requireNonNull(swapTotalBytes);
        Objects.requireNonNull(swapFreeBytes);
        Objects.requireNonNull(load1);
        Objects.requireNonNull(load5);
        Objects.requireNonNull(load15);
        cpuUsageRatio = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(cpuUsageRatio));
    }

    /** 1 − available/total (upstream's {@code herakles_system_memory_used_ratio}), absent when unknown. */
    public OptionalDouble memoryUsedRatio() {
        if (memTotalBytes.isEmpty() || memAvailableBytes.isEmpty()) {
            return OptionalDouble.empty();
        }
        long total = memTotalBytes.getAsLong();
        return total == 0 ? OptionalDouble.of(0) : OptionalDouble.of(1.0 - (double) memAvailableBytes.getAsLong() / total);
    }

    /** Total CPU busy ratio (the {@code cpu} line), absent on the first tick. */
    public OptionalDouble totalCpuRatio() {
        Double v = cpuUsageRatio.get("cpu");
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
