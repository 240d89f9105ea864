package io.herakles.procmem.ui.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A recording the desktop is writing (File → Record…). Getters may be read from any thread. */
public interface RecordingSession {

    Path file();

    /** The file's size in bytes now. */
    long sizeBytes();

    /** Samples written so far. */
    int samples();

    /** Why recording stopped on its own (e.g. the disk is full), one line naming the file. */
    Optional<String> failure();

    /** Stops recording; the file keeps every sample written. Idempotent. */
    void stop() throws IOException;
}
