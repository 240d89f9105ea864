package io.herakles.procmem.engine;

import io.herakles.procmem.config.ExporterConfig;
import java.util.List;

/**
 * Upstream's {@code should_include_process}: a name containing any {@code exclude_names}
 * entry is dropped (exclude wins); otherwise, when {@code include_names} is non-empty, only names
 * containing one of its entries are kept. Substring matching, case-sensitive. Immutable.
 */
final class NameFilter {

    private final List<String> include;
    private final List<String> exclude;

    NameFilter(ExporterConfig config) {
        this.include = config.includeNames();
        this.exclude = config.excludeNames();
    }

    boolean accepts(String name) {
        for (String e : exclude) {
            if (name.contains(e)) {
                return false;
            }
        }
        if (include.isEmpty()) {
            return true;
        }
        for (String i : include) {
            if (name.contains(i)) {
                return true;
            }
        }
        return false;
    }
}
