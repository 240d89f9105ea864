package io.herakles.procmem.model;

import java.util.List;
import java.util.function.ToIntFunction;

/** Binary search in a list kept in pid order (snapshots, the table's listing). */
public final class PidSearch {

    private PidSearch() {}

    /** The index of {@code wanted} in {@code byPid} (ascending by {@code pidOf}), or -1. */
    public static <T> int indexOf(List<T> byPid, ToIntFunction<? super T> pidOf, int wanted) {
        int low = 0;
        int high = byPid.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int pid = pidOf.applyAsInt(byPid.get(middle));
            if (pid < wanted) {
                low = middle + 1;
            } else if (pid > wanted) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }
}
