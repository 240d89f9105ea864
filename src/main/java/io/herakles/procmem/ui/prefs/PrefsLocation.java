package io.herakles.procmem.ui.prefs;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the preferences file lives: {@code $XDG_CONFIG_HOME/herakles/desktop.json}, with
 * {@code ~/.config} when {@code XDG_CONFIG_HOME} is unset, empty or relative (the XDG base
 * directory specification says to ignore a relative one). The system property
 * {@value #CONFIG_HOME_PROPERTY} replaces {@code XDG_CONFIG_HOME}, so tests and scripts never touch
 * the user's own file. Pure.
 */
public final class PrefsLocation {

    /** A directory used instead of {@code XDG_CONFIG_HOME}. */
    public static final String CONFIG_HOME_PROPERTY = "herakles.config.home";
    static final String FILE_NAME = "desktop.json";

    private PrefsLocation() {}

    /** The file for this process: from the system property, the environment and {@code user.home}. */
    public static Path forCurrentUser() {
        return resolve(System.getProperty(CONFIG_HOME_PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    /** The file for the given override (may be null), environment and home directory. */
    static Path resolve(String override, Map<String, String> env, String home) {
        Path configHome = absolute(override);
        if (configHome == null) {
            configHome = absolute(env.get("XDG_CONFIG_HOME"));
        }
        if (configHome == null) {
            configHome = Path.of(home, ".config");
        }
        return configHome.resolve("herakles").resolve(FILE_NAME);
    }

    private static Path absolute(String dir) {
        if (dir == null || dir.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(dir);
            return p.isAbsolute() ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
