package io.herakles.procmem.collect;

import io.herakles.procmem.model.maps.Mapping;
import io.herakles.procmem.model.maps.MappingFigure;
import io.herakles.procmem.model.maps.MappingKind;
import io.herakles.procmem.model.maps.MappingSizes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Total parser for {@code /proc/PID/smaps}: every mapping with its header (address range, perms,
 * offset, device, inode, path) and the {@link MappingFigure} lines below it. Never throws: a line
 * it does not know is skipped, a malformed header drops that one mapping (its lines are skipped
 * up to the next header), a truncated file yields the mappings read so far.
 *
 * <p>Paths are taken byte for byte from after the inode column to the end of the line (so spaces
 * and a {@code " (deleted)"} suffix stay), then decoded losslessly by {@link PathText}.
 *
 * <p>Stateless apart from a scratch array; not thread-safe (one per thread, like the readers).
 */
public final class SmapsParser {

    private static final MappingFigure[] FIGURES = MappingFigure.values();
    private static final byte[][] KEYS = keys();
    /**
     * The keys by their first byte: most lines of {@code smaps} are keys we skip (KernelPageSize,
     * Referenced, VmFlags, …), and a line is only compared with the keys sharing its first letter.
     */
    private static final int[][] BY_FIRST_BYTE = byFirstByte();

    private final long[] figures = new long[FIGURES.length];
    private final int[] end = new int[1];

    /** Receives each mapping of a file, in file order. */
    @FunctionalInterface
    public interface MappingSink {
        /**
         * One mapping; {@code figures} (bytes, -1 where the kernel printed no line, indexed by
         * {@link MappingFigure#ordinal()}) is reused for the next call, copy what you keep.
         */
        void mapping(Header header, long[] figures);
    }

    /**
     * The header line of one mapping.
     *
     * @param path the decoded path column ("" when anonymous)
     */
    public record Header(long start, long end, String perms, long offset, String device, long inode, String path) {}

    /** Every mapping of {@code b[0, len)} as records. */
    public List<Mapping> parse(byte[] b, int len) {
        List<Mapping> out = new ArrayList<>();
        scan(b, len, (h, f) -> out.add(new Mapping(h.start(), h.end(), h.perms(), h.offset(), h.device(), h.inode(),
                h.path(), MappingKind.of(h.path()), MappingSizes.of(f))));
        return out;
    }

    /** Calls {@code sink} once per mapping of {@code b[0, len)}. */
    public void scan(byte[] b, int len, MappingSink sink) {
        Header current = null;
        int line = 0;
        while (line < len) {
            int eol = Bytes.indexOf(b, (byte) '\n', line, len);
            if (eol < 0) {
                eol = len;
            }
            if (isHeader(b, line, eol)) {
                if (current != null) {
                    sink.mapping(current, figures);
                }
                current = header(b, line, eol);
                Arrays.fill(figures, -1);
            } else if (current != null) {
                figureLine(b, line, eol);
            }
            line = eol + 1;
        }
        if (current != null) {
            sink.mapping(current, figures);
        }
    }

    /** Header lines start with a lower-case hex address and a dash; key lines with a capital letter. */
    private static boolean isHeader(byte[] b, int from, int to) {
        int i = from;
        while (i < to && hexDigit(b[i]) >= 0) {
            i++;
        }
        return i > from && i < to && b[i] == '-';
    }

    private void figureLine(byte[] b, int from, int to) {
        if (from >= to || b[from] < 0) {
            return;
        }
        for (int k : BY_FIRST_BYTE[b[from]]) {
            if (KeyedLines.startsWith(b, from, to, KEYS[k])) {
                long kb = Bytes.unsigned(b, from + KEYS[k].length, to, end);
                if (kb != Bytes.NONE && kb <= Long.MAX_VALUE / 1024) {
                    figures[k] = kb * 1024;
                }
                return;
            }
        }
    }

    /** {@code start-end perms offset dev inode   path}; null when malformed. */
    private Header header(byte[] b, int from, int to) {
        int[] at = {from};
        long start = hex(b, at, to, (byte) '-');
        long stop = hex(b, at, to, (byte) ' ');
        int permsEnd = Bytes.indexOf(b, (byte) ' ', at[0], to);
        if (start < 0 || stop < 0 || permsEnd < 0) {
            return null;
        }
        String perms = Bytes.text(b, at[0], permsEnd);
        at[0] = permsEnd + 1;
        long offset = hex(b, at, to, (byte) ' ');
        int devEnd = Bytes.indexOf(b, (byte) ' ', at[0], to);
        if (offset < 0 || devEnd < 0) {
            return null;
        }
        String device = Bytes.text(b, at[0], devEnd);
        long inode = Bytes.unsigned(b, devEnd + 1, to, end);
        if (inode == Bytes.NONE) {
            return null;
        }
        int pathStart = Bytes.skipSpaces(b, end[0], to);
        return new Header(start, stop, perms, offset, device, inode, PathText.decode(b, pathStart, to));
    }

    /** Hex digits up to {@code stop}, advancing {@code at[0]} past it; -1 when malformed. */
    private static long hex(byte[] b, int[] at, int to, byte stop) {
        int i = at[0];
        long v = 0;
        int digits = 0;
        while (i < to && b[i] != stop) {
            int d = hexDigit(b[i]);
            if (d < 0 || digits == 16) {
                return -1;
            }
            v = (v << 4) | d;
            digits++;
            i++;
        }
        if (i >= to || digits == 0) {
            return -1;
        }
        at[0] = i + 1;
        return v;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static int[][] byFirstByte() {
        int[][] table = new int[128][];
        for (int c = 0; c < 128; c++) {
            int n = 0;
            int[] ks = new int[KEYS.length];
            for (int k = 0; k < KEYS.length; k++) {
                if (KEYS[k][0] == c) {
                    ks[n++] = k;
                }
            }
            table[c] = java.util.Arrays.copyOf(ks, n);
        }
        return table;
    }

    private static byte[][] keys() {
        byte[][] k = new byte[FIGURES.length][];
        for (MappingFigure f : FIGURES) {
            k[f.ordinal()] = Bytes.ascii(f.key() + ":");
        }
        return k;
    }
}
