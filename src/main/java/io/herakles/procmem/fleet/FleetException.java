package io.herakles.procmem.fleet;

/** Why the fleet could not be read, in one line for the window or the command line (never a stack trace). */
public final class FleetException extends Exception {
    private static final long serialVersionUID = 1L;

    public FleetException(String message) {
        super(message);
    }
}
