package io.herakles.procmem.ui.details;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The compact history of one process (one pid incarnation): parallel primitive arrays that grow
 * on demand up to a capacity, then halve their resolution so the series always reaches back to the
 * first sighting. Memory is KiB in an {@code int} (saturating at about 2 TiB); -1 marks absent.
 * Times are centiseconds after the first point in an {@code int} (248 days), so a point costs
 * {@value #BYTES_PER_POINT} bytes. Not thread-safe (owned by {@link ProcessHistory}).
 */
final class PidSeries {

    /** Bytes one point takes: time, RSS, PSS, USS and CPU, four bytes each. */
    static final int BYTES_PER_POINT = 20;
    private static final int ABSENT = -1;
    private static final int INITIAL = 16;
    private static final long MILLIS_PER_TICK = 10;

    private final int capacity;
    private final Instant startTime;
    /** Epoch milliseconds of the first point; times are kept as offsets from it. */
    private long baseMillis;
    private int[] timeCentis = new int[INITIAL];
    private int[] rssKib = new int[INITIAL];
    private int[] pssKib = new int[INITIAL];
    private int[] ussKib = new int[INITIAL];
    private float[] cpu = new float[INITIAL];
    /** The number of the last {@link ProcessHistory#record} that saw this pid (to prune the rest). */
    long lastSeen;
    private int size;

    PidSeries(int capacity, Instant startTime) {
        this.capacity = capacity;
        this.startTime = startTime;
    }

    /** Whether this series belongs to a process started at {@code otherStart} (unknown matches). */
    boolean sameIncarnation(Instant otherStart) {
        return startTime == null || otherStart == null || startTime.equals(otherStart);
    }

    void add(Instant time, long rss, OptionalLong pss, OptionalLong uss, double cpuPercent) {
        if (size == capacity) {
            halve();
        } else if (size == timeCentis.length) {
            grow(Math.min(capacity, timeCentis.length * 2));
        }
        if (size == 0) {
            baseMillis = time.toEpochMilli();
        }
        long offset = Math.max(0, time.toEpochMilli() - baseMillis) / MILLIS_PER_TICK;
        timeCentis[size] = (int) Math.min(Integer.MAX_VALUE, offset);
        rssKib[size] = kib(rss);
        pssKib[size] = pss.isPresent() ? kib(pss.getAsLong()) : ABSENT;
        ussKib[size] = uss.isPresent() ? kib(uss.getAsLong()) : ABSENT;
        cpu[size] = (float) cpuPercent;
        size++;
    }

    int size() {
        return size;
    }

    /** Slots allocated now (grows on demand up to the capacity). */
    int allocated() {
        return timeCentis.length;
    }

    List<HistoryPoint> points() {
        List<HistoryPoint> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new HistoryPoint(Instant.ofEpochMilli(baseMillis + timeCentis[i] * MILLIS_PER_TICK), rssKib[i] * 1024L,
                    bytes(pssKib[i]), bytes(ussKib[i]), cpu[i]));
        }
        return out;
    }

    /** Keeps every other point (the first sighting included), freeing half the slots. */
    private void halve() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            timeCentis[kept] = timeCentis[i];
            rssKib[kept] = rssKib[i];
            pssKib[kept] = pssKib[i];
            ussKib[kept] = ussKib[i];
            cpu[kept] = cpu[i];
            kept++;
        }
        size = kept;
    }

    private void grow(int newLength) {
        timeCentis = java.util.Arrays.copyOf(timeCentis, newLength);
        rssKib = java.util.Arrays.copyOf(rssKib, newLength);
        pssKib = java.util.Arrays.copyOf(pssKib, newLength);
        ussKib = java.util.Arrays.copyOf(ussKib, newLength);
        cpu = java.util.Arrays.copyOf(cpu, newLength);
    }

    private static int kib(long bytes) {
        long k = Math.max(0, bytes) / 1024;
        return (int) Math.min(Integer.MAX_VALUE, k);
    }

    private static OptionalLong bytes(int kib) {
        return kib == ABSENT ? OptionalLong.empty() : OptionalLong.of(kib * 1024L);
    }
}
