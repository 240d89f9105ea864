package io.herakles.procmem.ui.details;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One recorded sample of one process. Immutable.
 *
 * @param time       when the snapshot was taken
 * @param rssBytes   resident set size (bytes, KiB resolution)
 * @param pssBytes   proportional set size, absent when it was unreadable
 * @param ussBytes   unique set size, absent when it was unreadable
 * @param cpuPercent CPU over the tick, percent of one core
 */
public record HistoryPoint(Instant time, long rssBytes, OptionalLong pssBytes, OptionalLong ussBytes,
        double cpuPercent) {
    public HistoryPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(pssBytes, "pssBytes");
        Objects.requireNonNull(ussBytes, "ussBytes");
    }
}
