package io.herakles.procmem.export.recording;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.herakles.procmem.export.snapshot.SnapshotFileException;
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
    /** Whether this is several deltas' columns folded into one ({@link #fold}). */
    private boolean folded;

    private Columns() {}

    /** Thrown by {@link #applyTo} of folded columns that name a pid the state lacks: the caller applies the deltas one by one for the message. */
    static final class FoldedRunInvalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FoldedRunInvalid() {
            super(null, null, false, false);
        }
    }

    /** Whether {@link #fold} can fold these (each null, or its pids in ascending order, as the writer puts them). */
    static boolean canFold(Columns earlier, Columns later) {
        return (earlier == null || ascending(earlier.pids)) && (later == null || ascending(later.pids));
    }

    /**
     * {@code earlier}'s columns followed by {@code later}'s, as one set (a value of {@code later}
     * wins); null when both are null (deltas that changed nothing). Only for deltas that add and
     * remove no process, so that both name pids of the same state, and where {@link #canFold}. May
     * reuse (and change) {@code earlier}'s arrays and {@code later}'s: both belong to the run being folded.
     */
    static Columns fold(Columns earlier, Columns later) {
        if (earlier == null || later == null) {
            Columns only = earlier == null ? later : earlier;
            if (only == null) {
                return null;
            }
            Columns c = new Columns();
            c.pids = only.pids;
            System.arraycopy(only.values, 0, c.values, 0, c.values.length);
            c.folded = true;
            return c;
        }
        if (Arrays.equals(earlier.pids, later.pids)) {
            // the usual case (the same processes move sample after sample): into earlier's arrays,
            // which only the run being folded holds
            for (int col = 0; col < earlier.values.length; col++) {
                long[] over = later.values[col];
                if (over == null) {
                    continue;
                }
                if (earlier.values[col] == null) {
                    earlier.values[col] = over;
                    continue;
                }
                for (int k = 0; k < over.length; k++) {
                    if (over[k] != DeltaColumn.ABSENT) {
                        earlier.values[col][k] = over[k];
                    }
                }
            }
            earlier.folded = true;
            return earlier;
        }
        int[] a = earlier.pids;
        int[] b = later.pids;
        int[] union = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                union[n++] = a[i++];
            } else if (a[i] > b[j]) {
                union[n++] = b[j++];
            } else {
                union[n++] = a[i++];
                j++;
            }
        }
        while (i < a.length) {
            union[n++] = a[i++];
        }
        while (j < b.length) {
            union[n++] = b[j++];
        }
        Columns c = new Columns();
        c.pids = Arrays.copyOf(union, n);
        c.folded = true;
        for (int col = 0; col < c.values.length; col++) {
            if (earlier.values[col] == null && later.values[col] == null) {
                continue;
            }
            long[] out = new long[n];
            Arrays.fill(out, DeltaColumn.ABSENT);
            overlay(out, c.pids, earlier.pids, earlier.values[col]);
            overlay(out, c.pids, later.pids, later.values[col]);
            c.values[col] = out;
        }
        return c;
    }

    /** Writes {@code values} (aligned with {@code pids}, a subset of {@code union}) into {@code out}; ABSENT values leave it. */
    private static void overlay(long[] out, int[] union, int[] pids, long[] values) {
        if (values == null) {
            return;
        }
        for (int i = 0, u = 0; i < pids.length; i++) {
            while (union[u] != pids[i]) {
                u++;
            }
            if (values[i] != DeltaColumn.ABSENT) {
                out[u] = values[i];
            }
        }
    }

    private static boolean ascending(int[] pids) {
        for (int i = 1; i < pids.length; i++) {
            if (pids[i] <= pids[i - 1]) {
                return false;
            }
        }
        return true;
    }

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
            // the writer puts the pids first: then each column is read into an array of their number
            c.values[column.ordinal()] = values(p, column, shown + "." + name, pidsRead ? c.pids.length : 64);
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
        int[] out = new int[1024];
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

    private static long[] values(JsonParser p, DeltaColumn column, String shown, int expected)
            throws IOException, SnapshotFileException {
        long[] out = new long[Math.max(1, expected)];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n] = value(p, column, shown, n);
            n++;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** One value of the column; {@code shown} and {@code index} name it in an error only (no text built per value). */
    private static long value(JsonParser p, DeltaColumn column, String shown, int index)
            throws IOException, SnapshotFileException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return DeltaColumn.ABSENT;
        }
        if (column == DeltaColumn.STATE) {
            if (t != JsonToken.VALUE_STRING || p.getTextLength() != 1) {
                throw new SnapshotFileException(shown + "[" + index + "]: must be a one-letter state, got " + p.getText());
            }
            return p.getText().charAt(0);
        }
        long v;
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            v = column.isHundredths() ? p.getLongValue() * 100 : p.getLongValue();
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT && column.isHundredths()) {
            v = hundredths(p);
        } else {
            throw new SnapshotFileException(shown + "[" + index + "]: must be a non-negative "
                    + (column.isHundredths() ? "number" : "integer") + ", got " + p.getText());
        }
        if (v < 0) {
            throw new SnapshotFileException(shown + "[" + index + "]: must be non-negative, got " + p.getText());
        }
        return v;
    }

    /**
     * A fraction as hundredths, read from its digits when it has at most two after the point (all
     * the writer writes), so that no double is parsed per value; otherwise through a double.
     */
    private static long hundredths(JsonParser p) throws IOException {
        char[] text = p.getTextCharacters();
        int from = p.getTextOffset();
        int end = from + p.getTextLength();
        long whole = 0;
        int i = from;
        while (i < end && text[i] >= '0' && text[i] <= '9' && i - from < 15) {
            whole = whole * 10 + (text[i++] - '0');
        }
        if (i < end && text[i] == '.' && i > from) {
            int fraction = 0;
            int digits = 0;
            i++;
            while (i < end && text[i] >= '0' && text[i] <= '9' && digits < 3) {
                fraction = fraction * 10 + (text[i++] - '0');
                digits++;
            }
            if (i == end && digits >= 1 && digits <= 2) {
                return whole * 100 + (digits == 1 ? fraction * 10 : fraction);
            }
        }
        return Math.round(p.getDoubleValue() * 100);
    }

    /**
     * Writes the values into {@code pending} (per pid, one slot per column, {@link DeltaColumn#ABSENT}
     * for none yet), for pids in {@code present}; the caller builds the processes later.
     */
    void applyTo(java.util.Set<Integer> present, Map<Integer, long[]> pending, String shown) throws SnapshotFileException {
        // checked before anything is written, so that folded columns leave the state as it was
        for (int i = 0; i < pids.length; i++) {
            if (!present.contains(pids[i])) {
                if (folded) {
                    throw new FoldedRunInvalid();
                }
                throw new SnapshotFileException(shown + ".pid[" + i + "]: pid " + pids[i] + " is not in the sample before");
            }
        }
        for (int i = 0; i < pids.length; i++) {
            Integer pid = pids[i];     // boxed once: a pid is rarely in Integer's small cache
            long[] row = pending.get(pid);
            if (row == null) {
                row = new long[values.length];
                Arrays.fill(row, DeltaColumn.ABSENT);
                pending.put(pid, row);
            }
            for (int c = 0; c < values.length; c++) {
                if (values[c] != null && values[c][i] != DeltaColumn.ABSENT) {
                    row[c] = values[c][i];
                }
            }
        }
    }
}
