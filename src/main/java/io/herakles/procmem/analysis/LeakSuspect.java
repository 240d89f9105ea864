package io.herakles.procmem.analysis;

import io.herakles.procmem.model.GroupKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A process or subgroup whose memory grows steadily. Immutable.
 *
 * @param label          process name, or {@code group/subgroup}
 * @param group          its classification
 * @param pid            the process's pid; absent for a subgroup
 * @param mibPerHour     robust growth rate (Theil–Sen slope), MiB per hour
 * @param steadiness     share of the steps between samples that rose, of those that changed (0..1)
 * @param since          when the growth started: the last time it was at its low
 * @param firstBytes     the metric at the first sample it was seen, bytes
 * @param lastBytes      the metric at the last sample it was seen, bytes
 * @param untilExhausted time until the last sample's available memory is used up at this rate;
 *                       absent when available memory is unknown
 * @param samples        samples in its series
 */
public record LeakSuspect(String label, GroupKey group, OptionalInt pid, double mibPerHour, double steadiness,
        Instant since, long firstBytes, long lastBytes, Optional<Duration> untilExhausted, int samples) {

    public LeakSuspect {
        Objects.requireNonNull(label);
        Objects.requireNonNull(group);
        Objects.requireNonNull(pid);
        Objects.requireNonNull(since);
        Objects.requireNonNull(untilExhausted);
    }
}
