package io.herakles.procmem.export.recording;

import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import java.util.OptionalLong;

/**
 * The process fields a delta line carries column by column ({@link RecordingFormat}): the figures
 * that move from sample to sample. Each column has a canonical long per process, so that the
 * encoder compares numbers, not JSON: bytes and counts as they are, CPU figures in hundredths
 * (a recording keeps CPU percent and CPU seconds to 0.01, as {@code /proc} counts CPU time in
 * hundredths of a second), the state as its letter. A field that becomes unreadable (absent) is
 * not a column value: the encoder writes that process whole. Names are the snapshot format's.
 */
enum DeltaColumn {
    RSS("rss"),
    PSS("pss"),
    USS("uss"),
    CPU_PERCENT("cpu_percent"),
    CPU_TIME_SECONDS("cpu_time_seconds"),
    PPID("ppid"),
    THREADS("threads"),
    STATE("state"),
    SWAP("swap"),
    RSS_ANON("rss_anon"),
    RSS_FILE("rss_file"),
    RSS_SHMEM("rss_shmem"),
    PSS_ANON("pss_anon"),
    PSS_FILE("pss_file"),
    PSS_SHMEM("pss_shmem"),
    SWAP_PSS("swap_pss");

    /** {@link #key} of a field that is absent (unreadable) or, for the state, unknown. */
    static final long ABSENT = Long.MIN_VALUE;

    private static final DeltaColumn[] ALL = values();

    final String field;

    DeltaColumn(String field) {
        this.field = field;
    }

    static DeltaColumn[] all() {
        return ALL;
    }

    /** The column named {@code field}; null for a name no column has. */
    static DeltaColumn named(String field) {
        for (DeltaColumn c : ALL) {
            if (c.field.equals(field)) {
                return c;
            }
        }
        return null;
    }

    /** Whether the JSON value is a fraction (CPU figures) rather than an integer or a letter. */
    boolean isHundredths() {
        return this == CPU_PERCENT || this == CPU_TIME_SECONDS;
    }

    /** The canonical value of this field of {@code p}; {@link #ABSENT} when it has none. */
    long key(ProcessSample p) {
        MemoryBreakdown m = p.memory();
        return switch (this) {
            case RSS -> p.rssBytes();
            case PSS -> or(p.pssBytes());
            case USS -> or(p.ussBytes());
            case CPU_PERCENT -> hundredths(p.cpuPercent());
            case CPU_TIME_SECONDS -> hundredths(p.cpuTimeSeconds());
            case PPID -> p.ppid();
            case THREADS -> p.threads();
            case STATE -> p.state() == '?' ? ABSENT : p.state();
            case SWAP -> or(m.swap());
            case RSS_ANON -> or(m.rssAnon());
            case RSS_FILE -> or(m.rssFile());
            case RSS_SHMEM -> or(m.rssShmem());
            case PSS_ANON -> or(m.pssAnon());
            case PSS_FILE -> or(m.pssFile());
            case PSS_SHMEM -> or(m.pssShmem());
            case SWAP_PSS -> or(m.swapPss());
        };
    }

    /**
     * {@code before} with the columns whose entry in {@code keys} is not {@link #ABSENT} set to
     * that value.
     */
    static ProcessSample apply(ProcessSample before, long[] keys) {
        ProcessSample.Builder b = before.toBuilder();
        MemoryBreakdown m = before.memory();
        OptionalLong[] parts = {m.rssAnon(), m.rssFile(), m.rssShmem(), m.swap(), m.pssAnon(), m.pssFile(),
                m.pssShmem(), m.swapPss()};
        boolean memory = false;
        for (DeltaColumn c : ALL) {
            long k = keys[c.ordinal()];
            if (k == ABSENT) {
                continue;
            }
            switch (c) {
                case RSS -> b.rssBytes(k);
                case PSS -> b.pssBytes(k);
                case USS -> b.ussBytes(k);
                case CPU_PERCENT -> b.cpuPercent(k / 100.0);
                case CPU_TIME_SECONDS -> b.cpuTimeSeconds(k / 100.0);
                case PPID -> b.ppid((int) k);
                case THREADS -> b.threads((int) k);
                case STATE -> b.state((char) k);
                default -> {
                    parts[c.memoryPart()] = OptionalLong.of(k);
                    memory = true;
                }
            }
        }
        if (memory) {
            b.memory(new MemoryBreakdown(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6],
                    parts[7]));
        }
        return b.build();
    }

    /** Index in {@link MemoryBreakdown}'s component order (rssAnon … swapPss). */
    private int memoryPart() {
        return switch (this) {
            case RSS_ANON -> 0;
            case RSS_FILE -> 1;
            case RSS_SHMEM -> 2;
            case SWAP -> 3;
            case PSS_ANON -> 4;
            case PSS_FILE -> 5;
            case PSS_SHMEM -> 6;
            case SWAP_PSS -> 7;
            default -> throw new IllegalStateException(this + " is not a memory part");
        };
    }

    private static long or(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : ABSENT;
    }

    private static long hundredths(double v) {
        return Double.isFinite(v) && v >= 0 ? Math.round(v * 100) : 0;
    }
}
