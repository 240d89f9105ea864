package io.herakles.procmem.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pure aggregation over processes: sums per group, ranking by USS. Stateless. */
public final class Aggregation {

    /**
     * Ranking used by every Top-N: USS descending, processes with unknown USS after all known ones
     * (by RSS descending), ties by pid ascending so the order is stable between scrapes.
     */
    public static final Comparator<ProcessSample> BY_USS_DESC = Comparator
            .comparing((ProcessSample p) -> p.ussBytes().isPresent() ? 0 : 1)
            .thenComparing(p -> -p.ussBytes().orElse(p.rssBytes()))
            .thenComparingInt(ProcessSample::pid);

    private Aggregation() {}

    /** Processes per group/subgroup, keys sorted, members in input order. */
    public static Map<GroupKey, List<ProcessSample>> groupByKey(Collection<ProcessSample> processes) {
        Map<GroupKey, List<ProcessSample>> byKey = new TreeMap<>();
        for (ProcessSample p : processes) {
            byKey.computeIfAbsent(p.group(), k -> new ArrayList<>()).add(p);
        }
        return byKey;
    }

    /** Sums over one bucket. */
    public static GroupTotals totals(GroupKey key, Collection<ProcessSample> members) {
        long rss = 0;
        long pss = 0;
        long uss = 0;
        int pssKnown = 0;
        int ussKnown = 0;
        double cpu = 0;
        double cpuTime = 0;
        for (ProcessSample p : members) {
            rss += p.rssBytes();
            if (p.pssBytes().isPresent()) {
                pss += p.pssBytes().getAsLong();
                pssKnown++;
            }
            if (p.ussBytes().isPresent()) {
                uss += p.ussBytes().getAsLong();
                ussKnown++;
            }
            cpu += p.cpuPercent();
            cpuTime += p.cpuTimeSeconds();
        }
        return new GroupTotals(key, members.size(), rss, pss, uss, pssKnown, ussKnown, cpu, cpuTime);
    }

    /** The first {@code n} of {@code members} by {@link #BY_USS_DESC}. */
    public static List<ProcessSample> topByUss(Collection<ProcessSample> members, int n) {
        return members.stream().sorted(BY_USS_DESC).limit(Math.max(0, n)).toList();
    }

    /**
     * Upstream's "other" cap, with its bug fixed: of the processes in the {@code other} group keep
     * the {@code topNOthers} largest by USS (upstream kept arbitrary ones); every other process is
     * kept. Result is pid-ordered like the input.
     */
    public static List<ProcessSample> capOthers(List<ProcessSample> processes, int topNOthers) {
        List<ProcessSample> others = processes.stream().filter(p -> p.group().isOther()).toList();
        if (others.size() <= topNOthers) {
            return processes;
        }
        java.util.Set<Integer> keep = new java.util.HashSet<>();
        for (ProcessSample p : topByUss(others, topNOthers)) {
            keep.add(p.pid());
        }
        return processes.stream().filter(p -> !p.group().isOther() || keep.contains(p.pid())).toList();
    }
}
