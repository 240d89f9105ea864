package io.herakles.procmem.export.recording;

/**
 * A sample asked for through {@link Recording#samples()} lies in a damaged part of the file (found
 * only when it is read, as opening does not inflate every sample). The message is one line naming
 * the file and the byte, as {@link Recording#sample(int)}'s checked exception says it.
 */
public final class RecordingDamagedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RecordingDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
