package io.herakles.procmem.classify;

/**
 * A rules file that cannot be used. The message is one line that names the file (and the line,
 * entry or pattern when known), ready to be shown to a person.
 */
public final class RuleFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public RuleFileException(String message) {
        super(message);
    }
}
