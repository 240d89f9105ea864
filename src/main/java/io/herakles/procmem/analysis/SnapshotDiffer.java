package io.herakles.procmem.analysis;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two snapshots. Processes are paired by pid and start time first; what is left is paired
 * by group, subgroup, name and command line (in pid order when several share them), which finds
 * a restarted service or the same programs after a reboot. Stateless.
 */
public final class SnapshotDiffer {

    /** Rows by growth: the largest Δ first, unknown Δ last, then by label. */
    static final Comparator<DiffRow> BY_GROWTH = Comparator
            .comparing((DiffRow r) -> r.delta().isPresent() ? 0 : 1)
            .thenComparing(r -> -r.delta().orElse(0))
            .thenComparing(DiffRow::label);

    private SnapshotDiffer() {}

    public static SnapshotDiff diff(Snapshot before, Snapshot after, DiffLevel level, MemoryMetric metric) {
        List<DiffRow> rows = level == DiffLevel.PROCESS ? processRows(before, after, metric)
                : keyRows(before, after, level, metric);
        return new SnapshotDiff(level, metric, before.takenAt(), after.takenAt(), byGrowth(rows),
                total(before, metric), total(after, metric));
    }

    /**
     * {@code rows} in {@link #BY_GROWTH} order, each row's Δ computed once: comparing through
     * {@code delta()} made an {@code OptionalLong} and two status switches per comparison, a sixth
     * of a 5,000-process {@code diff}'s CPU after its two files were read (async-profiler).
     */
    static List<DiffRow> byGrowth(List<DiffRow> rows) {
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (DiffRow r : rows) {
            OptionalLong delta = r.delta();
            keyed.add(new Keyed(r, delta.isPresent() ? 0 : 1, -delta.orElse(0)));
        }
        keyed.sort(Keyed.ORDER);
        List<DiffRow> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            out.add(k.row());
        }
        return out;
    }

    /** A row with {@link #BY_GROWTH}'s first two keys as numbers. */
    private record Keyed(DiffRow row, int unknown, long negatedDelta) {
        static final Comparator<Keyed> ORDER = (x, y) -> x.unknown != y.unknown ? Integer.compare(x.unknown, y.unknown)
                : x.negatedDelta != y.negatedDelta ? Long.compare(x.negatedDelta, y.negatedDelta)
                : x.row.label().compareTo(y.row.label());
    }

    private static long total(Snapshot s, MemoryMetric metric) {
        long sum = 0;
        for (ProcessSample p : s.processes()) {
            sum += p.bytes(metric).orElse(0);
        }
        return sum;
    }

    private static List<DiffRow> processRows(Snapshot before, Snapshot after, MemoryMetric metric) {
        List<DiffRow> rows = new ArrayList<>();
        Set<Integer> pairedAfter = new HashSet<>();
        List<ProcessSample> unpairedBefore = new ArrayList<>();
        for (ProcessSample b : before.processes()) {
            ProcessSample a = after.byPid(b.pid()).orElse(null);
            if (a != null && samePidSameStart(b, a)) {
                rows.add(row(b, a, metric, MatchKind.PID));
                pairedAfter.add(a.pid());
            } else {
                unpairedBefore.add(b);
            }
        }
        Map<Identity, Deque<ProcessSample>> waiting = new LinkedHashMap<>();
        for (ProcessSample a : after.processes()) {
            if (!pairedAfter.contains(a.pid())) {
                waiting.computeIfAbsent(Identity.of(a), k -> new ArrayDeque<>()).add(a);
            }
        }
        for (ProcessSample b : unpairedBefore) {
            Deque<ProcessSample> candidates = waiting.get(Identity.of(b));
            ProcessSample a = candidates == null ? null : candidates.pollFirst();
            rows.add(a == null ? row(b, null, metric, MatchKind.NONE) : row(b, a, metric, MatchKind.IDENTITY));
        }
        for (Deque<ProcessSample> left : waiting.values()) {
            for (ProcessSample a : left) {
                rows.add(row(null, a, metric, MatchKind.NONE));
            }
        }
        return rows;
    }

    /** Same pid, and the start times agree (or one of them is unknown, as in upstream's files). */
    private static boolean samePidSameStart(ProcessSample b, ProcessSample a) {
        return b.startTime() == null || a.startTime() == null || b.startTime().equals(a.startTime());
    }

    private static DiffRow row(ProcessSample b, ProcessSample a, MemoryMetric metric, MatchKind kind) {
        ProcessSample any = a != null ? a : b;
        return new DiffRow(any.name(), any.group(),
                b == null ? OptionalInt.empty() : OptionalInt.of(b.pid()),
                a == null ? OptionalInt.empty() : OptionalInt.of(a.pid()),
                b == null ? OptionalLong.empty() : b.bytes(metric),
                a == null ? OptionalLong.empty() : a.bytes(metric), kind);
    }

    private static List<DiffRow> keyRows(Snapshot before, Snapshot after, DiffLevel level, MemoryMetric metric) {
        Map<GroupKey, Long> b = sums(before, level, metric);
        Map<GroupKey, Long> a = sums(after, level, metric);
        Set<GroupKey> keys = new TreeSet<>(b.keySet());
        keys.addAll(a.keySet());
        List<DiffRow> rows = new ArrayList<>(keys.size());
        for (GroupKey k : keys) {
            Long vb = b.get(k);
            Long va = a.get(k);
            String label = level == DiffLevel.GROUP ? k.group() : k.toString();
            rows.add(new DiffRow(label, k, OptionalInt.empty(), OptionalInt.empty(),
                    vb == null ? OptionalLong.empty() : OptionalLong.of(vb),
                    va == null ? OptionalLong.empty() : OptionalLong.of(va),
                    vb != null && va != null ? MatchKind.KEY : MatchKind.NONE));
        }
        return rows;
    }

    private static Map<GroupKey, Long> sums(Snapshot s, DiffLevel level, MemoryMetric metric) {
        Map<GroupKey, Long> out = new TreeMap<>();
        for (ProcessSample p : s.processes()) {
            GroupKey k = level == DiffLevel.GROUP ? new GroupKey(p.group().group(), "") : p.group();
            out.merge(k, p.bytes(metric).orElse(0), Long::sum);
        }
        return out;
    }

    /** What pairs processes whose pids differ. */
    private record Identity(GroupKey group, String name, String cmdline) {
        static Identity of(ProcessSample p) {
            return new Identity(p.group(), p.name(), Objects.requireNonNullElse(p.cmdline(), ""));
        }
    }

}
