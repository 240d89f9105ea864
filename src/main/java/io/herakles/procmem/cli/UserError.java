package io.herakles.procmem.cli;

/** A mistake of the user's (bad file, busy port, ...): printed as one line, exit code 1, no stack trace. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message, null, false, false);
    }
}
