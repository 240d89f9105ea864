package io.herakles.procmem.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Text for the figures the UI shows: binary byte units, percentages, CPU times, instants and
 * durations. An absent (unreadable) value is shown as {@link #ABSENT} ("—"), never as 0.
 * Stateless, locale-independent (dot decimal separator), safe from any thread.
 *
 * <p>One rule per kind of figure, so the table, the details pane, the tiles, the treemap and the
 * charts print the same value the same way: bytes in binary units with three significant figures
 * ({@code 512 B}, {@code 1.75 MiB}, {@code 123 KiB}); CPU as percent of one core with one decimal
 * ({@code 12.5 %}); CPU time as clock time ({@code 0:00.2}, {@code 1:02:03}).
 */
public final class Formats {

    /** What an absent (unreadable) value looks like. */
    public static final String ABSENT = "\u2014";

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Formats() {}

    /**
     * Bytes in binary units with three significant figures: {@code 512 B}, {@code 1.50 KiB},
     * {@code 15.5 MiB}, {@code 900 MiB}; negatives keep their sign.
     */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "-" + bytes(bytes == Long.MIN_VALUE ? Long.MAX_VALUE : -bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        Scaled s = scale(bytes);
        // decide on the rounded value: 9.996 prints as "10.0", 1023.7 KiB steps up to "1.00 MiB"
        if (s.value >= 1023.5 && s.unit < UNITS.length - 1) {
            s = new Scaled(s.value / 1024, s.unit + 1);
        }
        String pattern = s.value >= 99.95 ? "%.0f %s" : s.value >= 9.995 ? "%.1f %s" : "%.2f %s";
        return String.format(Locale.ROOT, pattern, s.value, UNITS[s.unit]);
    }

    /** {@link #bytes(long)}, or {@link #ABSENT} when unknown. */
    public static String bytes(OptionalLong bytes) {
        return bytes.isPresent() ? bytes(bytes.getAsLong()) : ABSENT;
    }

    /** {@link #bytes(long)} of a nullable boxed value (table cells), {@link #ABSENT} for null. */
    public static String bytes(Long bytes) {
        return bytes == null ? ABSENT : bytes(bytes.longValue());
    }

    /** A CPU percentage with one decimal and its sign: {@code 12.5 %}; {@link #ABSENT} when not finite. */
    public static String percent(double percent) {
        return Double.isFinite(percent) ? String.format(Locale.ROOT, "%.1f %%", percent) : ABSENT;
    }

    /** A CPU percentage as a bare number with one decimal, for a column whose header says "%": {@code 12.5}. */
    public static String percentNumber(double percent) {
        return String.format(Locale.ROOT, "%.1f", percent);
    }

    /** A ratio 0..1 as a percentage, or {@link #ABSENT} when absent. */
    public static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? percent(ratio.getAsDouble() * 100) : ABSENT;
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
        return instant(instant, ZoneId.systemDefault());
    }

    /** A date-time in {@code zone}, to the second, or {@link #ABSENT} for null. */
    public static String instant(Instant t, ZoneId zone) {
        return t == null ? ABSENT : DATE_TIME.format(t.atZone(zone));
    }

    /** A duration as {@code 3d 4h}, {@code 2h 5m}, {@code 4m 10s} or {@code 12s}; {@link #ABSENT} for null or negative. */
    public static String duration(Duration d) {
        if (d == null || d.isNegative()) {
            return ABSENT;
        }
        long s = d.getSeconds();
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m " + seconds + "s";
        }
        return seconds + "s";
    }

    /** Text, or {@link #ABSENT} when empty or null. */
    public static String text(String s) {
        return s == null || s.isBlank() ? ABSENT : s;
    }

    /** Divides by 1024 until below 1024 (or the largest unit); {@code bytes} is at least 1024. */
    private static Scaled scale(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return new Scaled(value, unit);
    }

    private record Scaled(double value, int unit) {}
}
