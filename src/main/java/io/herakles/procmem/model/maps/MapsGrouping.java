package io.herakles.procmem.model.maps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums of one process's mappings by path or by kind, largest PSS first. Pure; any thread. */
public final class MapsGrouping {

    /** Largest PSS first, then RSS, then name (a stable order for equal figures). */
    public static final Comparator<MappingGroup> LARGEST_FIRST = Comparator
            .comparingLong((MappingGroup g) -> g.sizes().pss()).reversed()
            .thenComparing(Comparator.comparingLong((MappingGroup g) -> g.sizes().rss()).reversed())
            .thenComparing(MappingGroup::name);

    private MapsGrouping() {}

    /** One group per path (anonymous mappings together, as one group per anonymous kind). */
    public static List<MappingGroup> byPath(List<Mapping> mappings) {
        return group(mappings, false);
    }

    /** One group per {@link MappingKind}. */
    public static List<MappingGroup> byKind(List<Mapping> mappings) {
        return group(mappings, true);
    }

    private static List<MappingGroup> group(List<Mapping> mappings, boolean byKind) {
        Map<String, MappingGroup> groups = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            String name = byKind ? "[" + m.kind().label() + "]" : m.displayName();
            String key = m.kind().ordinal() + "\u0000" + name;
            MappingGroup old = groups.get(key);
            groups.put(key, old == null ? new MappingGroup(m.kind(), name, 1, m.sizes())
                    : new MappingGroup(m.kind(), name, old.mappings() + 1, old.sizes().plus(m.sizes())));
        }
        List<MappingGroup> out = new ArrayList<>(groups.values());
        out.sort(LARGEST_FIRST);
        return List.copyOf(out);
    }
}
