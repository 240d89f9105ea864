package io.herakles.procmem.export.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Typed, validating access to the fields of one JSON object of a snapshot file. Every failure is a
 * {@link SnapshotFileException} whose one-line message starts with {@code context} (e.g.
 * {@code "snap.json: processes[3] (pid 1203): "}) and names the field and the offending value.
 *
 * <p>"Required" fields must be present; "nullable" fields must be present but may be {@code null}
 * (our extension for absent values); "optional" fields may be missing or {@code null} (our extra
 * fields, which upstream files do not have). Not thread-safe; one instance per object.
 */
final class FieldReader {

    private static final int MAX_SHOWN_TEXT = 40;

    private final JsonNode object;
    private final String context;

    FieldReader(JsonNode object, String context) {
        this.object = object;
        this.context = context;
    }

    String requiredString(String field) throws SnapshotFileException {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw fail(field, "must be a string", v);
        }
        return v.textValue();
    }

    String optionalString(String field, String otherwise) throws SnapshotFileException {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.isTextual()) {
            throw fail(field, "must be a string", v);
        }
        return v.textValue();
    }

    /** A pid: an integer in 1..2^31-1 (Linux pids are at most 2^22). */
    int requiredPid(String field) throws SnapshotFileException {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() <= 0) {
            throw fail(field, "must be a positive integer", v);
        }
        return v.intValue();
    }

    /** Bytes: a non-negative integer that fits a signed 64-bit long. */
    long requiredSize(String field) throws SnapshotFileException {
        JsonNode v = required(field);
        return size(field, v, "must be a non-negative integer");
    }

    /** Bytes that the file must list but may give as {@code null} (absent, e.g. PSS unreadable). */
    OptionalLong nullableSize(String field) throws SnapshotFileException {
        JsonNode v = required(field);
        return v.isNull() ? OptionalLong.empty()
                : OptionalLong.of(size(field, v, "must be a non-negative integer or null"));
    }

    OptionalLong optionalSize(String field) throws SnapshotFileException {
        JsonNode v = object.get(field);
        return v == null || v.isNull() ? OptionalLong.empty()
                : OptionalLong.of(size(field, v, "must be a non-negative integer or null"));
    }

    /** A non-negative int (ppid, threads, uid, cpu count); {@code otherwise} when missing or null. */
    int optionalCount(String field, int otherwise) throws SnapshotFileException {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw fail(field, "must be a non-negative integer or null", v);
        }
        return v.intValue();
    }

    /** A CPU figure: any finite non-negative JSON number, integer or not. */
    double requiredCpu(String field) throws SnapshotFileException {
        return number(field, required(field), "must be a non-negative number");
    }

    OptionalDouble optionalNumber(String field) throws SnapshotFileException {
        JsonNode v = object.get(field);
        return v == null || v.isNull() ? OptionalDouble.empty()
                : OptionalDouble.of(number(field, v, "must be a non-negative number or null"));
    }

    /** A one-letter process state; {@code '?'} when missing or null. */
    char optionalState(String field) throws SnapshotFileException {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return '?';
        }
        if (!v.isTextual() || v.textValue().length() != 1) {
            throw fail(field, "must be a one-letter string or null", v);
        }
        return v.textValue().charAt(0);
    }

    /** An ISO-8601 instant with offset ({@code 2025-12-01T10:00:00Z}); empty when missing or null. */
    Optional<Instant> optionalInstant(String field) throws SnapshotFileException {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        Optional<Instant> parsed = v.isTextual() ? parseInstant(v.textValue()) : Optional.empty();
        if (parsed.isEmpty()) {
            throw fail(field, "must be an ISO-8601 time such as \"2025-12-01T10:00:00Z\" or null", v);
        }
        return parsed;
    }

    /** The field's node, present or not (for nested objects). */
    JsonNode node(String field) {
        return object.get(field);
    }

    /** Parses an ISO-8601 date-time with a zone offset; empty when it is not one. */
    static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    SnapshotFileException fail(String field, String rule, JsonNode got) {
        return new SnapshotFileException(context + "field '" + field + "' " + rule + ", got " + describe(got));
    }

    private JsonNode required(String field) throws SnapshotFileException {
        JsonNode v = object.get(field);
        if (v == null) {
            throw new SnapshotFileException(context + "missing required field '" + field + "'");
        }
        return v;
    }

    private long size(String field, JsonNode v, String rule) throws SnapshotFileException {
        if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0) {
            throw fail(field, rule, v);
        }
        if (!v.canConvertToLong()) {
            throw fail(field, "is too large (at most " + Long.MAX_VALUE + ")", v);
        }
        return v.longValue();
    }

    private double number(String field, JsonNode v, String rule) throws SnapshotFileException {
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
            throw fail(field, rule, v);
        }
        return v.doubleValue();
    }

    /** A short, one-line rendering of a JSON value for error messages. */
    static String describe(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isTextual()) {
            String s = v.textValue();
            String shown = s.length() > MAX_SHOWN_TEXT ? s.substring(0, MAX_SHOWN_TEXT) + "..." : s;
            return '"' + oneLine(shown) + '"';
        }
        return v.asText();
    }

    /** Control characters (newlines) would break the one-line promise of the messages. */
    static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
