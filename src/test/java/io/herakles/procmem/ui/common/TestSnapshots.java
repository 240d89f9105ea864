package io.herakles.procmem.ui.common;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;

/** Snapshots for UI tests and the benchmark, built with the model builders. */
public final class TestSnapshots {

    public static final long MIB = 1024L * 1024;

    private TestSnapshots() {}

    /** A process with RSS/PSS/USS in MiB (negative PSS/USS = unreadable) in {@code group/subgroup}. */
    public static ProcessSample process(int pid, String name, String group, String subgroup,
            long rssMib, long pssMib, long ussMib) {
        ProcessSample.Builder b = ProcessSample.builder(pid, name)
                .ppid(1)
                .cmdline("/usr/bin/" + name + " --serve")
                .uid(1000)
                .user("alice")
                .state('S')
                .threads(4)
                .startTime(Instant.parse("2026-11-25T08:00:00Z"))
                .rssBytes(rssMib * MIB)
                .cpuPercent(pid % 7 * 1.5)
                .cpuTimeSeconds(pid * 0.25)
                .memory(MemoryBreakdown.UNKNOWN.withStatus(OptionalLong.of(rssMib * MIB / 2),
                        OptionalLong.of(rssMib * MIB / 2), OptionalLong.of(0), OptionalLong.of(pid % 3 * MIB)))
                .group(new GroupKey(group, subgroup))
                .matchedRule(group + "/" + subgroup + " by name");
        if (pssMib >= 0) {
            b.pssBytes(pssMib * MIB);
        }
        if (ussMib >= 0) {
            b.ussBytes(ussMib * MIB);
        }
        return b.build();
    }

    /** A live-looking snapshot of {@code processes}. */
    public static Snapshot snapshot(long sequence, List<ProcessSample> processes) {
        return snapshot(sequence, "/proc", processes);
    }

    public static Snapshot snapshot(long sequence, String source, List<ProcessSample> processes) {
        SystemSample system = new SystemSample(OptionalLong.of(16_000 * MIB), OptionalLong.of(9_000 * MIB),
                OptionalLong.of(2_000 * MIB), OptionalLong.of(1_500 * MIB), OptionalDouble.of(0.5),
                OptionalDouble.of(0.4), OptionalDouble.of(0.3),
                Map.of("cpu", 0.25, "cpu0", 0.2, "cpu1", 0.3), 2);
        CollectionStats stats = new CollectionStats(0.042, processes.size(), 0, 0, processes.size(), 0,
                sequence, 0, 0, 0, true, "");
        return new Snapshot(sequence, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(sequence), source,
                processes, system, stats);
    }

    /** A small, recognisable population: databases, web servers, a desktop, an unreadable root daemon. */
    public static Snapshot small(long sequence) {
        return snapshot(sequence, List.of(
                process(101, "postgres", "db", "postgres", 900, 400, 300),
                process(102, "postgres", "db", "postgres", 2048, 1500, 1200),
                process(203, "nginx", "web", "nginx", 60, 30, 20),
                process(304, "firefox", "desktop", "browser", 1500, 1100, 950),
                rootDaemon(405)));
    }

    /** A root process whose PSS/USS the (non-root) collector could not read. */
    public static ProcessSample rootDaemon(int pid) {
        return process(pid, "sshd", "system", "ssh", 12, -1, -1).toBuilder().user("root").uid(0).build();
    }

    /**
     * {@code count} processes in a dozen groups with pseudo-random sizes; {@code tick} shifts
     * values and replaces about 1% of the pids, as a live system would between ticks.
     */
    public static Snapshot generated(int count, long tick) {
        Random random = new Random(42 + tick);
        String[][] groups = {{"db", "postgres"}, {"db", "redis"}, {"web", "nginx"}, {"web", "node"},
            {"desktop", "browser"}, {"desktop", "shell"}, {"system", "systemd"}, {"system", "kernel"},
            {"dev", "java"}, {"dev", "python"}, {"container", "containerd"}, {"other", "other"}};
        List<ProcessSample> out = new ArrayList<>(count);
        int churn = (int) (tick * count / 100);
        for (int i = 0; i < count; i++) {
            int pid = 1000 + i + (i < count / 100 ? churn : 0) * 10_000;
            String[] g = groups[i % groups.length];
            long rss = 1 + random.nextInt(2000);
            long pss = Math.max(1, rss - random.nextInt((int) rss));
            long uss = Math.max(0, pss - random.nextInt((int) pss));
            out.add(process(pid, g[1] + "-" + i, g[0], g[1], rss, i % 9 == 0 ? -1 : pss, i % 9 == 0 ? -1 : uss)
                    .toBuilder().cpuPercent(random.nextDouble() * 50).build());
        }
        return snapshot(tick, out);
    }
}
