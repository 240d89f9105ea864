package io.herakles.procmem.ui.charts;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CPU per group over the last {@link #MAX_WINDOW}: one sample per snapshot holding each group's
 * summed process CPU (percent of one core). Pure (no JavaFX); confined to one thread (the FX thread);
 * only the static {@link #sampleOf} may run elsewhere.
 *
 * <p>Memory bounds, independent of the number of processes: at most {@link #MAX_SAMPLES} samples
 * (and none older than {@link #MAX_WINDOW}), each with at most {@link #MAX_GROUPS_PER_SAMPLE}
 * groups (the smallest beyond that are summed into {@link #REST}); about 100 bytes per group entry,
 * so at most ~23 MB at the sample cap and ~3 MB for 15 minutes at 1 s with 30 groups (see
 * docs/PERFORMANCE.md, "Desktop memory bounds").
 */
public final class GroupCpuHistory {

    /** The longest window the chart offers. */
    public static final Duration MAX_WINDOW = Duration.ofMinutes(15);
    /** Hard cap on samples, for sources that tick faster than once a second. */
    public static final int MAX_SAMPLES = 3600;
    /** Name of the series that sums every group outside the top ones. */
    public static final String REST = "rest";
    /** Groups kept per sample; the chart draws far fewer, and the rest are summed into {@link #REST}. */
    public static final int MAX_GROUPS_PER_SAMPLE = 64;

    /** One tick: when, and CPU percent (of one core) per group. */
    public record Sample(Instant time, Map<String, Double> cpuByGroup) {
        public Sample {
            Objects.requireNonNull(time, "time");
            cpuByGroup = Map.copyOf(cpuByGroup);
        }

        double total() {
            double t = 0;
            for (double v : cpuByGroup.values()) {
                t += v;
            }
            return t;
        }
    }

    /** One line of the chart: a group (or {@link #REST}) and its value at each sample time. */
    public record Series(String group, double[] values) {
        public Series {
            Objects.requireNonNull(group, "group");
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        double at(int i) {
            return values[i];
        }

        int size() {
            return values.length;
        }
    }

    /**
     * What the chart draws for one window: sample times (epoch ms) and one series per top group,
     * largest average first, then {@link #REST} when other groups used any CPU. Immutable.
     */
    public record ChartData(Instant end, Duration window, long[] timesMillis, List<Series> series) {
        public ChartData {
            timesMillis = timesMillis.clone();
            series = List.copyOf(series);
        }

        @Override
        public long[] timesMillis() {
            return timesMillis.clone();
        }

        long time(int i) {
            return timesMillis[i];
        }

        int size() {
            return timesMillis.length;
        }

        /** Index of the sample nearest to {@code epochMillis}, -1 when there are none. */
        public int indexNear(long epochMillis) {
            int lo = 0;
            int hi = timesMillis.length - 1;
            if (hi < 0) {
                return -1;
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (timesMillis[mid] < epochMillis) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo > 0 && epochMillis - timesMillis[lo - 1] < timesMillis[lo] - epochMillis) {
                return lo - 1;
            }
            return lo;
        }

        /** Tooltip text of sample {@code i}: how long ago, each series' value, the total. */
        public String describe(int i) {
            StringBuilder sb = new StringBuilder();
            long agoSeconds = Math.round((end.toEpochMilli() - timesMillis[i]) / 1000.0);
            sb.append(CpuChartCanvas.agoLabel(agoSeconds).replace("-", "")).append(agoSeconds > 0 ? " ago" : "");
            double total = 0;
            for (Series s : series) {
                sb.append(String.format(java.util.Locale.ROOT, "%n%s  %.1f %%", s.group(), s.at(i)));
                total += s.at(i);
            }
            sb.append(String.format(java.util.Locale.ROOT, "%nTotal  %.1f %% of one core", total));
            return sb.toString();
        }

        /** Largest stacked total of any sample (percent of one core). */
        public double maxStacked() {
            double max = 0;
            for (int i = 0; i < timesMillis.length; i++) {
                double sum = 0;
                for (Series s : series) {
                    sum += s.at(i);
                }
                max = Math.max(max, sum);
            }
            return max;
        }
    }

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    /**
     * Appends {@code snapshot}'s CPU per group and drops samples older than {@link #MAX_WINDOW}.
     * A snapshot with the same time as the newest sample replaces it.
     */
    public void record(Snapshot snapshot) {
        record(sampleOf(snapshot));
    }

    /** {@code snapshot}'s CPU per group, as {@link #record(Snapshot)} adds it. Pure; any thread. */
    public static Sample sampleOf(Snapshot snapshot) {
        Map<String, Double> byGroup = new HashMap<>();
        for (ProcessSample p : snapshot.processes()) {
            byGroup.merge(p.group().group(), p.cpuPercent(), Double::sum);
        }
        return new Sample(snapshot.takenAt(), capped(byGroup));
    }

    /** {@code byGroup} with at most {@link #MAX_GROUPS_PER_SAMPLE} entries: the smallest summed into {@link #REST}. */
    private static Map<String, Double> capped(Map<String, Double> byGroup) {
        if (byGroup.size() <= MAX_GROUPS_PER_SAMPLE) {
            return byGroup;
        }
        List<Map.Entry<String, Double>> largest = new ArrayList<>(byGroup.entrySet());
        largest.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> kept = new HashMap<>();
        double rest = 0;
        for (Map.Entry<String, Double> e : largest) {
            if (kept.size() < MAX_GROUPS_PER_SAMPLE - 1 && !REST.equals(e.getKey())) {
                kept.put(e.getKey(), e.getValue());
            } else {
                rest += e.getValue();
            }
        }
        kept.put(REST, rest);
        return kept;
    }

    /** Appends a sample computed with {@link #sampleOf} (perhaps on another thread); as {@link #record(Snapshot)}. */
    public void record(Sample sample) {
        Instant at = sample.time();
        if (!samples.isEmpty() && at.isBefore(samples.peekLast().time())) {
            // a different source (a file) went back in time: start over rather than draw backwards
            samples.clear();
        } else if (!samples.isEmpty() && at.equals(samples.peekLast().time())) {
            // the same snapshot handed over again: replace, never count it twice
            samples.removeLast();
        }
        samples.addLast(sample);
        Instant oldest = at.minus(MAX_WINDOW);
        while (samples.size() > MAX_SAMPLES || samples.peekFirst().time().isBefore(oldest)) {
            samples.removeFirst();
        }
    }

    /** Number of samples held. */
    public int size() {
        return samples.size();
    }

    /** Forgets everything. */
    public void clear() {
        samples.clear();
    }

    /** The samples within {@code window} of the newest, oldest first. */
    public List<Sample> window(Duration window) {
        if (samples.isEmpty()) {
            return List.of();
        }
        Instant from = samples.peekLast().time().minus(window);
        List<Sample> out = new ArrayList<>();
        for (Sample s : samples) {
            if (!s.time().isBefore(from)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The chart of the last {@code window}: the {@code topN} groups by average CPU in the window,
     * each as a series, and the rest summed into {@link #REST}.
     */
    public ChartData chart(Duration window, int topN) {
        return chart(window, topN, null);
    }

    /**
     * As {@link #chart(Duration, int)}, restricted to {@code only} (null = every group): the top
     * groups among them, and no "rest" series, since what is left out is what the filter hides.
     */
    public ChartData chart(Duration window, int topN, java.util.Set<String> only) {
        List<Sample> in = window(window);
        Instant end = in.isEmpty() ? Instant.EPOCH : in.get(in.size() - 1).time();
        List<String> top = only == null ? topGroups(in, topN)
                : topGroups(in, Integer.MAX_VALUE).stream().filter(only::contains).limit(topN).toList();
        long[] times = new long[in.size()];
        double[][] values = new double[top.size() + 1][in.size()];
        boolean restUsed = false;
        for (int i = 0; i < in.size(); i++) {
            Sample s = in.get(i);
            times[i] = s.time().toEpochMilli();
            double rest = s.total();
            for (int g = 0; g < top.size(); g++) {
                double v = s.cpuByGroup().getOrDefault(top.get(g), 0.0);
                values[g][i] = v;
                rest -= v;
            }
            values[top.size()][i] = Math.max(0, rest);
            restUsed |= rest > 1e-9;
        }
        List<Series> series = new ArrayList<>();
        for (int g = 0; g < top.size(); g++) {
            series.add(new Series(top.get(g), values[g]));
        }
        if (restUsed && only == null) {
            series.add(new Series(REST, values[top.size()]));
        }
        return new ChartData(end, window, times, series);
    }

    /** Groups by summed CPU over the samples, largest first, ties by name; groups that used no CPU left out. */
    static List<String> topGroups(List<Sample> in, int n) {
        Map<String, Double> sums = new HashMap<>();
        for (Sample s : in) {
            s.cpuByGroup().forEach((g, v) -> sums.merge(g, v, Double::sum));
        }
        return sums.entrySet().stream()
                .filter(e -> e.getValue() > 0 && !REST.equals(e.getKey())) // REST is what is left over
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(Math.max(0, n))
                .map(Map.Entry::getKey)
                .toList();
    }
}
