package io.herakles.procmem.export.snapshot;

/**
 * A snapshot file could not be loaded: missing, unreadable, not JSON, or not in the test-data
 * format. The message is one line meant for the user, and always starts with the file name, e.g.
 * {@code snap.json: processes[3] (pid 1203): field 'rss' must be a non-negative integer, got -5}.
 */
public final class SnapshotFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public SnapshotFileException(String message) {
        super(message);
    }

    public SnapshotFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
