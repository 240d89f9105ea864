package io.herakles.procmem.remote;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CPU percent (of one core) of each process over the time between the last two snapshots this
 * client received, from their CPU-time deltas, as the live engine computes it between its ticks.
 * The exporter's own {@code cpu_percent} covers its collection interval, not the client's poll
 * interval, so a chart polled at 2 s from an exporter collecting every 30 s would otherwise show
 * stale figures. A process seen for the first time (or a pid reused: another start time) keeps the
 * exporter's value. Confined to the polling thread.
 */
final class CpuFromDeltas {

    private Snapshot previous;

    /** {@code next} with CPU percent from deltas against the previously received snapshot. */
    Snapshot apply(Snapshot next) {
        Snapshot before = previous;
        previous = next;
        if (before == null) {
            return next;
        }
        double seconds = Duration.between(before.takenAt(), next.takenAt()).toNanos() / 1e9;
        if (seconds <= 0) {
            return next;
        }
        List<ProcessSample> out = new ArrayList<>(next.processes().size());
        for (ProcessSample p : next.processes()) {
            out.add(before.byPid(p.pid()).filter(old -> sameProcess(old, p))
                    .map(old -> withCpu(p, Math.max(0, p.cpuTimeSeconds() - old.cpuTimeSeconds()) / seconds * 100))
                    .orElse(p));
        }
        Snapshot computed = new Snapshot(next.sequence(), next.takenAt(), next.source(), out, next.system(), next.stats());
        previous = computed;
        return computed;
    }

    private static boolean sameProcess(ProcessSample a, ProcessSample b) {
        Instant sa = a.startTime();
        Instant sb = b.startTime();
        return Objects.equals(sa, sb);
    }

    private static ProcessSample withCpu(ProcessSample p, double percent) {
        return p.toBuilder().cpuPercent(percent).build();
    }
}
