package io.herakles.procmem.export.recording;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.model.ProcessSample;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * A delta line's {@code changed} object read straight from the parser: the pids and, per
 * {@link DeltaColumn}, one canonical value per pid ({@link DeltaColumn#ABSENT} where it stayed).
 * Strict: every column is an array as long as {@code pid}, of values its column can hold.
 */
final class Columns {

    private int[] pids = new int[0];
    private final long[][] values = new long[DeltaColumn.all().length][];

    private Columns() {}

    /** Reads the object the parser's current token starts; leaves the parser on its end. */
    static Columns read(JsonParser p, String shown) throws IOException, SnapshotFileException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new SnapshotFileException(shown + ": must be an object of columns");
        }
        Columns c = new Columns();
        boolean pidsRead = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new SnapshotFileException(shown + ": column '" + name + "' must be an array");
            }
            if (name.equals(RecordingFormat.PID)) {
                c.pids = pids(p, shown);
                pidsRead = true;
                continue;
            }
            DeltaColumn column = DeltaColumn.named(name);
            if (column == null) {
                throw new SnapshotFileException(shown + ": unknown column '" + name + "'");
            }
            if (c.values[column.ordinal()] != null) {
                throw new SnapshotFileException(shown + ": column '" + name + "' appears twice");
            }
            c.values[column.ordinal()] = values(p, column, shown + "." + name);
        }
        if (!pidsRead) {
            throw new SnapshotFileException(shown + ": column 'pid' is missing");
        }
        for (DeltaColumn column : DeltaColumn.all()) {
            long[] v = c.values[column.ordinal()];
            if (v != null && v.length != c.pids.length) {
                throw new SnapshotFileException(shown + ": column '" + column.field + "' has " + v.length
                        + " values for " + c.pids.length + " pids");
            }
        }
        return c;
    }

    private static int[] pids(JsonParser p, String shown) throws IOException, SnapshotFileException {
        int[] out = new int[64];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                    || p.getIntValue() < 0) {
                throw new SnapshotFileException(shown + ".pid[" + n + "]: must be a pid, got " + p.getText());
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = p.getIntValue();
        }
        return Arrays.copyOf(out, n);
    }

    private static long[] values(JsonParser p, DeltaColumn column, String shown) throws IOException, SnapshotFileException {
        long[] out = new long[64];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n] = value(p, column, shown + "[" + n + "]");
            n++;
        }
        return Arrays.copyOf(out, n);
    }

    private static long value(JsonParser p, DeltaColumn column, String shown) throws IOException, SnapshotFileException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return DeltaColumn.ABSENT;
        }
        if (column == DeltaColumn.STATE) {
            if (t != JsonToken.VALUE_STRING || p.getTextLength() != 1) {
                throw new SnapshotFileException(shown + ": must be a one-letter state, got " + p.getText());
            }
            return p.getText().charAt(0);
        }
        boolean number = t == JsonToken.VALUE_NUMBER_INT || (column.isHundredths() && t == JsonToken.VALUE_NUMBER_FLOAT);
        if (!number || (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.BIG_INTEGER)) {
            throw new SnapshotFileException(shown + ": must be a non-negative " + (column.isHundredths() ? "number"
                    : "integer") + ", got " + p.getText());
        }
        long v = column.isHundredths() ? Math.round(p.getDoubleValue() * 100) : p.getLongValue();
        if (v < 0) {
            throw new SnapshotFileException(shown + ": must be non-negative, got " + p.getText());
        }
        return v;
    }

    /** Replaces each listed process of {@code processes} by its changed version. */
    void applyTo(Map<Integer, ProcessSample> processes, String shown) throws SnapshotFileException {
        long[] row = new long[values.length];
        for (int i = 0; i < pids.length; i++) {
            ProcessSample before = processes.get(pids[i]);
            if (before == null) {
                throw new SnapshotFileException(shown + ".pid[" + i + "]: pid " + pids[i] + " is not in the sample before");
            }
            for (int c = 0; c < values.length; c++) {
                row[c] = values[c] == null ? DeltaColumn.ABSENT : values[c][i];
            }
            processes.put(pids[i], DeltaColumn.apply(before, row));
        }
    }
}
