package io.herakles.procmem.model.maps;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The {@link MappingFigure}s of one mapping, or their sum over several. Bytes. A figure whose line
 * the kernel did not print (SwapPss before Linux 4.3, the THP lines on kernels without THP) is
 * absent, not zero; a sum is absent only when absent in every part. Immutable.
 */
public final class MappingSizes {

    private static final int N = MappingFigure.values().length;
    /** Marks a figure the kernel did not print. */
    private static final long ABSENT = -1;

    /** Every figure absent (the neutral element of {@link #plus}). */
    public static final MappingSizes NONE = new MappingSizes(absentArray());

    private final long[] bytes;

    private MappingSizes(long[] bytes) {
        this.bytes = bytes;
    }

    private static long[] absentArray() {
        long[] a = new long[N];
        Arrays.fill(a, ABSENT);
        return a;
    }

    /**
     * From {@code values} indexed by {@link MappingFigure#ordinal()} (copied); a negative value
     * means absent.
     */
    public static MappingSizes of(long[] values) {
        if (values.length != N) {
            throw new IllegalArgumentException("need " + N + " figures, got " + values.length);
        }
        long[] copy = values.clone();
        for (int i = 0; i < N; i++) {
            if (copy[i] < 0) {
                copy[i] = ABSENT;
            }
        }
        return new MappingSizes(copy);
    }

    /** The figure, absent when the kernel did not print it. */
    public OptionalLong get(MappingFigure f) {
        long v = bytes[f.ordinal()];
        return v == ABSENT ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The figure, 0 when absent (for sorting and drawing, never for showing). */
    public long bytes(MappingFigure f) {
        return Math.max(0, bytes[f.ordinal()]);
    }

    public long size() {
        return bytes(MappingFigure.SIZE);
    }

    public long rss() {
        return bytes(MappingFigure.RSS);
    }

    public long pss() {
        return bytes(MappingFigure.PSS);
    }

    public long swap() {
        return bytes(MappingFigure.SWAP);
    }

    /** Unique set size: Private_Clean + Private_Dirty. */
    public long uss() {
        return bytes(MappingFigure.PRIVATE_CLEAN) + bytes(MappingFigure.PRIVATE_DIRTY);
    }

    /** The figure-wise sum; absent only where both are absent. */
    public MappingSizes plus(MappingSizes o) {
        long[] sum = new long[N];
        for (int i = 0; i < N; i++) {
            long a = bytes[i];
            long b = o.bytes[i];
            sum[i] = a == ABSENT ? b : b == ABSENT ? a : a + b;
        }
        return new MappingSizes(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MappingSizes s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MappingSizes[");
        for (MappingFigure f : MappingFigure.values()) {
            sb.append(f.key()).append('=').append(bytes[f.ordinal()] == ABSENT ? "absent" : bytes[f.ordinal()])
                    .append(f.ordinal() == N - 1 ? "]" : ", ");
        }
        return sb.toString();
    }
}
