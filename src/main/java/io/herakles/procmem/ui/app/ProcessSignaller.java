package io.herakles.procmem.ui.app;

import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.runtime.ProcessStatusReader;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.util.Optional;

/**
 * Sends SIGTERM/SIGKILL to the process a user chose, and only to it: the pid is checked against
 * the chosen start time through the collector's {@link ProcFs} reads right before sending, so a
 * process that exited is reported as such and a pid that now belongs to another process is left
 * alone. Never throws. Thread-safe (each call reads with its own reader).
 */
final class ProcessSignaller {

    private final ProcessStatusReader statuses;

    ProcessSignaller(ProcessStatusReader statuses) {
        this.statuses = statuses;
    }

    /** What runs as {@code pid} now: its {@code stat}, with the start time computed as the collector does. */
    PidStatus status(int pid) {
        return statuses.status(pid);
    }

    /** Sends {@code signal} to {@code target} if it still runs as its pid; says what happened. */
    TerminationResult send(ProcessTarget target, ProcessSignal signal) {
        int pid = target.pid();
        String what = signal.signalName() + " to \u201c" + target.name() + "\u201d (pid " + pid + ")";
        if (pid == ProcessHandle.current().pid()) {
            return TerminationResult.refused("Refused: pid " + pid + " is Herakles itself; close the window instead");
        }
        // The handle pins the process running as pid now: the JDK compares its start time again
        // right before kill(2), so if our check below finds the chosen process, the signal reaches
        // it or nobody — never a process that took the pid in between.
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        PidStatus now = status(pid);
        TargetState state = handle.isEmpty() ? TargetState.EXITED : TargetState.of(target, now);
        if (state != TargetState.SAME) {
            return TerminationResult.notThere(state, state.explain(target, now) + " Nothing was sent.");
        }
        boolean sent;
        try {
            sent = signal.force() ? handle.get().destroyForcibly() : handle.get().destroy();
        } catch (RuntimeException e) {
            return TerminationResult.refused("Could not send " + what + ": " + e.getMessage());
        }
        if (sent) {
            return TerminationResult.sent("Sent " + what);
        }
        // kill(2) failed: the process went away meanwhile, or the kernel said EPERM
        PidStatus after = status(pid);
        TargetState afterState = TargetState.of(target, after);
        if (afterState != TargetState.SAME) {
            return TerminationResult.notThere(afterState, afterState.explain(target, after) + " Nothing was sent.");
        }
        String owner = target.user().isEmpty() ? "another user" : target.user();
        return TerminationResult.refused("Operation not permitted: cannot send " + what + "; it belongs to "
                + owner + " (run Herakles as that user or as root)");
    }
}
