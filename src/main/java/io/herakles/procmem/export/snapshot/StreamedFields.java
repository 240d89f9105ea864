package io.herakles.procmem.export.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One process object read from tokens, without building a tree: the fast path of
 * {@link SnapshotJsonReader}. It accepts a value only where {@link FieldReader} would accept the same
 * value and gives the same result; anything else, however harmless, is {@link #REFUSED}, a
 * message-less failure after which the reader reads the document the strict way for the message.
 * Reused from one process to the next; not thread-safe.
 */
final class StreamedFields implements ProcessFields {

    /** Thrown for anything this fast path does not take; never shown to anyone. */
    static final SnapshotFileException REFUSED = new SnapshotFileException("not on the fast path");

    /** JSON null, as a value of the map (which has no entry for a missing field). */
    private static final Object NULL = new Object();

    private final Map<String, Object> values = new HashMap<>(64);

    /**
     * Reads the object whose START_OBJECT the parser is on, up to its END_OBJECT. Strings, integers
     * of int or long range, other numbers as doubles and nulls are kept; objects, arrays, booleans
     * and integers beyond a long are kept as refusals (a field we read must not hold one).
     */
    StreamedFields read(JsonParser p) throws IOException {
        values.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            values.put(field, switch (token) {
                case VALUE_STRING -> p.getText();
                case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? REFUSED : (Object) p.getLongValue();
                case VALUE_NUMBER_FLOAT -> (Object) p.getDoubleValue();
                case VALUE_NULL -> NULL;
                default -> {
                    p.skipChildren();
                    yield REFUSED;
                }
            });
        }
        return this;
    }

    /** The pid: an integer in 1..2^31-1. */
    int requiredPid(String field) throws SnapshotFileException {
        long v = integer(present(field));
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw REFUSED;
        }
        return (int) v;
    }

    @Override
    public String requiredString(String field) throws SnapshotFileException {
        return text(present(field));
    }

    @Override
    public String optionalString(String field, String otherwise) throws SnapshotFileException {
        Object v = values.get(field);
        return v == null || v == NULL ? otherwise : text(v);
    }

    @Override
    public long requiredSize(String field) throws SnapshotFileException {
        return size(present(field));
    }

    @Override
    public OptionalLong nullableSize(String field) throws SnapshotFileException {
        Object v = present(field);
        return v == NULL ? OptionalLong.empty() : OptionalLong.of(size(v));
    }

    @Override
    public OptionalLong optionalSize(String field) throws SnapshotFileException {
        Object v = values.get(field);
        return v == null || v == NULL ? OptionalLong.empty() : OptionalLong.of(size(v));
    }

    @Override
    public int optionalCount(String field, int otherwise) throws SnapshotFileException {
        Object v = values.get(field);
        if (v == null || v == NULL) {
            return otherwise;
        }
        long n = integer(v);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw REFUSED;
        }
        return (int) n;
    }

    @Override
    public double requiredCpu(String field) throws SnapshotFileException {
        Object v = present(field);
        double d;
        if (v instanceof Long l) {
            d = l;
        } else if (v instanceof Double x) {
            d = x;
        } else {
            throw REFUSED;
        }
        if (!Double.isFinite(d) || d < 0) {
            throw REFUSED;
        }
        return d;
    }

    @Override
    public char optionalState(String field) throws SnapshotFileException {
        Object v = values.get(field);
        if (v == null || v == NULL) {
            return '?';
        }
        String s = text(v);
        if (s.length() != 1) {
            throw REFUSED;
        }
        return s.charAt(0);
    }

    @Override
    public Optional<Instant> optionalInstant(String field) throws SnapshotFileException {
        Object v = values.get(field);
        if (v == null || v == NULL) {
            return Optional.empty();
        }
        Optional<Instant> parsed = FieldReader.parseInstant(text(v));
        if (parsed.isEmpty()) {
            throw REFUSED;
        }
        return parsed;
    }

    private Object present(String field) throws SnapshotFileException {
        Object v = values.get(field);
        if (v == null) {
            throw REFUSED;
        }
        return v;
    }

    private static String text(Object v) throws SnapshotFileException {
        if (v instanceof String s) {
            return s;
        }
        throw REFUSED;
    }

    private static long integer(Object v) throws SnapshotFileException {
        if (v instanceof Long l) {
            return l;
        }
        throw REFUSED;
    }

    private static long size(Object v) throws SnapshotFileException {
        long n = integer(v);
        if (n < 0) {
            throw REFUSED;
        }
        return n;
    }
}
