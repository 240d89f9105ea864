package io.herakles.procmem.classify;

import io.herakles.procmem.model.GroupKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain-text reports of the effective rules, for the exporter's {@code /subgroups} route and the
 * {@code subgroups} and {@code check} commands. Pure functions of a {@link RuleSet}; every listing
 * is sorted by group, then subgroup, then pattern (upstream's CLI listing was in hash order,
 * docs/UPSTREAM.md#u15-check-subgroups-and-test-say-what-they-mean). Stateless.
 */
public final class SubgroupReports {

    /** The footer line every upstream text endpoint ends with. */
    public static final String FOOTER = "Project: https://github.com/herakles-io/herakles-proc-mem-exporter"
            + " — More info: https://www.herakles.io — Support: proc-mem@herakles.io";

    private SubgroupReports() {}

    /**
     * The {@code /subgroups} body in upstream's layout: title, totals, groups with their subgroups and sorted
     * patterns, footer. No trailing newline, like upstream's other text bodies.
     */
    public static String endpointBody(RuleSet rules) {
        StringBuilder out = new StringBuilder();
        out.append("HERAKLES PROC MEM EXPORTER - SUBGROUPS\n").append("=".repeat(38)).append("\n\n");
        out.append("Total patterns: ").append(rules.patternCount())
                .append(" | Unique subgroups: ").append(rules.subgroupCount()).append('\n');
        String group = null;
        for (Map.Entry<GroupKey, List<String>> e : sortedPatterns(rules).entrySet()) {
            GroupKey key = e.getKey();
            if (!key.group().equals(group)) {
                group = key.group();
                out.append("\nGROUP: ").append(group).append('\n').append("-".repeat(40)).append('\n');
            }
            out.append("  ").append(String.format(Locale.ROOT, "%-20s", key.subgroup()))
                    .append(" -> ").append(String.join(", ", e.getValue())).append('\n');
        }
        return out.append('\n').append(FOOTER).toString();
    }

    /**
     * The {@code subgroups [--verbose] [-g GROUP]} command output, sorted, with a footer
     * that counts subgroups: {@code 📋 Total: S subgroups (P patterns) in G groups}.
     *
     * @param verbose     list every pattern instead of a count and three examples
     * @param groupFilter keep groups whose name contains this text (upstream's {@code -g}); null or
     *                    empty keeps all
     */
    public static String commandListing(RuleSet rules, boolean verbose, String groupFilter) {
        String filter = groupFilter == null ? "" : groupFilter;
        StringBuilder out = new StringBuilder("📋 Process subgroups (built-in and custom rules)\n");
        int subgroups = 0;
        int patterns = 0;
        String group = null;
        List<String> groups = new ArrayList<>();
        for (EffectiveRule rule : sortedRules(rules)) {
            GroupKey key = rule.key();
            if (!key.group().contains(filter)) {
                continue;
            }
            if (!key.group().equals(group)) {
                group = key.group();
                groups.add(group);
                out.append("\n🏷️  Group: ").append(group).append('\n').append("─".repeat(50)).append('\n');
            }
            subgroups++;
            patterns += rule.namePatterns().size() + rule.cmdlinePatterns().size();
            appendSubgroup(out, rule, verbose);
        }
        out.append('\n').append("📋 Total: ").append(subgroups).append(" subgroups (").append(patterns)
                .append(" patterns) in ").append(groups.size()).append(" groups\n");
        return out.toString();
    }

    private static void appendSubgroup(StringBuilder out, EffectiveRule rule, boolean verbose) {
        out.append("  ├─ 📂 Subgroup: ").append(rule.key().subgroup()).append('\n');
        List<String> names = sorted(rule.namePatterns());
        List<String> cmdlines = sorted(rule.cmdlinePatterns());
        if (verbose) {
            names.forEach(p -> out.append("  │    🔍 Matches: ").append(p).append('\n'));
            cmdlines.forEach(p -> out.append("  │    🔍 Cmdline: ").append(p).append('\n'));
            return;
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(cmdlines);
        out.append("  │    ").append(all.size()).append(all.size() == 1 ? " pattern" : " patterns").append('\n');
        out.append("  │    Examples: ").append(String.join(", ", all.subList(0, Math.min(3, all.size()))))
                .append('\n');
    }

    /**
     * The subgroups line of the {@code check} command: {@code ✅ N subgroups loaded} with N the
     * number of effective subgroups (upstream printed the pattern count), or
     * {@code ⚠️ No subgroups configured}.
     */
    public static String checkLine(RuleSet rules) {
        int n = rules.subgroupCount();
        return n == 0 ? "⚠️ No subgroups configured" : "✅ " + n + " subgroups loaded";
    }

    private static List<EffectiveRule> sortedRules(RuleSet rules) {
        List<EffectiveRule> sorted = new ArrayList<>(rules.effectiveRules());
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        return sorted;
    }

    private static Map<GroupKey, List<String>> sortedPatterns(RuleSet rules) {
        Map<GroupKey, List<String>> out = new TreeMap<>();
        rules.effectiveRules().forEach(r -> out.put(r.key(), sorted(r.allPatterns())));
        return out;
    }

    private static List<String> sorted(List<String> patterns) {
        List<String> copy = new ArrayList<>(patterns);
        copy.sort(null);
        return copy;
    }
}
