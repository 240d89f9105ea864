package io.herakles.procmem.ui.details;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RSS/PSS/USS/CPU history of every process since it was first seen, bounded per pid: at most
 * {@link #capacity()} points each (when full, the resolution halves so the series still starts at
 * the first sighting). A pid that leaves the snapshot is dropped on the next {@link #record}; a
 * pid reused by a new process (different start time) starts a new series.
 *
 * <p>Memory: about 24 bytes per point, so 5,000 long-running processes at the default capacity
 * hold at most ~43 MB. Confined to one thread (the FX thread in the app); not thread-safe.
 */
public final class ProcessHistory {

    /** Default points per pid: 6 minutes at full 1 s resolution, coarser after that. */
    public static final int DEFAULT_CAPACITY = 360;

    private final int capacity;
    private final Map<Integer, PidSeries> byPid = new HashMap<>();
    private java.time.Instant lastTakenAt;
    private long records;

    public ProcessHistory() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity points kept per pid, at least 2 */
    public ProcessHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("history capacity must be at least 2, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Appends every process of {@code snapshot} and prunes pids that are no longer in it. Recording
     * the same snapshot again (same {@code takenAt}) changes nothing, so callers may hand over a
     * snapshot more than once.
     */
    public void record(Snapshot snapshot) {
        if (snapshot.takenAt().equals(lastTakenAt)) {
            return;
        }
        lastTakenAt = snapshot.takenAt();
        long recording = ++records; // stamps the series seen now: no set of 5,000 boxed pids per tick
        for (ProcessSample p : snapshot.processes()) {
            PidSeries series = byPid.get(p.pid());
            if (series == null || !series.sameIncarnation(p.startTime())) {
                series = new PidSeries(capacity, p.startTime());
                byPid.put(p.pid(), series);
            }
            series.lastSeen = recording;
            series.add(snapshot.takenAt(), p.rssBytes(), p.pssBytes(), p.ussBytes(), p.cpuPercent());
        }
        byPid.values().removeIf(series -> series.lastSeen != recording);
    }

    /** The points of {@code pid}, oldest first; empty when the pid is not tracked. */
    public List<HistoryPoint> history(int pid) {
        PidSeries series = byPid.get(pid);
        return series == null ? List.of() : series.points();
    }

    /** How many pids have a history. */
    public int trackedPids() {
        return byPid.size();
    }

    /** Points kept per pid at most. */
    public int capacity() {
        return capacity;
    }

    /** Forgets everything (e.g. when the source changes to a snapshot file). */
    public void clear() {
        byPid.clear();
        lastTakenAt = null;
    }
}
