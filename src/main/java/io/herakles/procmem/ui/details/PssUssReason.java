package io.herakles.procmem.ui.details;

import io.herakles.procmem.model.ProcessSample;
import java.util.Optional;

/**
 * Why a process shows no PSS/USS, in one line for the details pane. The collector does not say
 * per process why {@code smaps_rollup} failed, but what it can fail for is known: a kernel thread
 * has no user memory, a zombie has none left, another user's file is closed to a reader without
 * root or {@code cap_sys_ptrace}, and a process can exit (or exec) while it is read. Which of those
 * applies follows from the process and from where the snapshot came from. Stateless.
 */
public final class PssUssReason {

    /** Where the shown snapshot was collected, as far as PSS/USS access goes. */
    public enum Source {
        /** This machine, by a reader that may read every process (root or cap_sys_ptrace). */
        THIS_MACHINE_ALL,
        /** This machine, by a reader that may read only its own user's processes. */
        THIS_MACHINE_OWN,
        /** A snapshot file or recording, collected elsewhere or earlier. */
        FILE,
        /** An exporter on another machine. */
        REMOTE
    }

    static final String LABEL = "No PSS/USS";
    static final String HELP = "PSS and USS come from the process's /proc/PID/smaps_rollup; RSS comes from "
            + "statm, which everyone may read, so RSS is always known";
    static final String KERNEL_THREAD = "a kernel thread: it has no user memory to measure";
    static final String ZOMBIE = "a zombie: it has exited and its memory is freed, only its entry remains";
    static final String FILE = "the snapshot file has none for it: the run that wrote it could not read its "
            + "smaps_rollup (not root there, or it exited mid-read)";
    static final String REMOTE = "the exporter could not read its smaps_rollup: it does not run as root there, "
            + "or the process exited mid-read";
    static final String GONE = "its smaps_rollup could not be read: it exited, or replaced itself (exec), "
            + "while it was read; the next refresh tries again";

    private PssUssReason() {}

    /**
     * Why {@code p} has neither PSS nor USS, or empty when it has one of them.
     *
     * @param viewer the user this app runs as (for {@link Source#THIS_MACHINE_OWN})
     */
    public static Optional<String> of(ProcessSample p, Source source, String viewer) {
        if (p.pssBytes().isPresent() || p.ussBytes().isPresent()) {
            return Optional.empty();
        }
        if (p.isKernelThread()) {
            return Optional.of(KERNEL_THREAD);
        }
        if (p.state() == 'Z') {
            return Optional.of(ZOMBIE);
        }
        return Optional.of(switch (source) {
            case FILE -> FILE;
            case REMOTE -> REMOTE;
            case THIS_MACHINE_OWN -> p.user().isEmpty() || p.user().equals(viewer) ? GONE : notOwner(p.user());
            case THIS_MACHINE_ALL -> GONE;
        });
    }

    /** "owned by postgres: …" — the usual reason when not running as root. */
    static String notOwner(String user) {
        return "owned by " + user + ": only its owner, root or a holder of cap_sys_ptrace may read its "
                + "smaps_rollup, and this app runs as neither";
    }
}
