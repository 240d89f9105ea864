package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The process a user pointed at, captured when the menu opened or the key was pressed: pid and
 * start time say which process it is (a pid alone may be reused by the next process), name and
 * user say it to the user. Never read back from a table row later, because rows are reused and
 * re-sorted by every refresh. Immutable.
 *
 * @param pid       process id
 * @param startTime wall-clock start time as the collector computed it; null when unknown
 * @param name      process name
 * @param user      user name; empty when unknown
 */
public record ProcessTarget(int pid, Instant startTime, String name, String user) {

    public ProcessTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
    }

    /** The identity of the process {@code sample} describes. */
    public static ProcessTarget of(ProcessSample sample) {
        return new ProcessTarget(sample.pid(), sample.startTime(), sample.name(), sample.user());
    }

    /** Start time, when known. */
    public Optional<Instant> startTimeIfKnown() {
        return Optional.ofNullable(startTime);
    }
}
