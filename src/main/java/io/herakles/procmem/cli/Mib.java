package io.herakles.procmem.cli;

import java.util.Locale;
import java.util.OptionalLong;

/** Byte counts as MiB text for the analysis commands; "—" where absent. */
final class Mib {
    private static final double MIB = 1024.0 * 1024.0;

    private Mib() {}

    static String of(OptionalLong bytes) {
        return bytes.isPresent() ? of(bytes.getAsLong()) : "—";
    }

    static String of(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / MIB);
    }

    static String signed(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%+.1f", bytes.getAsLong() / MIB) : "—";
    }
}
