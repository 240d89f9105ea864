package io.herakles.procmem.model;

import java.util.Objects;

/**
 * Sums over the processes of one group/subgroup. Immutable.
 * PSS and USS sums cover only the processes whose value is known ({@code pssKnown}, {@code ussKnown}).
 */
public record GroupTotals(
        GroupKey key,
        int processes,
        long rssBytes,
        long pssBytes,
        long ussBytes,
        int pssKnown,
        int ussKnown,
        double cpuPercent,
        double cpuTimeSeconds) {

    public GroupTotals {
        Objects.requireNonNull(key, "key");
    }

    /** The chosen metric's sum. */
    public long bytes(MemoryMetric metric) {
        return switch (metric) {
            case RSS -> rssBytes;
            case PSS -> pssBytes;
            case USS -> ussBytes;
        };
    }
}
