package io.herakles.procmem.health;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The capacity and warn/critical thresholds of the three buffers watched by the Buffer Health API
 * ({@code /health}); upstream calls this {@code AppConfig}. Immutable.
 * Defaults: 256 / 512 / 256 KiB, smaller is better, warn above 80 %, critical above 95 %.
 */
public record HealthThresholds(
        @JsonProperty("io_buffer") BufferHealthConfig ioBuffer,
        @JsonProperty("smaps_buffer") BufferHealthConfig smapsBuffer,
        @JsonProperty("smaps_rollup_buffer") BufferHealthConfig smapsRollupBuffer) {

    @JsonCreator
    public HealthThresholds {
        Objects.requireNonNull(ioBuffer, "io_buffer");
        Objects.requireNonNull(smapsBuffer, "smaps_buffer");
        Objects.requireNonNull(smapsRollupBuffer, "smaps_rollup_buffer");
    }

    /** Upstream's {@code AppConfig::default()}, the same three buffers. */
    public static HealthThresholds defaults() {
        return ofCapacities(256, 512, 256);
    }

    /** How the exporter uses it: the configured buffer sizes with the fixed 80/95 thresholds. */
    public static HealthThresholds ofCapacities(long ioKb, long smapsKb, long smapsRollupKb) {
        return new HealthThresholds(BufferHealthConfig.withDefaultThresholds(ioKb),
                BufferHealthConfig.withDefaultThresholds(smapsKb),
                BufferHealthConfig.withDefaultThresholds(smapsRollupKb));
    }
}
