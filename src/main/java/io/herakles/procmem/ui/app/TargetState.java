package io.herakles.procmem.ui.app;

import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.time.Duration;
import java.time.Instant;

/** Whether the process a user chose is still the one running as its pid. */
enum TargetState {

    /** Still running, and as far as can be told the same process. */
    SAME,
    /** Gone (or a zombie). */
    EXITED,
    /** The pid now belongs to a process that started at another time. */
    REPLACED;

    /**
     * Start times further apart than this are different processes. Not zero: both sides add the
     * kernel's boot time ({@code btime}, whole seconds recomputed from the wall clock on every read)
     * to the start ticks, and it can move by a second between two reads. A pid reused within a
     * second of the first process's start is not a realistic case.
     */
    static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(1);

    /** Compares the chosen process with what runs as its pid now; unknown start times compare as equal. */
    static TargetState of(ProcessTarget target, PidStatus now) {
        if (!now.running()) {
            return EXITED;
        }
        Instant then = target.startTime();
        Instant current = now.startTime();
        if (then == null || current == null) {
            return SAME;
        }
        Duration apart = Duration.between(then, current).abs();
        return apart.compareTo(START_TIME_TOLERANCE) > 0 ? REPLACED : SAME;
    }

    /** One line for the user about {@code target} in this state; empty for {@link #SAME}. */
    String explain(ProcessTarget target, PidStatus now) {
        String who = "\u201c" + target.name() + "\u201d (pid " + target.pid() + ")";
        return switch (this) {
            case SAME -> "";
            case EXITED -> who + " has already exited.";
            case REPLACED -> who + " has exited; pid " + target.pid() + " now belongs to another process, started "
                    + Formats.time(now.startTime()) + ".";
        };
    }
}
