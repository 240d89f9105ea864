package io.herakles.procmem.ui.details;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Text for numbers in the UI: binary byte units ("1.5 GiB"), percentages, times; an absent
 * value is shown as {@link #ABSENT} ("—"), never as 0. Stateless, locale-independent (dot
 * decimal separator), safe from any thread.
 */
public final class Format {

    /** What an absent (unreadable) value looks like. */
    public static final String ABSENT = "\u2014";

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Format() {}

    /** Bytes with a binary unit and one decimal above bytes: {@code 512 B}, {@code 1.5 GiB}. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "-" + bytes(bytes == Long.MIN_VALUE ? Long.MAX_VALUE : -bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        // 1023.96 MiB would print as "1024.0 MiB": step up instead
        if (v >= 1023.95 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    /** Bytes, or "—" when absent. */
    public static String bytes(OptionalLong bytes) {
        return bytes.isPresent() ? bytes(bytes.getAsLong()) : ABSENT;
    }

    /** A CPU percentage with one decimal: {@code 12.5 %}. */
    public static String percent(double percent) {
        if (!Double.isFinite(percent)) {
            return ABSENT;
        }
        return String.format(Locale.ROOT, "%.1f %%", percent);
    }

    /** A ratio 0..1 as a percentage, or "—" when absent. */
    public static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? percent(ratio.getAsDouble() * 100) : ABSENT;
    }

    /** A local date-time, or "—" for null. */
    public static String instant(Instant t, ZoneId zone) {
        return t == null ? ABSENT : DATE_TIME.format(t.atZone(zone));
    }

    /** A duration as {@code 3d 4h}, {@code 2h 5m}, {@code 4m 10s} or {@code 12s}; "—" for null or negative. */
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

    /** Text, or "—" when empty or null. */
    public static String text(String s) {
        return s == null || s.isBlank() ? ABSENT : s;
    }
}
