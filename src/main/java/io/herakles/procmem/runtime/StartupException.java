package io.herakles.procmem.runtime;

/**
 * A mistake of the user's that stops start-up (a broken rules file, a wrong {@code procfs}, an
 * unreadable {@code -t} file): its message is one printable line, so it carries no stack trace.
 */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message, null, false, false);
    }
}
