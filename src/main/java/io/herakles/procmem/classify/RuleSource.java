package io.herakles.procmem.classify;

import java.util.List;
import java.util.Objects;

/**
 * The definitions read from one rules file, in file order, with the name people know the file by
 * ({@code built-in subgroups.toml}, {@code /etc/herakles/subgroups.toml}, ...). Immutable.
 */
public record RuleSource(String name, List<RuleDefinition> definitions) {
    public RuleSource {
        Objects.requireNonNull(name, "name");
        definitions = List.copyOf(definitions);
    }
}
