package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.Aggregation;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.GroupTotals;
import io.herakles.procmem.model.ProcessSample;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-process, per-subgroup sum and Top-N families for one scrape, with
 * upstream's bugs fixed:
 * <ul>
 *   <li>the "other" cap keeps the {@code top_n_others} <b>largest</b> processes by USS;</li>
 *   <li>absent PSS/USS give no series for that process and are not counted in sums (a subgroup
 *       whose PSS is unknown for every member has no PSS sum);</li>
 *   <li>no {@code uptime_in_seconds} label.</li>
 * </ul>
 * The {@code enable_rss/pss/uss/cpu} flags gate every family of their kind: per-process, sums,
 * Top-N values and percent-of-subgroup. Top-N is ranked by USS for every metric, as upstream does
 * (processes with unknown USS rank after known ones). Confined to the scraping thread.
 */
final class ProcessFamilies {

    private static final String[] PROCESS_LABELS = {"pid", "name", "group", "subgroup"};
    private static final String[] GROUP_LABELS = {"group", "subgroup"};
    private static final String[] TOP_LABELS = {"group", "subgroup", "rank", "pid", "name"};

    private final ExporterConfig config;
    private final Map<GaugeDefinition, GaugeSamples> families = new EnumMap<>(GaugeDefinition.class);

    ProcessFamilies(ExporterConfig config) {
        this.config = config;
    }

    /** Adds the families for {@code processes}; returns how many processes were exported. */
    int addAll(List<ProcessSample> processes, List<MetricSnapshot> out) {
        List<ProcessSample> exported = Aggregation.capOthers(uniquePids(processes), Math.max(0, config.topNOthers()));
        for (ProcessSample p : exported) {
            addProcess(p);
        }
        Aggregation.groupByKey(exported).forEach(this::addGroup);
        families.values().forEach(f -> f.emitTo(out));
        return exported.size();
    }

    /**
     * A snapshot file given with {@code -t} may list a pid twice; two series with the same labels
     * would make every scrape fail, so the first one (snapshots are pid-sorted) wins.
     */
    private static List<ProcessSample> uniquePids(List<ProcessSample> processes) {
        Set<Integer> seen = new HashSet<>();
        List<ProcessSample> unique = new ArrayList<>(processes.size());
        for (ProcessSample p : processes) {
            if (seen.add(p.pid())) {
                unique.add(p);
            }
        }
        return unique.size() == processes.size() ? processes : unique;
    }

    private GaugeSamples family(GaugeDefinition f) {
        return families.computeIfAbsent(f, GaugeSamples::new);
    }

    private void addProcess(ProcessSample p) {
        Labels labels = Labels.of(PROCESS_LABELS, new String[] {
            Integer.toString(p.pid()), LabelValues.clean(p.name()), LabelValues.clean(p.group().group()),
            LabelValues.clean(p.group().subgroup())});
        if (config.enableRss()) {
            family(GaugeDefinition.RSS).add(p.rssBytes(), labels);
        }
        if (config.enablePss() && p.pssBytes().isPresent()) {
            family(GaugeDefinition.PSS).add(p.pssBytes().getAsLong(), labels);
        }
        if (config.enableUss() && p.ussBytes().isPresent()) {
            family(GaugeDefinition.USS).add(p.ussBytes().getAsLong(), labels);
        }
        if (config.enableCpu()) {
            family(GaugeDefinition.CPU_PERCENT).add(p.cpuPercent(), labels);
            family(GaugeDefinition.CPU_TIME).add(p.cpuTimeSeconds(), labels);
        }
    }

    private void addGroup(GroupKey key, List<ProcessSample> members) {
        GroupTotals totals = Aggregation.totals(key, members);
        Labels labels = Labels.of(GROUP_LABELS, new String[] {
            LabelValues.clean(key.group()), LabelValues.clean(key.subgroup())});
        if (config.enableRss()) {
            family(GaugeDefinition.GROUP_RSS).add(totals.rssBytes(), labels);
        }
        if (config.enablePss() && totals.pssKnown() > 0) {
            family(GaugeDefinition.GROUP_PSS).add(totals.pssBytes(), labels);
        }
        if (config.enableUss() && totals.ussKnown() > 0) {
            family(GaugeDefinition.GROUP_USS).add(totals.ussBytes(), labels);
        }
        if (config.enableCpu()) {
            family(GaugeDefinition.GROUP_CPU_PERCENT).add(totals.cpuPercent(), labels);
            family(GaugeDefinition.GROUP_CPU_TIME).add(totals.cpuTimeSeconds(), labels);
        }
        List<ProcessSample> top = Aggregation.topByUss(members, topLimit(key));
        for (int rank = 1; rank <= top.size(); rank++) {
            addTop(key, rank, top.get(rank - 1), totals);
        }
    }

    /** max(1, top_n_others) for other/others buckets, else max(1, top_n_subgroup). */
    int topLimit(GroupKey key) {
        boolean other = isOtherName(key.group()) || isOtherName(key.subgroup());
        return Math.max(1, other ? config.topNOthers() : config.topNSubgroup());
    }

    private static boolean isOtherName(String s) {
        return s.equalsIgnoreCase("other") || s.equalsIgnoreCase("others");
    }

    private void addTop(GroupKey key, int rank, ProcessSample p, GroupTotals totals) {
        Labels labels = Labels.of(TOP_LABELS, new String[] {
            LabelValues.clean(key.group()), LabelValues.clean(key.subgroup()), Integer.toString(rank),
            Integer.toString(p.pid()), LabelValues.clean(p.name())});
        if (config.enableRss()) {
            family(GaugeDefinition.TOP_RSS).add(p.rssBytes(), labels);
            addShare(GaugeDefinition.TOP_RSS_SHARE, p.rssBytes(), totals.rssBytes(), labels);
        }
        if (config.enablePss() && p.pssBytes().isPresent()) {
            family(GaugeDefinition.TOP_PSS).add(p.pssBytes().getAsLong(), labels);
            addShare(GaugeDefinition.TOP_PSS_SHARE, p.pssBytes().getAsLong(), totals.pssBytes(), labels);
        }
        if (config.enableUss() && p.ussBytes().isPresent()) {
            family(GaugeDefinition.TOP_USS).add(p.ussBytes().getAsLong(), labels);
            addShare(GaugeDefinition.TOP_USS_SHARE, p.ussBytes().getAsLong(), totals.ussBytes(), labels);
        }
        if (config.enableCpu()) {
            family(GaugeDefinition.TOP_CPU_PERCENT).add(p.cpuPercent(), labels);
            family(GaugeDefinition.TOP_CPU_TIME).add(p.cpuTimeSeconds(), labels);
            // upstream's "CPU percent of subgroup" is a share of CPU *time*; kept for dashboard parity
            addShare(GaugeDefinition.TOP_CPU_SHARE, p.cpuTimeSeconds(), totals.cpuTimeSeconds(), labels);
        }
    }

    private void addShare(GaugeDefinition f, double part, double total, Labels labels) {
        if (total > 0) {
            family(f).add(100.0 * part / total, labels);
        }
    }
}
