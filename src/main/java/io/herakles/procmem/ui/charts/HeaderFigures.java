package io.herakles.procmem.ui.charts;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.FigureHelp;
import io.herakles.procmem.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the header tiles show for one snapshot: memory used of total, total CPU, the top processes
 * by the chosen metric, and how many processes have PSS/USS readable. Immutable; pure (built
 * without a toolkit).
 *
 * @param memoryUsedPercent 100 × (1 − available/total), absent when {@code /proc/meminfo} was unreadable
 * @param memoryText        "12.3 GiB of 31.2 GiB used", or "—"
 * @param cpuPercent        whole-machine CPU busy, 0..100 (a share of all cores), absent on the first tick
 * @param cpuCount          online CPUs the percentage is a share of, 0 when unknown
 * @param top               the largest processes by {@code metric}, largest first (processes without a value left out)
 * @param metric            the ranking metric
 * @param processes         processes in the snapshot
 * @param readable          processes whose PSS or USS could be read
 * @param kernelThreads     kernel threads among {@code processes}: no user memory, so never readable
 */
public record HeaderFigures(
        OptionalDouble memoryUsedPercent,
        String memoryText,
        OptionalDouble cpuPercent,
        int cpuCount,
        List<TopEntry> top,
        MemoryMetric metric,
        int processes,
        int readable,
        int kernelThreads) {

    /** One leaderboard line: process name and pid, its group (colour), its value for the metric in bytes. */
    public record TopEntry(String name, int pid, String group, long bytes) {
        public TopEntry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(group, "group");
        }

        /** "postgres (4242)". */
        public String label() {
            return name + " (" + pid + ")";
        }
    }

    public HeaderFigures {
        Objects.requireNonNull(memoryUsedPercent);
        Objects.requireNonNull(memoryText);
        Objects.requireNonNull(cpuPercent);
        Objects.requireNonNull(metric);
        top = List.copyOf(top);
    }

    /** The figures of {@code snapshot}, ranking the {@code topN} largest processes by {@code metric}. */
    public static HeaderFigures of(Snapshot snapshot, MemoryMetric metric, int topN) {
        OptionalDouble used = snapshot.system().memoryUsedRatio();
        OptionalLong total = snapshot.system().memTotalBytes();
        OptionalLong available = snapshot.system().memAvailableBytes();
        String memoryText = total.isPresent() && available.isPresent()
                ? Formats.bytes(total.getAsLong() - available.getAsLong()) + " of " + Formats.bytes(total.getAsLong()) + " used"
                : Formats.ABSENT;
        OptionalDouble cpu = snapshot.system().totalCpuRatio();
        int readable = 0;
        int kernelThreads = 0;
        for (ProcessSample p : snapshot.processes()) {
            if (p.pssBytes().isPresent() || p.ussBytes().isPresent()) {
                readable++;
            } else if (p.isKernelThread()) {
                kernelThreads++;
            }
        }
        return new HeaderFigures(
                used.isPresent() ? OptionalDouble.of(clamp(used.getAsDouble() * 100)) : OptionalDouble.empty(),
                memoryText,
                cpu.isPresent() ? OptionalDouble.of(clamp(cpu.getAsDouble() * 100)) : OptionalDouble.empty(),
                snapshot.system().cpuCount(),
                top(snapshot.processes(), metric, topN),
                metric,
                snapshot.processes().size(),
                readable,
                kernelThreads);
    }


    /** What the CPU figure is a share of: "% of all 4 cores" (the per-process figures are of one core). */
    public String cpuBaseText() {
        return "%" + " " + FigureHelp.allCores(cpuCount);
    }

    /**
     * How many user processes have PSS/USS readable, kernel threads counted apart (they have no
     * user memory): "all 56 user processes readable · 60 kernel threads", "12 of 56 user processes
     * readable".
     */
    public String readableText() {
        int user = processes - kernelThreads;
        String users = readable == user
                ? String.format(java.util.Locale.ROOT, "all %,d user process%s readable", user, user == 1 ? "" : "es")
                : String.format(java.util.Locale.ROOT, "%,d of %,d user processes readable", readable, user);
        return kernelThreads == 0 ? users : users + String.format(java.util.Locale.ROOT, " \u00b7 %,d kernel thread%s",
                kernelThreads, kernelThreads == 1 ? "" : "s");
    }

    /**
     * Every tile's figure on one line, for a window too small for tiles: "Memory 14.9 % (3.52 GiB of
     * 23.5 GiB used) · CPU 12.0 % of all 2 cores · Top USS: java (31312) 846 MiB · 335 processes".
     * A figure the snapshot lacks reads "n/a".
     */
    public String oneLine() {
        String memory = memoryUsedPercent.isPresent()
                ? "Memory " + Formats.percent(memoryUsedPercent.getAsDouble()) + " (" + memoryText + ")"
                : "Memory n/a";
        String cpu = cpuPercent.isPresent()
                ? "CPU " + Formats.percentNumber(cpuPercent.getAsDouble()) + " " + cpuBaseText()
                : "CPU n/a";
        String biggest = top.isEmpty() ? "" : " \u00b7 Top " + metric + ": " + top.get(0).label() + " "
                + Formats.bytes(top.get(0).bytes());
        return memory + " \u00b7 " + cpu + biggest + " \u00b7 "
                + String.format(java.util.Locale.ROOT, "%,d process%s", processes, processes == 1 ? "" : "es");
    }

    static List<TopEntry> top(List<ProcessSample> processes, MemoryMetric metric, int n) {
        // keeps only the n best seen so far (n is 5): one pass over 5,000 processes, no full sort
        int limit = Math.max(0, n);
        List<TopEntry> best = new ArrayList<>(limit + 1);
        for (ProcessSample p : processes) {
            OptionalLong v = p.bytes(metric);
            if (v.isEmpty() || limit == 0) {
                continue;
            }
            long bytes = v.getAsLong();
            if (best.size() == limit && !beats(bytes, p.pid(), best.get(limit - 1))) {
                continue;
            }
            int at = best.size();
            while (at > 0 && beats(bytes, p.pid(), best.get(at - 1))) {
                at--;
            }
            best.add(at, new TopEntry(p.name(), p.pid(), p.group().group(), bytes));
            if (best.size() > limit) {
                best.remove(limit);
            }
        }
        return best;
    }

    /** Largest bytes first, then the lower pid. */
    private static boolean beats(long bytes, int pid, TopEntry other) {
        return bytes > other.bytes() || bytes == other.bytes() && pid < other.pid();
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }
}
