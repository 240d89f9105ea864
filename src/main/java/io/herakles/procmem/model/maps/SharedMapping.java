package io.herakles.procmem.model.maps;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One file or shared-memory segment mapped by several processes, summed over them. RSS summed is
 * what naive tools add up; PSS summed is what it really costs (each shared page counted once).
 * Immutable.
 *
 * @param path  the path as {@code smaps} shows it (see {@link Mapping#path()})
 * @param kind  file, deleted file or shared memory
 * @param rss   RSS summed over the processes (bytes)
 * @param pss   PSS summed over the processes (bytes)
 * @param swap  swap summed over the processes (bytes)
 * @param users the processes that map it, largest RSS first
 */
public record SharedMapping(String path, MappingKind kind, long rss, long pss, long swap, List<User> users) {

    /** Largest RSS − PSS first: where naive sums overstate the most. Then path. */
    public static final Comparator<SharedMapping> MOST_OVERSTATED_FIRST = Comparator
            .comparingLong((SharedMapping s) -> s.rss() - s.pss()).reversed()
            .thenComparing(SharedMapping::path);

    public SharedMapping {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        users = List.copyOf(users);
    }

    public int processes() {
        return users.size();
    }

    /**
     * One process's share of a shared mapping.
     *
     * @param pid  the process
     * @param name its name ({@code comm})
     * @param rss  its RSS of the mapping (bytes)
     * @param pss  its PSS of the mapping (bytes)
     */
    public record User(int pid, String name, long rss, long pss) {
        public User {
            Objects.requireNonNull(name, "name");
        }
    }
}
