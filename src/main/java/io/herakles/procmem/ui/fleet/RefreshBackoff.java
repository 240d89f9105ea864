package io.herakles.procmem.ui.fleet;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When the fleet is read next: after the chosen interval while reads work; after a failure the
 * wait doubles with every failure in a row (a Prometheus that is down or overloaded is not asked
 * every 30 s), up to {@link #MAX}; the first success returns to the interval. Not thread-safe (the
 * Fleet tab uses it on the FX thread).
 */
public final class RefreshBackoff {

    /** The longest wait after failures. */
    public static final Duration MAX = Duration.ofMinutes(10);

    private int failuresInARow;

    /**
     * The wait before the next read after one that {@code failed}, at {@code interval}; empty when
     * {@code interval} is zero (automatic refresh off). Counts the failure.
     */
    public Optional<Duration> after(boolean failed, Duration interval) {
        Objects.requireNonNull(interval, "interval");
        failuresInARow = failed ? failuresInARow + 1 : 0;
        if (interval.isZero() || interval.isNegative()) {
            return Optional.empty();
        }
        Duration wait = interval;
        for (int i = 0; i < failuresInARow && wait.compareTo(MAX) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(wait.compareTo(MAX) > 0 ? MAX : wait);
    }

    /** Failed reads in a row so far. */
    public int failuresInARow() {
        return failuresInARow;
    }
}
