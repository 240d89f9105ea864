package io.herakles.procmem.ui.treemap;

import javafx.scene.paint.Color;

/**
 * Stable colours per group name: the same group gets the same colour in every view and every run
 * (a hash of the name into a fixed palette), so "db" stays blue in the treemap and the CPU chart.
 * Stateless; {@link Color} is immutable, so safe from any thread.
 */
public final class GroupPalette {

    /** Tableau-like palette: distinct hues that read well on a dark background. */
    private static final Color[] PALETTE = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
        Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
        Color.web("#9c755f"), Color.web("#bab0ac"), Color.web("#86bcb6"), Color.web("#d37295"),
    };

    /** The "other" bucket is grey so that classified groups stand out. */
    private static final Color OTHER = Color.web("#7f7f7f");

    private GroupPalette() {}

    /** The colour of {@code group}. */
    public static Color color(String group) {
        if (group == null || group.isEmpty()) {
            return OTHER;
        }
        if (group.equalsIgnoreCase("other")) {
            return OTHER;
        }
        return PALETTE[index(group)];
    }

    /** The palette slot of {@code group} (0..size-1), stable across runs. */
    static int index(String group) {
        // String.hashCode is specified by the JLS, so this is stable across JVMs and runs
        int h = group.hashCode();
        h ^= h >>> 16;
        return Math.floorMod(h * 0x45d9f3b, PALETTE.length);
    }

    /** The palette size. */
    static int size() {
        return PALETTE.length;
    }
}
