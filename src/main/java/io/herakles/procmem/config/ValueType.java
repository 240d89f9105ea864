package io.herakles.procmem.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The value types of config keys and how raw input becomes a typed value. Typed values are
 * {@link Integer} ({@link #INT}), {@link Long} ({@link #LONG}), {@link Boolean}, {@link String} and
 * an unmodifiable {@code List<String>}.
 *
 * <p>Two inputs: a file value (a Jackson node; lists must be real lists there) and a text value
 * (environment variables and textual flags: lists are comma-separated, each element trimmed, empty
 * elements dropped because an empty substring would match every process name).
 */
enum ValueType {
    INT("an integer"),
    LONG("an integer"),
    BOOLEAN("a boolean (true/false)"),
    STRING("a string"),
    LIST("a list of strings");

    /** Checked failure of a conversion; the message reads after a key name ("expects …, got …"). */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    private static final int SHOWN_CHARS = 60;

    private final String expected;

    ValueType(String expected) {
        this.expected = expected;
    }

    /** What the type looks like to a user, e.g. "an integer". */
    String expected() {
        return expected;
    }

    /** Converts an environment/flag text. */
    Object fromText(String raw) throws BadValue {
        String text = raw.strip();
        return switch (this) {
            case INT -> toInt(parseLong(text, raw), quote(raw));
            case LONG -> parseLong(text, raw);
            case BOOLEAN -> parseBoolean(text, raw);
            case STRING -> text;
            case LIST -> splitList(text);
        };
    }

    /** Converts a file value; scalars of another kind are converted by the text rules. */
    Object fromNode(JsonNode node) throws BadValue {
        if (this == LIST) {
            return listFromNode(node);
        }
        if (!node.isValueNode()) {
            throw mismatch(shown(node));
        }
        if ((this == INT || this == LONG) && node.isNumber()) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw mismatch(shown(node));
            }
            long value = node.longValue();
            if (this == INT) {
                return toInt(value, shown(node)); // (no ?: here: it would widen the Integer to long)
            }
            return value;
        }
        if (this == BOOLEAN && node.isBoolean()) {
            return node.booleanValue();
        }
        if (this == STRING) {
            return node.asText();
        }
        return fromText(node.asText());
    }

    /** Checks a typed value handed over by the CLI and normalises it (Integer/Long widths, lists). */
    Object fromTyped(Object value) throws BadValue {
        if (value instanceof String text) {
            return fromText(text);
        }
        switch (this) {
            case INT, LONG -> {
                if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                    long number = ((Number) value).longValue();
                    if (this == INT) {
                        return toInt(number, String.valueOf(number));
                    }
                    return number;
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean) {
                    return value;
                }
            }
            case STRING -> {
                return value.toString();
            }
            case LIST -> {
                List<?> list = value instanceof Object[] array ? Arrays.asList(array)
                        : value instanceof List<?> l ? l : null;
                if (list != null) {
                    List<String> out = new ArrayList<>();
                    for (Object element : list) {
                        String text = String.valueOf(element).strip();
                        if (!text.isEmpty()) {
                            out.add(text); // like the text form: an empty name would match everything
                        }
                    }
                    return List.copyOf(out);
                }
            }
        }
        throw mismatch(quote(String.valueOf(value)));
    }

    private Object listFromNode(JsonNode node) throws BadValue {
        if (!node.isArray()) {
            throw mismatch(shown(node));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isValueNode() || element.isNull()) {
                throw mismatch(shown(node));
            }
            out.add(element.asText());
        }
        return List.copyOf(out);
    }

    private static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String element = part.strip();
            if (!element.isEmpty()) {
                out.add(element);
            }
        }
        return List.copyOf(out);
    }

    private long parseLong(String text, String raw) throws BadValue {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw mismatch(quote(raw));
        }
    }

    private Integer toInt(long value, String shown) throws BadValue {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new BadValue("expects " + expected + " up to " + Integer.MAX_VALUE + ", got " + shown);
        }
        return (int) value;
    }

    private Boolean parseBoolean(String text, String raw) throws BadValue {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw mismatch(quote(raw));
        };
    }

    private BadValue mismatch(String shown) {
        return new BadValue("expects " + expected + ", got " + shown);
    }

    private static String shown(JsonNode node) {
        return abbreviate(node.toString());
    }

    private static String quote(String raw) {
        return abbreviate("\"" + raw + "\"");
    }

    private static String abbreviate(String text) {
        String line = ConfigException.oneLine(text);
        return line.length() <= SHOWN_CHARS ? line : line.substring(0, SHOWN_CHARS - 1) + "…";
    }
}
