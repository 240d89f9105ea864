package io.herakles.procmem.health;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalDouble;

/**
 * Capacity and thresholds of one buffer (upstream's {@code BufferHealthConfig}). Immutable.
 *
 * @param capacityKb      configured capacity in KiB; 0 is allowed (fill is then computed against 1 KiB)
 * @param largerIsBetter  false: a fuller buffer is worse; true: an emptier buffer is worse
 * @param warnPercent     fill percent beyond which the buffer is {@code warn}; absent = never
 * @param criticalPercent fill percent beyond which the buffer is {@code critical}; absent = never
 */
public record BufferHealthConfig(
        long capacityKb,
        boolean largerIsBetter,
        OptionalDouble warnPercent,
        OptionalDouble criticalPercent) {

    /** Upstream's default: 256 KiB, smaller is better, no thresholds. */
    public static final BufferHealthConfig DEFAULT =
            new BufferHealthConfig(256, false, OptionalDouble.empty(), OptionalDouble.empty());

    public BufferHealthConfig {
        if (capacityKb < 0) {
            throw new IllegalArgumentException("capacity_kb must not be negative: " + capacityKb);
        }
        warnPercent = warnPercent == null ? OptionalDouble.empty() : warnPercent;
        criticalPercent = criticalPercent == null ? OptionalDouble.empty() : criticalPercent;
    }

    /** Reads upstream's serde form; a missing or null threshold never triggers. */
    @JsonCreator
    public static BufferHealthConfig fromJson(
            @JsonProperty("capacity_kb") Long capacityKb,
            @JsonProperty("larger_is_better") Boolean largerIsBetter,
            @JsonProperty("warn_percent") Double warnPercent,
            @JsonProperty("critical_percent") Double criticalPercent) {
        return new BufferHealthConfig(
                capacityKb == null ? DEFAULT.capacityKb() : capacityKb,
                largerIsBetter != null && largerIsBetter,
                warnPercent == null ? OptionalDouble.empty() : OptionalDouble.of(warnPercent),
                criticalPercent == null ? OptionalDouble.empty() : OptionalDouble.of(criticalPercent));
    }

    /** A smaller-is-better buffer with the binary's fixed thresholds, 80 % warn and 95 % critical. */
    public static BufferHealthConfig withDefaultThresholds(long capacityKb) {
        return new BufferHealthConfig(capacityKb, false, OptionalDouble.of(80.0), OptionalDouble.of(95.0));
    }

    /** Fill in percent: {@code current / max(capacity, 1) × 100}. */
    public double fillPercent(long currentKb) {
        return (double) currentKb / Math.max(capacityKb, 1) * 100.0;
    }

    /** Status for a fill percent; comparisons are strict (exactly at a threshold is still better). */
    public HealthStatus statusFor(double fillPercent) {
        if (beyond(fillPercent, criticalPercent)) {
            return HealthStatus.CRITICAL;
        }
        if (beyond(fillPercent, warnPercent)) {
            return HealthStatus.WARN;
        }
        return HealthStatus.OK;
    }

    private boolean beyond(double fill, OptionalDouble threshold) {
        if (threshold.isEmpty()) {
            return false;
        }
        double t = threshold.getAsDouble();
        return largerIsBetter ? fill < t : fill > t;
    }
}
