package io.herakles.procmem.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Lower-case option values naming an enum constant; a wrong one is one line listing the right ones. */
final class Choice {
    private Choice() {}

    static <E extends Enum<E>> E of(String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("|"));
            throw new UserError(option + ": expected " + allowed + ", got '" + value + "'");
        }
    }

    static void requireFormat(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserError("--format: expected text or json, got '" + format + "'");
        }
    }
}
