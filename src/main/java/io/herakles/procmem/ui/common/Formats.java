package io.herakles.procmem.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Human-readable text for the figures the UI shows. Pure and thread-safe. Absent values (PSS/USS
 * that could not be read) are shown as {@link #ABSENT}, never as zero.
 */
public final class Formats {

    /** What an unreadable value looks like. */
    public static final String ABSENT = "—";

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {}

    /** Bytes in binary units with three significant figures: {@code 512 B}, {@code 1.50 MiB}, {@code 12.3 GiB}. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return ABSENT;
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String pattern = value >= 100 ? "%.0f %s" : value >= 10 ? "%.1f %s" : "%.2f %s";
        return String.format(Locale.ROOT, pattern, value, UNITS[unit]);
    }

    /** {@link #bytes(long)}, or {@link #ABSENT} when unknown. */
    public static String bytes(OptionalLong bytes) {
        return bytes.isPresent() ? bytes(bytes.getAsLong()) : ABSENT;
    }

    /** {@link #bytes(long)} of a nullable boxed value (table cells), {@link #ABSENT} for null. */
    public static String bytes(Long bytes) {
        return bytes == null ? ABSENT : bytes(bytes.longValue());
    }

    /** CPU percent of one core with one decimal: {@code 0.0}, {@code 12.5}, {@code 230.1}. */
    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f", percent);
    }

    /** CPU seconds as {@code m:ss.s} below an hour, {@code h:mm:ss} above, {@code Nd hh:mm} above a day. */
    public static String cpuTime(double seconds) {
        if (!(seconds >= 0)) {
            return ABSENT;
        }
        long whole = (long) seconds;
        long days = whole / 86_400;
        long hours = whole / 3600 % 24;
        long minutes = whole / 60 % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%dd %02d:%02d", days, hours, minutes);
        }
        if (whole >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, minutes, whole % 60);
        }
        return String.format(Locale.ROOT, "%d:%04.1f", minutes, seconds - whole / 60 * 60);
    }

    /** A wall-clock instant in the local zone, to the second. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
