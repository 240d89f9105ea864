package io.herakles.procmem.model.maps;

/** Whether a process's mappings could be read, and if not, why. */
public enum MapsStatus {
    /** Read; the mappings are there. */
    OK,
    /** Permission denied: another user's process, and we are neither root nor have {@code CAP_SYS_PTRACE}. */
    DENIED,
    /** The process exited (before or while it was read). */
    GONE,
    /** The process has no address space: a kernel thread, or a zombie. */
    NO_ADDRESS_SPACE,
    /** Some other read error. */
    UNREADABLE
}
