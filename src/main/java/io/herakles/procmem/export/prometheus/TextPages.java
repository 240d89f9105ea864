package io.herakles.procmem.export.prometheus;

import java.util.Locale;

/** Formatting helpers shared by the plain-text pages (upstream's Rust {@code format!} layouts). Stateless. */
final class TextPages {

    /** Footer of every text page, preceded by a blank line, no trailing newline. */
    static final String FOOTER = "Project: https://github.com/herakles-io/herakles-proc-mem-exporter"
            + " — More info: https://www.herakles.io — Support: proc-mem@herakles.io";

    private TextPages() {}

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    /** Rust's {@code {:^width}}: extra space goes to the right. */
    static String center(String s, int width) {
        int pad = width - s.length();
        if (pad <= 0) {
            return s;
        }
        int left = pad / 2;
        return " ".repeat(left) + s + " ".repeat(pad - left);
    }

    static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
