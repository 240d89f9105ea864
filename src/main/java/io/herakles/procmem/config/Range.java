package io.herakles.procmem.config;

import java.util.Optional;

/**
 * The values a numeric config key accepts: at least {@code min}, at most {@code max} when there is
 * one; {@code unit} (e.g. "seconds") is named in the message. Immutable.
 */
public record Range(long min, Optional<Long> max, Optional<String> unit) {

    static Range atLeast(long min) {
        return new Range(min, Optional.empty(), Optional.empty());
    }

    static Range between(long min, long max) {
        return new Range(min, Optional.of(max), Optional.empty());
    }

    /** The same range, its messages naming seconds as the unit. */
    Range inSeconds() {
        return new Range(min, max, Optional.of("seconds"));
    }

    boolean contains(long value) {
        return value >= min && max.map(m -> value <= m).orElse(true);
    }

    /** "must be between 1 and 65535", "must be at least 1 (seconds)". */
    String requirement() {
        String bounds = max.map(m -> "between " + min + " and " + m).orElse("at least " + min);
        return "must be " + bounds + unit.map(u -> " (" + u + ")").orElse("");
    }
}
