package io.herakles.procmem.collect;

/** How reading one {@code /proc} file went. */
public enum ReadStatus {
    /** Read completely; the bytes are in the reader's buffer. */
    OK,
    /** The file does not exist (ENOENT): the process is gone, or the kernel lacks the file. */
    MISSING,
    /** Permission denied (EACCES/EPERM, e.g. another user's {@code smaps_rollup} when not root). */
    DENIED,
    /** Any other read error, e.g. ESRCH when the process exits mid-read or has no address space. */
    ERROR
}
