package io.herakles.procmem.model;

import java.util.Objects;

/**
 * How the tick that produced a snapshot went, plus running totals since start. Immutable.
 *
 * @param durationSeconds        wall time of the collection pass
 * @param pidsSeen               numeric {@code /proc} entries listed this tick
 * @param vanished               pids that exited while being read this tick (skipped quietly)
 * @param permissionDenied       pids whose {@code smaps_rollup} was unreadable this tick (PSS/USS absent)
 * @param pssReadable            processes in the snapshot whose PSS/USS are known
 * @param smapsPending           processes whose PSS/USS were not refreshed this tick (time budget)
 * @param ticks                  collection passes since start (including this one)
 * @param failedTicks            failed passes since start
 * @param vanishedTotal          sum of {@code vanished} since start
 * @param permissionDeniedTotal  sum of {@code permissionDenied} since start
 * @param success                whether this pass succeeded (a failed pass keeps the last good processes)
 * @param error                  one-line reason of the last failure; empty when none
 */
public record CollectionStats(
        double durationSeconds,
        int pidsSeen,
        int vanished,
        int permissionDenied,
        int pssReadable,
        int smapsPending,
        long ticks,
        long failedTicks,
        long vanishedTotal,
        long permissionDeniedTotal,
        boolean success,
        String error) {

    public static final CollectionStats NONE = new CollectionStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true, "");

    public CollectionStats {
        Objects.requireNonNull(error, "error");
    }
}
