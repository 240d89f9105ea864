package io.herakles.procmem.config;

/**
 * A user mistake in configuration (file, environment variable, flag value or an invalid
 * combination). The message is one line, ready to print as is; it names the file and line, the
 * variable or the key involved. Callers print {@link #getMessage()} and never the stack trace.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(oneLine(message), null, false, false);
    }

    /** Collapses line breaks so that every message stays a single printable line. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
