package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.ui.processes.ProcessRow;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Terminate / kill from the table's context menu: asks for confirmation naming the process, sends
 * the signal through {@link DesktopServices#terminate(int, boolean)} and shows a refusal
 * (permission, process gone) as a message, never as an exception. FX thread only.
 */
final class ProcessSignalActions {

    private final DesktopServices services;
    private final Dialogs dialogs;
    private final Supplier<Window> owner;

    ProcessSignalActions(DesktopServices services, Dialogs dialogs, Supplier<Window> owner) {
        this.services = services;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    void signal(ProcessRow row, boolean force) {
        if (row == null) {
            return;
        }
        ProcessSample p = row.sample();
        String who = "\"" + p.name() + "\" (pid " + p.pid() + (p.user().isEmpty() ? "" : ", user " + p.user()) + ")";
        String verb = force ? "Kill" : "Terminate";
        String detail = force
                ? "Send SIGKILL to " + who + "? It stops at once and cannot save its work."
                : "Send SIGTERM to " + who + "? It is asked to exit cleanly.";
        if (!dialogs.confirm(owner.get(), verb + " " + p.name() + "?", detail)) {
            return;
        }
        TerminationResult result;
        try {
            result = services.terminate(p.pid(), force);
        } catch (RuntimeException e) {
            result = TerminationResult.refused(String.valueOf(e.getMessage()));
        }
        if (!result.sent()) {
            dialogs.error(owner.get(), "Could not " + verb.toLowerCase(java.util.Locale.ROOT) + " " + p.name(),
                    result.message());
        }
    }
}
