package io.herakles.procmem.ui.maps;

import io.herakles.procmem.model.maps.Mapping;
import io.herakles.procmem.model.maps.MappingGroup;
import io.herakles.procmem.model.maps.MappingKind;
import io.herakles.procmem.model.maps.MappingSizes;
import java.util.Objects;

/**
 * One row of the maps table: a single mapping, or a group of them (by path or kind). Immutable.
 *
 * @param kind     what backs it
 * @param name     path, or the kind in brackets
 * @param address  {@code start-end} for a single mapping, "" for a group
 * @param perms    permissions for a single mapping, "" for a group
 * @param mappings how many mappings the row covers
 * @param sizes    its figures
 */
public record MapsRow(MappingKind kind, String name, String address, String perms, int mappings, MappingSizes sizes) {

    public MapsRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sizes, "sizes");
    }

    static MapsRow of(Mapping m) {
        return new MapsRow(m.kind(), m.displayName(), m.addressRange(), m.perms(), 1, m.sizes());
    }

    static MapsRow of(MappingGroup g) {
        return new MapsRow(g.kind(), g.name(), "", "", g.mappings(), g.sizes());
    }

    /** Whether the filter text (lower case) is in its name, kind or permissions. */
    boolean matches(String lowerCaseFilter) {
        return lowerCaseFilter.isEmpty() || name.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseFilter)
                || kind.label().contains(lowerCaseFilter) || perms.contains(lowerCaseFilter);
    }
}
