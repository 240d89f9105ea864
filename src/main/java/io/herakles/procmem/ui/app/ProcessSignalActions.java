package io.herakles.procmem.ui.app;

import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Terminate / kill from the table's context menu and keys, for the process captured when the menu
 * opened or the key was pressed ({@link ProcessTarget}), whatever the table shows meanwhile:
 * <ol>
 * <li>checks the process first: exited, or its pid taken by another process → says so, asks nothing;</li>
 * <li>asks for confirmation naming process, pid, user and start time ({@link SignalConfirmation},
 *     which keeps checking while it is open);</li>
 * <li>sends through {@link DesktopServices#terminate(ProcessTarget, ProcessSignal)}, which checks
 *     once more right before the signal; "already exited", "pid reused" or a refusal (EPERM) are shown
 *     once as a message, never as an exception, and nothing else changes.</li>
 * </ol>
 * One request at a time: while its dialogs are open, further requests (a double-click, a repeated
 * key) are ignored. FX thread only.
 */
final class ProcessSignalActions {

    private final DesktopServices services;
    private final Dialogs dialogs;
    private final Supplier<Window> owner;
    /** True while a request is being handled (its dialogs run nested event loops). */
    private boolean busy;

    ProcessSignalActions(DesktopServices services, Dialogs dialogs, Supplier<Window> owner) {
        this.services = services;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    /** Whether a request is being handled now (tests). */
    boolean busy() {
        return busy;
    }

    /** Asks to send {@code signal} to {@code target}; ignored while another request is open. */
    void request(ProcessTarget target, ProcessSignal signal) {
        if (target == null || signal == null || busy) {
            return;
        }
        busy = true;
        try {
            confirmAndSend(target, signal);
        } finally {
            busy = false;
        }
    }

    private void confirmAndSend(ProcessTarget target, ProcessSignal signal) {
        String nothingSent = signal.verb() + " " + target.name() + ": nothing sent";
        if (services.remoteTarget().isPresent()) {
            // the same pid here is another process: never look it up or signal it
            dialogs.info(owner.get(), nothingSent, "Process " + target.pid() + " runs on "
                    + services.remoteTarget().get().display() + "; signals go only to processes of this machine.");
            return;
        }
        PidStatus now = services.pidStatus(target.pid());
        TargetState state = TargetState.of(target, now);
        if (state != TargetState.SAME) {
            dialogs.info(owner.get(), nothingSent, state.explain(target, now) + " Nothing was sent.");
            return;
        }
        SignalConfirmation question = new SignalConfirmation(target, signal, services::pidStatus);
        if (!dialogs.confirmSignal(owner.get(), question)) {
            return;
        }
        TerminationResult result;
        try {
            result = services.terminate(target, signal);
        } catch (RuntimeException e) { // the contract says never; a bug must not look like success
            result = TerminationResult.refused(String.valueOf(e.getMessage()));
        }
        switch (result.outcome()) {
            case SENT -> { } // the next refresh shows the process leave
            case EXITED, REPLACED -> dialogs.info(owner.get(), nothingSent, result.message());
            case REFUSED -> dialogs.error(owner.get(),
                    "Could not " + signal.verbInSentence() + " " + target.name(), result.message());
        }
    }
}
