package io.herakles.procmem.ui.details;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RSS/PSS/USS/CPU history of every process since it was first seen, bounded per pid: at most
 * {@link #capacity()} points each (when full, the resolution halves so the series still starts at
 * the first sighting). A pid that leaves the snapshot is dropped on the next {@link #record}; a
 * pid reused by a new process (different start time) starts a new series.
 *
 * <p>Memory bounds: {@value PidSeries#BYTES_PER_POINT} bytes per point plus about 150 bytes per
 * series; at most {@link #maxTrackedPids()} pids are tracked (pids beyond the cap, the highest in a
 * snapshot, get a history only when a slot frees up), so the whole history stays under
 * {@code maxTrackedPids × (capacity × 20 + 150)} bytes however long the app runs: about 13 MB for
 * 5,000 long-running processes at the defaults (2.6 MB for 1,000), at most 21 MB at the pid cap (see
 * docs/PERFORMANCE.md, "Desktop memory bounds").
 *
 * <p>Threads: confined to one thread at a time (the "ui-prepare" thread records live snapshots,
 * the FX thread records files); {@link #history(int)} may be called from another thread (the FX
 * thread asking for the selected process) — every method is {@code synchronized}, and a record
 * takes about a millisecond at 5,000 processes.
 */
public final class ProcessHistory {

    /**
     * Default points per pid: 2 minutes at full 1 s resolution (4 at the default 2 s), coarser
     * after that (between 60 and 120 points over the whole life); the sparkline that draws them is
     * about 300 pixels wide.
     */
    public static final int DEFAULT_CAPACITY = 120;
    /** Default cap on pids with a history (Linux's default {@code pid_max} is 32,768 or 4,194,304). */
    public static final int DEFAULT_MAX_TRACKED_PIDS = 8192;

    private final int capacity;
    private final int maxTrackedPids;
    private final Map<Integer, PidSeries> byPid = new HashMap<>();
    private java.time.Instant lastTakenAt;
    private long records;

    public ProcessHistory() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity points kept per pid, at least 2 */
    public ProcessHistory(int capacity) {
        this(capacity, DEFAULT_MAX_TRACKED_PIDS);
    }

    /**
     * @param capacity       points kept per pid, at least 2
     * @param maxTrackedPids pids with a history at most, at least 1
     */
    public ProcessHistory(int capacity, int maxTrackedPids) {
        if (capacity < 2) {
            throw new IllegalArgumentException("history capacity must be at least 2, got " + capacity);
        }
        if (maxTrackedPids < 1) {
            throw new IllegalArgumentException("history pid cap must be at least 1, got " + maxTrackedPids);
        }
        this.capacity = capacity;
        this.maxTrackedPids = maxTrackedPids;
    }

    /**
     * Appends every process of {@code snapshot} and prunes pids that are no longer in it. Recording
     * the same snapshot again (same {@code takenAt}) changes nothing, so callers may hand over a
     * snapshot more than once.
     */
    public synchronized void record(Snapshot snapshot) {
        if (snapshot.takenAt().equals(lastTakenAt)) {
            return;
        }
        lastTakenAt = snapshot.takenAt();
        long recording = ++records; // stamps the series seen now: no set of 5,000 boxed pids per tick
        List<ProcessSample> untracked = new ArrayList<>();
        for (ProcessSample p : snapshot.processes()) {
            PidSeries series = byPid.get(p.pid());
            if (series == null) {
                untracked.add(p); // added after the prune below, so vanished pids free their slots first
                continue;
            }
            if (!series.sameIncarnation(p.startTime())) {
                series = new PidSeries(capacity, p.startTime());
                byPid.put(p.pid(), series);
            }
            series.lastSeen = recording;
            series.add(snapshot.takenAt(), p.rssBytes(), p.pssBytes(), p.ussBytes(), p.cpuPercent());
        }
        byPid.values().removeIf(series -> series.lastSeen != recording);
        for (ProcessSample p : untracked) {
            if (byPid.size() >= maxTrackedPids) {
                break; // the cap: the rest (the highest pids) wait for a free slot
            }
            PidSeries series = new PidSeries(capacity, p.startTime());
            series.lastSeen = recording;
            series.add(snapshot.takenAt(), p.rssBytes(), p.pssBytes(), p.ussBytes(), p.cpuPercent());
            byPid.put(p.pid(), series);
        }
    }

    /** The points of {@code pid}, oldest first; empty when the pid is not tracked. */
    public synchronized List<HistoryPoint> history(int pid) {
        PidSeries series = byPid.get(pid);
        return series == null ? List.of() : series.points();
    }

    /** How many pids have a history. */
    public synchronized int trackedPids() {
        return byPid.size();
    }

    /** Points kept per pid at most. */
    public int capacity() {
        return capacity;
    }

    /** Pids with a history at most. */
    public int maxTrackedPids() {
        return maxTrackedPids;
    }

    /** Point slots allocated over all pids (each holds {@value PidSeries#BYTES_PER_POINT} bytes; tests check the bound). */
    synchronized long allocatedPoints() {
        long total = 0;
        for (PidSeries series : byPid.values()) {
            total += series.allocated();
        }
        return total;
    }

    /** Forgets everything (e.g. when the source changes to a snapshot file). */
    public synchronized void clear() {
        byPid.clear();
        lastTakenAt = null;
    }
}
