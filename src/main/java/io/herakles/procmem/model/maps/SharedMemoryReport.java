package io.herakles.procmem.model.maps;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of one scan of every process's {@code smaps}: the mappings shared by two or more
 * processes, most overstated first, and how many processes could not be read. Immutable.
 *
 * @param shared    mappings mapped by at least two processes, {@link SharedMapping#MOST_OVERSTATED_FIRST}
 * @param scanned   processes whose {@code smaps} were read
 * @param denied    processes we may not read ({@link ProcessMaps#DENIED_HINT})
 * @param gone      processes that exited during the scan
 * @param cancelled whether the scan was stopped before the last process (the figures cover {@code scanned})
 * @param elapsed   how long the scan took
 */
public record SharedMemoryReport(List<SharedMapping> shared, int scanned, int denied, int gone, boolean cancelled,
        Duration elapsed) {

    public SharedMemoryReport {
        shared = List.copyOf(shared);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The first {@code n} entries (all when n ≤ 0). */
    public List<SharedMapping> top(int n) {
        return n <= 0 || n >= shared.size() ? shared : shared.subList(0, n);
    }
}
