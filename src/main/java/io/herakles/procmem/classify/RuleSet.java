package io.herakles.procmem.classify;

import io.herakles.procmem.model.GroupKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The merged classification rules of every loaded file, as upstream merges them: each pattern
 * belongs to the entry that defined it last, across files and inside one file. Name patterns and
 * command-line expressions are kept apart (they match differently) but counted together.
 * Also carries the one-line errors of files that could not be used. Immutable, thread-safe.
 */
public final class RuleSet {

    private final List<String> sourceNames;
    private final List<String> errors;
    private final Map<String, PatternOwner> names;
    private final Map<String, PatternOwner> cmdlines;
    private final Set<String> definedGroups;
    private final List<EffectiveRule> effectiveRules;

    private RuleSet(List<RuleSource> sources, List<String> errors) {
        this.sourceNames = sources.stream().map(RuleSource::name).toList();
        this.errors = List.copyOf(errors);
        Map<String, PatternOwner> nameMap = new LinkedHashMap<>();
        Map<String, PatternOwner> cmdlineMap = new LinkedHashMap<>();
        Set<GroupKey> keysInOrder = new LinkedHashSet<>();
        int sequence = 0;
        for (RuleSource source : sources) {
            for (RuleDefinition definition : source.definitions()) {
                keysInOrder.add(definition.key());
                for (String pattern : definition.matches()) {
                    redefine(nameMap, pattern, new PatternOwner(definition.key(), source.name(), sequence++));
                }
                for (String regex : definition.cmdlineMatches()) {
                    redefine(cmdlineMap, regex, new PatternOwner(definition.key(), source.name(), sequence++));
                }
            }
        }
        this.names = Collections.unmodifiableMap(nameMap);
        this.cmdlines = Collections.unmodifiableMap(cmdlineMap);
        this.definedGroups = Collections.unmodifiableSet(groupsOf(keysInOrder));
        this.effectiveRules = effective(keysInOrder, nameMap, cmdlineMap);
    }

    /**
     * Merges sources in the given order (later wins).
     *
     * @param sources files in loading order
     * @param errors  one-line messages of files that were skipped
     */
    public static RuleSet of(List<RuleSource> sources, List<String> errors) {
        return new RuleSet(List.copyOf(sources), errors);
    }

    /** Merges sources that all loaded fine. */
    public static RuleSet of(List<RuleSource> sources) {
        return of(sources, List.of());
    }

    /**
     * The first file that could not be used, as its one-line {@code file:line:} message; empty when
     * every file loaded.
     */
    public java.util.Optional<String> firstError() {
        return errors.stream().findFirst();
    }

    /** Re-inserting moves the pattern to the end, so map order stays definition order. */
    private static void redefine(Map<String, PatternOwner> map, String pattern, PatternOwner owner) {
        map.remove(pattern);
        map.put(pattern, owner);
    }

    private static Set<String> groupsOf(Set<GroupKey> keys) {
        Set<String> groups = new LinkedHashSet<>();
        keys.forEach(k -> groups.add(k.group()));
        return groups;
    }

    private static List<EffectiveRule> effective(Set<GroupKey> keysInOrder, Map<String, PatternOwner> names,
            Map<String, PatternOwner> cmdlines) {
        Map<GroupKey, List<String>> namesByKey = byKey(names);
        Map<GroupKey, List<String>> cmdlinesByKey = byKey(cmdlines);
        List<EffectiveRule> rules = new ArrayList<>();
        for (GroupKey key : keysInOrder) {
            List<String> n = namesByKey.getOrDefault(key, List.of());
            List<String> c = cmdlinesByKey.getOrDefault(key, List.of());
            if (!n.isEmpty() || !c.isEmpty()) {
                rules.add(new EffectiveRule(key, n, c));
            }
        }
        return List.copyOf(rules);
    }

    /** Patterns per key, in (last) definition order: the maps are kept in that order. */
    private static Map<GroupKey, List<String>> byKey(Map<String, PatternOwner> patterns) {
        Map<GroupKey, List<String>> out = new LinkedHashMap<>();
        patterns.forEach((pattern, owner) -> out.computeIfAbsent(owner.key(), k -> new ArrayList<>()).add(pattern));
        return out;
    }

    /** Effective subgroups with their patterns, in the order their subgroup was first defined. */
    public List<EffectiveRule> effectiveRules() {
        return effectiveRules;
    }

    /** Unique patterns (names and command-line expressions); upstream's "Total patterns". */
    public int patternCount() {
        Set<String> all = new java.util.HashSet<>(names.keySet());
        all.addAll(cmdlines.keySet());
        return all.size();
    }

    /** Effective (group, subgroup) pairs that have at least one pattern; upstream's "Unique subgroups". */
    public int subgroupCount() {
        return effectiveRules.size();
    }

    /** Groups that have at least one effective subgroup. */
    public int groupCount() {
        return effectiveGroups().size();
    }

    /** Groups with at least one effective subgroup, sorted. */
    public List<String> effectiveGroups() {
        Set<String> groups = new TreeSet<>();
        effectiveRules.forEach(r -> groups.add(r.key().group()));
        return List.copyOf(groups);
    }

    /** Groups named by any entry, even one whose patterns all moved elsewhere (upstream: 17). */
    public int definedGroupCount() {
        return definedGroups.size();
    }

    /** Names of the files that contributed, in loading order. */
    public List<String> sourceNames() {
        return sourceNames;
    }

    /** One-line messages of files that were skipped (unreadable, invalid TOML, invalid regex). */
    public List<String> errors() {
        return errors;
    }

    /** Name pattern to owner, in definition order (last definition last). */
    Map<String, PatternOwner> namePatterns() {
        return names;
    }

    /** Command-line expression to owner, in definition order (last definition last). */
    Map<String, PatternOwner> cmdlinePatterns() {
        return cmdlines;
    }
}
