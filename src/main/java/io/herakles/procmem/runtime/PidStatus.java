package io.herakles.procmem.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * What runs as one pid right now, as the collector would read it. Immutable.
 *
 * @param running   false when no process has the pid, or only a zombie (it has exited and merely
 *                  waits for its parent)
 * @param startTime the running process's start time, computed as the collector computes it; null
 *                  when unknown or not running
 */
public record PidStatus(boolean running, Instant startTime) {

    private static final PidStatus EXITED = new PidStatus(false, null);

    public static PidStatus exited() {
        return EXITED;
    }

    public static PidStatus running(Instant startTimeOrNull) {
        return new PidStatus(true, startTimeOrNull);
    }

    public Optional<Instant> startTimeIfKnown() {
        return Optional.ofNullable(startTime);
    }
}
