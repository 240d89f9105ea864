package io.herakles.procmem.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;

/**
 * Result of {@link HealthState#getHealth()}: the three buffers in fixed order (io, smaps,
 * smaps_rollup) and the worst of their statuses. Immutable.
 */
@JsonPropertyOrder({"buffers", "overall_status"})
public record HealthResponse(
        @JsonProperty("buffers") List<BufferHealth> buffers,
        @JsonProperty("overall_status") HealthStatus overallStatus) {

    /** Made on first use: loading Jackson costs a plain-text-only exporter some 2 MiB. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public HealthResponse {
        buffers = List.copyOf(buffers);
        Objects.requireNonNull(overallStatus, "overallStatus");
    }

    /** Upstream's JSON shape: {@code {"buffers":[{"name":…,"capacity_kb":…,…}],"overall_status":"ok"}}. */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            // records of strings, numbers and enums always serialise
            throw new IllegalStateException("cannot serialise health response", e);
        }
    }
}
