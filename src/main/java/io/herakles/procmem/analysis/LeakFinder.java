package io.herakles.procmem.analysis;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Finds processes and subgroups whose memory grows steadily over a series of snapshots. Feed it
 * snapshots in time order with {@link #add}, then ask for the {@link #report()}; keeps one series
 * of (time, bytes) per process and subgroup, not the snapshots. Not thread-safe.
 *
 * <p>A series is a suspect when all of these hold (each rules out a kind of false alarm):
 * <ul>
 *   <li>it has at least {@value #MIN_SAMPLES} samples;
 *   <li>its Theil–Sen slope is at least {@value #MIN_MIB_PER_HOUR} MiB/h (a one-off jump moves
 *       fewer than half of the pairwise slopes, so it does not move the median);
 *   <li>the median of its last quarter exceeds the median of its first quarter by at least
 *       {@value #MIN_GROWTH_MIB} MiB and by at least half of what the slope predicts (a sawtooth
 *       or noise around a level has a slope but no such growth);
 *   <li>at least {@value #MIN_STEADINESS} of its changing steps rise (noise rises half the time);
 *   <li>no single step holds more than half of the growth (a one-off jump is not a leak);
 *   <li>its largest fall from a peak is under a quarter of the growth (a GC heap's sawtooth falls
 *       back by as much as it rose).
 * </ul>
 */
public final class LeakFinder {

    /** Fewer samples than this say nothing about a trend. */
    public static final int MIN_SAMPLES = 6;
    static final double MIN_MIB_PER_HOUR = 1.0;
    static final double MIN_GROWTH_MIB = 1.0;
    static final double MIN_STEADINESS = 0.6;
    static final double MAX_STEP_SHARE = 0.5;
    static final double MAX_DRAWDOWN_SHARE = 0.25;
    private static final double MIB = 1024.0 * 1024.0;

    private final MemoryMetric metric;
    /** Points kept per series; 0: all. */
    private final int maxPoints;
    /** Whether series of processes and subgroups missing from the latest snapshot are dropped. */
    private final boolean forgetGone;
    private final Map<ProcessKey, Series> processes = new HashMap<>();
    private final Map<GroupKey, Series> subgroups = new LinkedHashMap<>();
    private int samples;
    private Instant from;
    private Instant to;
    private OptionalLong available = OptionalLong.empty();

    public LeakFinder(MemoryMetric metric) {
        this(metric, 0, false);
    }

    private LeakFinder(MemoryMetric metric, int maxPoints, boolean forgetGone) {
        this.metric = metric;
        this.maxPoints = maxPoints;
        this.forgetGone = forgetGone;
    }

    /**
     * A finder for a live feed that runs for hours: a series that reaches {@code maxPoints} drops
     * every other point and from then on keeps every other point offered (it keeps its whole span,
     * evenly spaced, at half the resolution), and the series of a
     * process or subgroup that is missing from a snapshot are dropped. Memory: at most
     * {@code maxPoints} × 16 bytes per process and subgroup present.
     */
    public static LeakFinder live(MemoryMetric metric, int maxPoints) {
        if (maxPoints < 2 * MIN_SAMPLES || maxPoints % 2 != 0) {
            throw new IllegalArgumentException("maxPoints must be even and at least " + 2 * MIN_SAMPLES + ", got " + maxPoints);
        }
        return new LeakFinder(metric, maxPoints, true);
    }

    /** The metric followed. */
    public MemoryMetric metric() {
        return metric;
    }

    /** Snapshots added so far. */
    public int samples() {
        return samples;
    }

    /** The first snapshot's time, if one was added. */
    public Optional<Instant> from() {
        return Optional.ofNullable(from);
    }

    /** Series kept now (tests of the bounds). */
    int seriesKept() {
        return processes.size() + subgroups.size();
    }

    /** The most points any series holds now (tests of the bounds). */
    int longestSeries() {
        int most = 0;
        for (Series s : processes.values()) {
            most = Math.max(most, s.n);
        }
        for (Series s : subgroups.values()) {
            most = Math.max(most, s.n);
        }
        return most;
    }

    /**
     * Points a series of a recording keeps ({@link #recording}): 8 hours at 5 s are 5,760 samples,
     * and 3,000 processes × 5,760 points × 16 bytes would be 276 MB; 512 evenly spaced points are
     * 24.6 MB and estimate a steady slope as well.
     */
    public static final int RECORDING_POINTS = 512;

    /**
     * A finder for a whole recording: series thinned as {@link #live}'s to
     * {@link #RECORDING_POINTS}, but a process that exits keeps its series (it may have leaked
     * until it was restarted).
     */
    public static LeakFinder recording(MemoryMetric metric) {
        return new LeakFinder(metric, RECORDING_POINTS, false);
    }

    /** Suspects of {@code snapshots} (in time order) in one call, as {@link #recording} finds them. */
    public static LeakReport find(List<Snapshot> snapshots, MemoryMetric metric) {
        LeakFinder f = recording(metric);
        snapshots.forEach(f::add);
        return f.report();
    }

    /** Adds the next snapshot (later than the previous one). */
    public void add(Snapshot s) {
        samples++;
        if (from == null) {
            from = s.takenAt();
        }
        to = s.takenAt();
        available = s.system().memAvailableBytes();
        long t = s.takenAt().toEpochMilli();
        Map<GroupKey, Long> sums = new HashMap<>();
        java.util.Set<ProcessKey> seen = forgetGone ? new java.util.HashSet<>() : null;
        for (ProcessSample p : s.processes()) {
            OptionalLong v = p.bytes(metric);
            if (v.isEmpty()) {
                continue;
            }
            ProcessKey key = ProcessKey.of(p);
            processes.computeIfAbsent(key, k -> new Series(p.name(), p.group(), OptionalInt.of(p.pid()), maxPoints))
                    .add(t, v.getAsLong());
            if (seen != null) {
                seen.add(key);
            }
            sums.merge(p.group(), v.getAsLong(), Long::sum);
        }
        sums.forEach((k, v) -> subgroups.computeIfAbsent(k, g -> new Series(g.toString(), g, OptionalInt.empty(), maxPoints))
                .add(t, v));
        if (forgetGone) {
            processes.keySet().retainAll(seen);
            subgroups.keySet().retainAll(sums.keySet());
        }
    }

    public LeakReport report() {
        Instant start = from == null ? Instant.EPOCH : from;
        return new LeakReport(metric, samples, start, to == null ? start : to, suspects(processes.values()),
                suspects(subgroups.values()));
    }

    private List<LeakSuspect> suspects(Iterable<Series> all) {
        List<LeakSuspect> out = new ArrayList<>();
        for (Series s : all) {
            s.judge(available).ifPresent(out::add);
        }
        out.sort(Comparator.comparingDouble(LeakSuspect::mibPerHour).reversed().thenComparing(LeakSuspect::label));
        return out;
    }

    /** A process across samples: pid and start time (pid and name when the start time is unknown). */
    private record ProcessKey(int pid, Object start) {
        static ProcessKey of(ProcessSample p) {
            return new ProcessKey(p.pid(), p.startTime() != null ? p.startTime() : p.name());
        }
    }

    /** One growing array of (epoch millis, bytes). */
    private static final class Series {
        private final String label;
        private final GroupKey group;
        private final OptionalInt pid;
        private final int maxPoints;
        private long offered;
        private long stride = 1;
        private long[] t = new long[16];
        private long[] v = new long[16];
        private int n;

        Series(String label, GroupKey group, OptionalInt pid, int maxPoints) {
            this.label = label;
            this.group = group;
            this.pid = pid;
            this.maxPoints = maxPoints;
        }

        void add(long time, long bytes) {
            if (maxPoints > 0) {
                // keep every stride-th point offered, evenly spaced: a full series keeps every other
                // point from the first and doubles the stride (the same span at half the resolution)
                long index = offered++;
                if (index % stride != 0) {
                    return;
                }
                if (n == maxPoints) {
                    int kept = 0;
                    for (int i = 0; i < n; i += 2) {
                        t[kept] = t[i];
                        v[kept] = v[i];
                        kept++;
                    }
                    n = kept;
                    stride *= 2;
                    if (index % stride != 0) {
                        return;
                    }
                }
            }
            if (n == t.length) {
                t = java.util.Arrays.copyOf(t, n * 2);
                v = java.util.Arrays.copyOf(v, n * 2);
            }
            t[n] = time;
            v[n] = bytes;
            n++;
        }

        Optional<LeakSuspect> judge(OptionalLong available) {
            if (n < MIN_SAMPLES) {
                return Optional.empty();
            }
            double[] hours = new double[n];
            double[] mib = new double[n];
            for (int i = 0; i < n; i++) {
                hours[i] = (t[i] - t[0]) / 3_600_000.0;
                mib[i] = v[i] / MIB;
            }
            double slope = TheilSen.slope(hours, mib, n);
            if (slope < MIN_MIB_PER_HOUR) {
                return Optional.empty();
            }
            int q = Math.max(1, n / 4);
            double growth = median(mib, n - q, n) - median(mib, 0, q);
            double predicted = slope * (mean(hours, n - q, n) - mean(hours, 0, q));
            if (growth < MIN_GROWTH_MIB || growth < 0.5 * predicted) {
                return Optional.empty();
            }
            Steps steps = steps(mib);
            if (steps.steadiness() < MIN_STEADINESS || steps.largestRise > MAX_STEP_SHARE * growth
                    || steps.largestFall > MAX_DRAWDOWN_SHARE * growth) {
                return Optional.empty();
            }
            Optional<Duration> left = available.isPresent()
                    ? Optional.of(Duration.ofSeconds(Math.round(available.getAsLong() / MIB / slope * 3600)))
                    : Optional.empty();
            return Optional.of(new LeakSuspect(label, group, pid, slope, steps.steadiness(), since(), v[0], v[n - 1],
                    left, n));
        }

        /** The last time the series was at its low (within 1 % of its range): where the growth began. */
        private Instant since() {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, v[i]);
                max = Math.max(max, v[i]);
            }
            long low = min + (max - min) / 100;
            int at = 0;
            for (int i = 0; i < n; i++) {
                if (v[i] <= low) {
                    at = i;
                }
            }
            return Instant.ofEpochMilli(t[at]);
        }

        private Steps steps(double[] mib) {
            int rising = 0;
            int falling = 0;
            double largestRise = 0;
            double peak = mib[0];
            double largestFall = 0;
            for (int i = 1; i < n; i++) {
                double d = mib[i] - mib[i - 1];
                if (d > 0) {
                    rising++;
                    largestRise = Math.max(largestRise, d);
                } else if (d < 0) {
                    falling++;
                }
                peak = Math.max(peak, mib[i]);
                largestFall = Math.max(largestFall, peak - mib[i]);
            }
            return new Steps(rising, falling, largestRise, largestFall);
        }
    }

    private record Steps(int rising, int falling, double largestRise, double largestFall) {
        double steadiness() {
            return rising + falling == 0 ? 0 : (double) rising / (rising + falling);
        }
    }

    private static double mean(double[] a, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += a[i];
        }
        return sum / (to - from);
    }

    private static double median(double[] a, int from, int to) {
        double[] part = java.util.Arrays.copyOfRange(a, from, to);
        java.util.Arrays.sort(part);
        int m = part.length;
        return m % 2 == 1 ? part[m / 2] : (part[m / 2 - 1] + part[m / 2]) / 2;
    }
}
