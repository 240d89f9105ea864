package io.herakles.procmem.ui.prefs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The recent-files list: most recent first, no duplicates, at most {@value #MAX}. Pure. */
public final class RecentFiles {

    /** How many files File → Open recent lists. */
    public static final int MAX = 8;

    private RecentFiles() {}

    /** {@code recent} with {@code opened} moved (or added) to the front, cut to {@value #MAX}. */
    public static List<Path> add(List<Path> recent, Path opened) {
        Path file = opened.toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>(MAX);
        out.add(file);
        for (Path p : recent) {
            if (out.size() == MAX) {
                break;
            }
            if (!p.equals(file)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
