package io.herakles.procmem.collect;

/** What happened to the last per-process read of a {@link PidReader}. */
public enum PidOutcome {
    /** Read and parsed. */
    OK,
    /** The process exited (its directory is gone, or ENOENT/ESRCH while reading). Skip it quietly. */
    VANISHED,
    /** Permission denied (counted; the value is absent). */
    DENIED,
    /** The process is there but the value is not (malformed file, kernel thread without memory). */
    UNAVAILABLE
}
