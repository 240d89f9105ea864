package io.herakles.procmem.health;

import com.fasterxml.jackson.annotation.JsonValue;

/** A buffer's (or the overall) health, ordered from best to worst; serialised in lower case. */
public enum HealthStatus {
    OK,
    WARN,
    CRITICAL;

    /** The wire form of upstream's API: {@code ok}, {@code warn}, {@code critical}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The worse of the two. */
    public HealthStatus worst(HealthStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
