package io.herakles.procmem.model.maps;

import java.util.Objects;

/**
 * Mappings of one process summed by path (a library's text, data and bss together) or by kind.
 * Immutable.
 *
 * @param kind     what backs them
 * @param name     the path, or for a group by kind (and anonymous mappings) the kind's label in brackets
 * @param mappings how many mappings were summed
 * @param sizes    their sum
 */
public record MappingGroup(MappingKind kind, String name, int mappings, MappingSizes sizes) {

    public MappingGroup {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sizes, "sizes");
    }
}
