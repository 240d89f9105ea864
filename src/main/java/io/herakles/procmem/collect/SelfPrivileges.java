package io.herakles.procmem.collect;

import java.nio.charset.StandardCharsets;

/**
 * Whether a process may read every other process's {@code smaps_rollup}: it runs as root or has
 * {@code CAP_SYS_PTRACE} in its effective set, read from its own {@code status}.
 */
final class SelfPrivileges {

    /** CAP_SYS_PTRACE: lets a non-root user read every process's smaps_rollup. */
    private static final int CAP_SYS_PTRACE = 19;

    private SelfPrivileges() {}

    /** From the text of {@code /proc/self/status}; false when neither line says so or is unreadable. */
    static boolean readsEveryProcess(byte[] b, int len) {
        for (String line : new String(b, 0, len, StandardCharsets.UTF_8).split("\n")) {
            try {
                if (line.startsWith("Uid:") && line.substring(4).trim().split("\\s+")[0].equals("0")) {
                    return true;
                }
                if (line.startsWith("CapEff:")
                        && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << CAP_SYS_PTRACE)) != 0) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a malformed line proves nothing; the caller then says figures may be missing
            }
        }
        return false;
    }
}
