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
        Instant utc = plainUtc(text);
        if (utc != null) {
            return Optional.of(utc);
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static final int PLAIN_UTC_LENGTH = "2025-12-01T10:00:00Z".length();

    /**
     * The form every snapshot we write uses, {@code 2025-12-01T10:00:00[.fraction]Z}, read without
     * {@link OffsetDateTime#parse}, which costs about 2 KB and 5 µs a call: 3,000 processes' start
     * times were a third of reading a recording's keyframe. Null for anything else (other offsets,
     * lower case, out-of-range fields), which the full parser then reads or refuses.
     */
    static Instant plainUtc(String t) {
        int n = t.length();
        if (n < PLAIN_UTC_LENGTH || n > PLAIN_UTC_LENGTH + 10 || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int nanos = 0;
        if (n > PLAIN_UTC_LENGTH) {
            int fraction = n - PLAIN_UTC_LENGTH - 1;        // digits between '.' and 'Z'
            if (t.charAt(19) != '.' || fraction < 1) {
                return null;
            }
            nanos = digits(t, 20, fraction);
            for (int i = fraction; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written with {@code count} ASCII digits at {@code from}; -1 if any is not a digit. */
    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
        if (!v.isIntegralNumber()) {
            throw fail(field, rule, v);
        }
        if (v.canConvertToLong()) {
            // no BigInteger for the common case: a size per field of every process of every keyframe
            if (v.longValue() < 0) {
                throw fail(field, rule, v);
            }
            return v.longValue();
        }
        throw v.bigIntegerValue().signum() < 0 ? fail(field, rule, v)
                : fail(field, "is too large (at most " + Long.MAX_VALUE + ")", v);
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
