package io.herakles.procmem.model.maps;

/**
 * What backs a mapping, from the path column of {@code smaps}. Shared memory and memfd win over
 * "deleted" (a memfd is always shown as deleted), and "deleted" over a plain file.
 */
public enum MappingKind {
    /** {@code [heap]}: the brk heap. */
    HEAP("heap"),
    /** {@code [stack]} (and old kernels' {@code [stack:TID]}). */
    STACK("stack"),
    /** No path, or a named anonymous mapping ({@code [anon:NAME]}): malloc arenas, JIT, Java heap. */
    ANONYMOUS("anonymous"),
    /** A file still on disk (libraries, executables, mmap'd data). */
    FILE("file"),
    /** A file that was unlinked or replaced while mapped ({@code PATH (deleted)}). */
    DELETED_FILE("deleted file"),
    /** POSIX {@code /dev/shm}, System V ({@code /SYSV…}), {@code memfd:}, shared anonymous ({@code /dev/zero}). */
    SHARED_MEMORY("shared memory"),
    /** The kernel's pages in user space: {@code [vdso]}, {@code [vvar]}, {@code [vsyscall]}. */
    KERNEL("vdso/vvar"),
    /** Any other bracketed name ({@code [uprobes]}, …). */
    OTHER("other");

    private final String label;

    MappingKind(String label) {
        this.label = label;
    }

    /** Lower-case name for tables and text output. */
    public String label() {
        return label;
    }

    /** The kind of a mapping whose path column reads {@code path} ("" for none). */
    public static MappingKind of(String path) {
        if (path.isEmpty()) {
            return ANONYMOUS;
        }
        if (path.charAt(0) == '[') {
            return bracketed(path);
        }
        if (path.startsWith("/dev/shm/") || path.startsWith("/SYSV") || path.startsWith("/memfd:")
                || path.startsWith("memfd:") || path.startsWith("/dev/zero")) {
            return SHARED_MEMORY;
        }
        return path.endsWith(" (deleted)") ? DELETED_FILE : FILE;
    }

    private static MappingKind bracketed(String path) {
        if (path.equals("[heap]")) {
            return HEAP;
        }
        if (path.startsWith("[stack")) {
            return STACK;
        }
        if (path.equals("[vdso]") || path.startsWith("[vvar") || path.equals("[vsyscall]")) {
            return KERNEL;
        }
        if (path.startsWith("[anon_shmem:")) {
            return SHARED_MEMORY;
        }
        return path.startsWith("[anon:") ? ANONYMOUS : OTHER;
    }
}
