package io.herakles.procmem.ui.app;

import java.util.Objects;

/**
 * Outcome of a terminate/kill request. Immutable.
 *
 * @param outcome what happened
 * @param message one line for the user: what happened, or why not ("Operation not permitted:
 *                process 1234 belongs to root")
 */
public record TerminationResult(Outcome outcome, String message) {

    /** What became of a request. Only {@link #SENT} sent anything. */
    public enum Outcome {
        /** The signal was delivered. */
        SENT,
        /** Nothing sent: the process had already exited. */
        EXITED,
        /** Nothing sent: its pid belongs to another process now. */
        REPLACED,
        /** Nothing sent: the kernel refused (permission) or something else failed; the message says what. */
        REFUSED
    }

    public TerminationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    public static TerminationResult sent(String message) {
        return new TerminationResult(Outcome.SENT, message);
    }

    public static TerminationResult refused(String message) {
        return new TerminationResult(Outcome.REFUSED, message);
    }

    /** Nothing sent because the chosen process is no longer what runs as its pid. */
    static TerminationResult notThere(TargetState state, String message) {
        return new TerminationResult(state == TargetState.REPLACED ? Outcome.REPLACED : Outcome.EXITED, message);
    }

    /** Whether the signal was delivered. */
    public boolean sent() {
        return outcome == Outcome.SENT;
    }
}
