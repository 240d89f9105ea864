package io.herakles.procmem.ui.app;

import java.util.Objects;

/**
 * Outcome of a terminate/kill request. Immutable.
 *
 * @param sent    whether the signal was delivered
 * @param message one line for the user: what happened, or why not ("Operation not permitted:
 *                process 1234 belongs to root")
 */
public record TerminationResult(boolean sent, String message) {

    public TerminationResult {
        Objects.requireNonNull(message, "message");
    }

    public static TerminationResult sent(String message) {
        return new TerminationResult(true, message);
    }

    public static TerminationResult refused(String message) {
        return new TerminationResult(false, message);
    }
}
