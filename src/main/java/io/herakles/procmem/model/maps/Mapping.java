package io.herakles.procmem.model.maps;

import java.util.Objects;

/**
 * One mapping of {@code /proc/PID/smaps}. Immutable.
 *
 * @param start  first address
 * @param end    address after the last byte
 * @param perms  the four permission letters, e.g. {@code r-xp} ({@code s} when shared)
 * @param offset offset into the file (bytes)
 * @param device {@code major:minor} of the file's device, {@code 00:00} when none
 * @param inode  the file's inode, 0 when none
 * @param path   the path column as the kernel prints it, including a {@code " (deleted)"} suffix;
 *               an escaped newline ({@code \012}) is a real newline here, and bytes that are not
 *               UTF-8 read {@code \xNN} (so the text is lossless and safe to print); "" when anonymous
 * @param kind   what backs it, from {@code path}
 * @param sizes  its figures
 */
public record Mapping(long start, long end, String perms, long offset, String device, long inode, String path,
        MappingKind kind, MappingSizes sizes) {

    public Mapping {
        Objects.requireNonNull(perms, "perms");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sizes, "sizes");
    }

    /** Whether it is shared with other processes by construction ({@code MAP_SHARED}). */
    public boolean mapShared() {
        return perms.length() == 4 && perms.charAt(3) == 's';
    }

    /** The path, or the kind's label in brackets when there is none (anonymous). */
    public String displayName() {
        return path.isEmpty() ? "[" + kind.label() + "]" : path;
    }

    /** {@code start-end} in hex, as {@code smaps} prints it. */
    public String addressRange() {
        return Long.toHexString(start) + '-' + Long.toHexString(end);
    }
}
