package io.herakles.procmem.collect;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens a {@code /proc} file for reading. The default opens the real file; tests substitute one
 * that throws {@link java.nio.file.AccessDeniedException} or ESRCH-like errors, which a root test
 * run cannot provoke with file permissions.
 */
@FunctionalInterface
public interface FileOpener {

    FileChannel open(Path path) throws IOException;

    FileOpener DEFAULT = path -> FileChannel.open(path, StandardOpenOption.READ);
}
