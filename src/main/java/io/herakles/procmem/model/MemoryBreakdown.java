package io.herakles.procmem.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where a process's memory lives, in bytes. Immutable.
 *
 * <p>The {@code rss*} and {@code swap} parts come from {@code /proc/PID/status} (RssAnon, RssFile,
 * RssShmem, VmSwap) and are readable for every process; the {@code pss*} parts and {@code swapPss}
 * come from {@code smaps_rollup} and are absent where that file is unreadable (not root, ptrace
 * rules) or the kernel does not report them. Absent is never zero.
 */
public record MemoryBreakdown(
        OptionalLong rssAnon,
        OptionalLong rssFile,
        OptionalLong rssShmem,
        OptionalLong swap,
        OptionalLong pssAnon,
        OptionalLong pssFile,
        OptionalLong pssShmem,
        OptionalLong swapPss) {

    public static final MemoryBreakdown UNKNOWN = new MemoryBreakdown(
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    public MemoryBreakdown {
        Objects.requireNonNull(rssAnon);
        Objects.requireNonNull(rssFile);
        Objects.requireNonNull(rssShmem);
        Objects.requireNonNull(swap);
        Objects.requireNonNull(pssAnon);
        Objects.requireNonNull(pssFile);
        Objects.requireNonNull(pssShmem);
        Objects.requireNonNull(swapPss);
    }

    /** Same breakdown with the {@code status}-derived parts replaced. */
    public MemoryBreakdown withStatus(OptionalLong rssAnon, OptionalLong rssFile, OptionalLong rssShmem,
            OptionalLong swap) {
        return new MemoryBreakdown(rssAnon, rssFile, rssShmem, swap, pssAnon, pssFile, pssShmem, swapPss);
    }

    /** Same breakdown with the {@code smaps_rollup}-derived parts replaced. */
    public MemoryBreakdown withRollup(OptionalLong pssAnon, OptionalLong pssFile, OptionalLong pssShmem,
            OptionalLong swapPss) {
        return new MemoryBreakdown(rssAnon, rssFile, rssShmem, swap, pssAnon, pssFile, pssShmem, swapPss);
    }
}
