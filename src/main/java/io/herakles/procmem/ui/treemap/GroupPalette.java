package io.herakles.procmem.ui.treemap;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * Colours per group name, the same in every view (treemap, CPU chart, leaderboard). A group's
 * colour starts from a hash of its name into a fixed palette; when that slot is already held by
 * another group the next free slot is taken, so up to {@value #SIZE} groups never share a colour.
 * A group keeps its colour for the life of the process (beyond {@value #SIZE} groups, colours
 * repeat by hash). "other" is always grey.
 *
 * <p>Thread-safe (synchronised; one small map, at most {@value #SIZE} entries).
 */
public final class GroupPalette {

    static final int SIZE = 16;

    /** Distinct hues that read on a dark background (Tableau-like), none of them grey. */
    private static final Color[] PALETTE = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
        Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
        Color.web("#9c755f"), Color.web("#a0cbe8"), Color.web("#8cd17d"), Color.web("#d37295"),
        Color.web("#b6992d"), Color.web("#499894"), Color.web("#ffbe7d"), Color.web("#6b6ecf"),
    };

    /** The "other" bucket is grey so that classified groups stand out. */
    private static final Color OTHER = Color.web("#7f7f7f");

    private static final Map<String, Integer> ASSIGNED = new HashMap<>();
    private static final boolean[] TAKEN = new boolean[SIZE];

    private GroupPalette() {}

    /** The colour of {@code group}. */
    public static Color color(String group) {
        if (group == null || group.isEmpty() || group.equalsIgnoreCase("other")) {
            return OTHER;
        }
        return PALETTE[index(group)];
    }

    /** The palette slot of {@code group} (0..SIZE-1); the same for the life of the process. */
    static synchronized int index(String group) {
        Integer assigned = ASSIGNED.get(group);
        if (assigned != null) {
            return assigned;
        }
        int start = hashSlot(group);
        for (int k = 0; k < SIZE; k++) {
            int slot = (start + k) % SIZE;
            if (!TAKEN[slot]) {
                TAKEN[slot] = true;
                ASSIGNED.put(group, slot);
                return slot;
            }
        }
        // every colour is held: share by hash, and remember nothing (the map stays bounded)
        return start;
    }

    /** Where a name's colour search starts: String.hashCode is specified by the JLS, so stable across runs. */
    static int hashSlot(String group) {
        int h = group.hashCode();
        h ^= h >>> 16;
        return Math.floorMod(h * 0x45d9f3b, SIZE);
    }

    /** Forgets every assignment (tests only: the test JVM sees many more groups than an app). */
    static synchronized void forgetAssignments() {
        ASSIGNED.clear();
        java.util.Arrays.fill(TAKEN, false);
    }

    /** The palette size. */
    static int size() {
        return SIZE;
    }
}
