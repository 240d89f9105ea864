package io.herakles.procmem.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one collection tick saw: the engine's only output, read by the exporter, the UI and
 * the JSON writer. Immutable and safe to share; processes are sorted by pid ascending.
 *
 * @param sequence  tick number, increasing by one per published snapshot of a source
 * @param takenAt   wall-clock time the tick finished
 * @param source    where the data came from: {@code "/proc"} (or the configured procfs root) or
 *                  {@code "file: NAME"} for a snapshot file
 * @param processes every collected process (after the configured name/USS/search filters), pid ascending
 * @param system    system-wide figures
 * @param stats     how the collection went
 */
public record Snapshot(
        long sequence,
        Instant takenAt,
        String source,
        List<ProcessSample> processes,
        SystemSample system,
        CollectionStats stats) {

    public Snapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(stats, "stats");
        List<ProcessSample> sorted = new ArrayList<>(processes);
        sorted.sort(Comparator.comparingInt(ProcessSample::pid));
        processes = List.copyOf(sorted);
    }

    /** The process with this pid, by binary search. */
    public Optional<ProcessSample> byPid(int pid) {
        int at = PidSearch.indexOf(processes, ProcessSample::pid, pid);
        return at < 0 ? Optional.empty() : Optional.of(processes.get(at));
    }
}
