package io.herakles.procmem.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * uid → user name from a {@code passwd} file (default {@code /etc/passwd}), cached and re-read only
 * when the file's modification time changes. An unknown uid (or an unreadable file) gives the uid
 * as text; -1 gives "". Thread-safe (synchronized; it is called on first sight of a process only).
 */
public final class UserNames {

    private final Path passwd;
    private Map<Integer, String> names = Map.of();
    private FileTime loadedMtime;
    private long checkedNanos;
    private boolean checkedOnce;

    public UserNames(Path passwd) {
        this.passwd = passwd;
    }

    public static UserNames system() {
        return new UserNames(Path.of("/etc/passwd"));
    }

    /** The name of {@code uid}, or the number as text when it has none. */
    public synchronized String name(int uid) {
        if (uid < 0) {
            return "";
        }
        reloadIfChanged();
        String n = names.get(uid);
        return n != null ? n : Integer.toString(uid);
    }

    private void reloadIfChanged() {
        long now = System.nanoTime();
        // one stat() of the file per second at most: this is called for every new process
        if (checkedOnce && now - checkedNanos < 1_000_000_000L) {
            return;
        }
        checkedOnce = true;
        checkedNanos = now;
        try {
            FileTime mtime = Files.getLastModifiedTime(passwd);
            if (mtime.equals(loadedMtime)) {
                return;
            }
            names = parse(new String(Files.readAllBytes(passwd), StandardCharsets.UTF_8));
            loadedMtime = mtime;
        } catch (IOException | RuntimeException e) {
            // unreadable: keep whatever we had; numbers are shown instead of names
        }
    }

    static Map<Integer, String> parse(String text) {
        Map<Integer, String> out = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && !f[0].isEmpty()) {
                try {
                    out.putIfAbsent(Integer.parseInt(f[2].trim()), f[0]);
                } catch (NumberFormatException e) {
                    // malformed line: skip
                }
            }
        }
        return Map.copyOf(out);
    }
}
