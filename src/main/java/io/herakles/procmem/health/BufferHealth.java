package io.herakles.procmem.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One buffer's state in a {@link HealthResponse}. Immutable.
 *
 * @param name           {@code io_buffer_kb}, {@code smaps_buffer_kb} or {@code smaps_rollup_buffer_kb}
 * @param capacityKb     the configured capacity (even 0)
 * @param currentKb      the last reported usage, KiB
 * @param fillPercent    {@code current / max(capacity, 1) × 100}
 * @param largerIsBetter the direction of the thresholds
 * @param status         ok, warn or critical
 */
@JsonPropertyOrder({"name", "capacity_kb", "current_kb", "fill_percent", "larger_is_better", "status"})
public record BufferHealth(
        @JsonProperty("name") String name,
        @JsonProperty("capacity_kb") long capacityKb,
        @JsonProperty("current_kb") long currentKb,
        @JsonProperty("fill_percent") double fillPercent,
        @JsonProperty("larger_is_better") boolean largerIsBetter,
        @JsonProperty("status") HealthStatus status) {

    public BufferHealth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    static BufferHealth evaluate(String name, BufferHealthConfig config, long currentKb) {
        double fill = config.fillPercent(currentKb);
        return new BufferHealth(name, config.capacityKb(), currentKb, fill, config.largerIsBetter(),
                config.statusFor(fill));
    }
}
