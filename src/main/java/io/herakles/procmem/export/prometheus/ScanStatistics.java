package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Running statistics over the snapshots the exporter has seen, for the {@code /health} tables
 * (upstream's {@code health_stats.rs}, with its defects fixed (docs/UPSTREAM.md#u24-health-statistics-mean-what-they-say): cache-update duration, hit ratio and
 * CPU use now mean something of their own). Fed as a {@link SnapshotListener}; each snapshot is
 * counted once (by sequence). Thread-safe: {@link #onSnapshot} runs on the publisher's thread,
 * readers on HTTP threads; every field is a synchronised {@link RunningStat} or volatile.
 *
 * <p>The exporter's own RSS comes from {@code /proc/self/status} (the real one: it is this JVM,
 * not a monitored procfs root), read once per snapshot on the publisher's thread, never on a scrape.
 */
final class ScanStatistics implements SnapshotListener {

    private static final Path SELF_STATUS = Path.of("/proc/self/status");

    private final Clock clock;
    final RunningStat scannedProcesses = new RunningStat();
    final RunningStat scanDurationSeconds = new RunningStat();
    final RunningStat usedSubgroups = new RunningStat();
    final RunningStat publishLatencySeconds = new RunningStat();
    final RunningStat snapshotProcesses = new RunningStat();
    final RunningStat memoryMb = new RunningStat();
    final RunningStat cpuPercent = new RunningStat();
    private long lastSequence = Long.MIN_VALUE;
    private long lastCpuNanos = -1;
    private long lastWallNanos;
    private volatile Snapshot latest;

    ScanStatistics(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void onSnapshot(Snapshot snapshot) {
        if (latest != null && snapshot.sequence() == lastSequence && snapshot.source().equals(latest.source())) {
            return;
        }
        lastSequence = snapshot.sequence();
        latest = snapshot;
        scannedProcesses.record(snapshot.stats().pidsSeen());
        scanDurationSeconds.record(snapshot.stats().durationSeconds());
        snapshotProcesses.record(snapshot.processes().size());
        Set<GroupKey> groups = new HashSet<>();
        for (ProcessSample p : snapshot.processes()) {
            groups.add(p.group());
        }
        usedSubgroups.record(groups.size());
        publishLatencySeconds.record(Math.max(0, Duration.between(snapshot.takenAt(), clock.instant()).toNanos() / 1e9));
        recordOwnResources();
    }

    /** The last snapshot seen, or null. */
    Snapshot latest() {
        return latest;
    }

    private void recordOwnResources() {
        ownRssKb().ifPresent(kb -> memoryMb.record(kb / 1024.0));
        long wall = System.nanoTime();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        if (cpu >= 0 && lastCpuNanos >= 0 && wall > lastWallNanos) {
            cpuPercent.record(100.0 * (cpu - lastCpuNanos) / (wall - lastWallNanos));
        }
        lastCpuNanos = cpu;
        lastWallNanos = wall;
    }

    /** VmRSS of this JVM in KiB, absent when unreadable. */
    static OptionalLong ownRssKb() {
        try {
            for (String line : Files.readAllLines(SELF_STATUS, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmRSS:")) {
                    String digits = line.substring(6).replaceAll("[^0-9]", "");
                    return digits.isEmpty() || digits.length() > 18 ? OptionalLong.empty()
                            : OptionalLong.of(Long.parseLong(digits));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or hidepid: the row shows its zero reading
        }
        return OptionalLong.empty();
    }

    /** When the last snapshot was taken, or null. */
    Instant lastScanTime() {
        Snapshot s = latest;
        return s == null ? null : s.takenAt();
    }
}
