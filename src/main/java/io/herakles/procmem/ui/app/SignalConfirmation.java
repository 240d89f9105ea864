package io.herakles.procmem.ui.app;

import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.util.Objects;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The question "Terminate sshd?" while it is on screen: what it says (process, pid, user, start
 * time), what its buttons say, and whether its action is still possible. A process may exit while
 * the question is open; whoever shows it calls {@link #recheck()} now and then (the JavaFX dialog:
 * every second), and from then on the text says so and the action is disabled.
 *
 * <p>FX thread only.
 */
public final class SignalConfirmation {

    private final ProcessTarget target;
    private final ProcessSignal signal;
    private final IntFunction<PidStatus> lookUp;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final StringBinding text;
    private final BooleanBinding actionDisabled;

    /** @param lookUp what runs as a pid now (the desktop services' check) */
    SignalConfirmation(ProcessTarget target, ProcessSignal signal, IntFunction<PidStatus> lookUp) {
        this.target = Objects.requireNonNull(target, "target");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.lookUp = Objects.requireNonNull(lookUp, "lookUp");
        String message = message();
        this.text = Bindings.createStringBinding(
                () -> problem.get().isEmpty() ? message : message + "\n\n" + problem.get(), problem);
        this.actionDisabled = problem.isNotEmpty();
    }

    /** The process asked about. */
    public ProcessTarget target() {
        return target;
    }

    /** The signal asked about. */
    public ProcessSignal signal() {
        return signal;
    }

    /** "Terminate sshd?" */
    public String title() {
        return signal.verb() + " " + target.name() + "?";
    }

    /** The action button's text: "Terminate" or "Kill" (never "OK"). */
    public String actionText() {
        return signal.verb();
    }

    /** Whether Cancel, not the action, is the default button (Enter): for SIGKILL, which cannot be undone or caught. */
    public boolean cancelIsDefault() {
        return signal.force();
    }

    /** The question as first asked: which process, which signal and what it does. */
    public String message() {
        String user = target.user().isEmpty() ? "user unknown" : "user " + target.user();
        String consequence = signal.force()
                ? "It stops at once and cannot save its work or clean up."
                : "It is asked to exit cleanly and may save its work first.";
        return "Send " + signal.signalName() + " to \u201c" + target.name() + "\u201d?\n"
                + "pid " + target.pid() + " \u00b7 " + user + " \u00b7 started " + Formats.time(target.startTime())
                + "\n" + consequence;
    }

    /** {@link #message()}, followed by the problem once there is one. */
    public StringBinding textBinding() {
        return text;
    }

    /** Why the action is no longer possible ("… has already exited. Nothing will be sent."); empty while it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True once the process has exited or its pid was taken by another process. */
    public BooleanBinding actionDisabledBinding() {
        return actionDisabled;
    }

    public boolean isActionDisabled() {
        return actionDisabled.get();
    }

    /** Looks at the process again; once it is gone the question says so for good. */
    public void recheck() {
        if (!problem.get().isEmpty()) {
            return; // an exited process does not come back, nor does a reused pid become ours again
        }
        PidStatus now = lookUp.apply(target.pid());
        TargetState state = TargetState.of(target, now);
        if (state != TargetState.SAME) {
            problem.set(state.explain(target, now) + " Nothing will be sent.");
        }
    }
}
