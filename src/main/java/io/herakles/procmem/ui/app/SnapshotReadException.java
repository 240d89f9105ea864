package io.herakles.procmem.ui.app;

/**
 * A snapshot file could not be read or is not a snapshot. The message is one line for the user,
 * saying what is wrong (the window adds the file name), e.g. "line 3: unexpected end of input".
 */
public final class SnapshotReadException extends Exception {

    private static final long serialVersionUID = 1L;

    public SnapshotReadException(String message) {
        super(message);
    }

    public SnapshotReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
