package io.herakles.procmem.cli;

import java.util.Locale;

/** Bytes in binary units for terminal output: {@code 0 B}, {@code 512 KiB}, {@code 19.5 MiB}, {@code 2.1 GiB}. */
final class ByteText {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteText() {}

    static String of(long bytes) {
        double v = bytes;
        int unit = 0;
        while (Math.abs(v) >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        if (unit == 0 || Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f %s", v, UNITS[unit]);
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    /**
     * {@code s} with control characters shown as escapes ({@code \n}, {@code \t}, {@code \x1b}), so
     * a path with a newline stays on one line of a table and cannot move the terminal's cursor.
     */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
