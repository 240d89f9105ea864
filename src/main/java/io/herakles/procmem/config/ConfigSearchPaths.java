package io.herakles.procmem.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where configuration files are looked for when no {@code -c FILE} is given. The roots are
 * injectable so tests point them at temporary directories. Immutable.
 *
 * <p>Order (the first existing file is used, files are never merged):
 * <ol>
 *   <li>{@code <cwd>/herakles-proc-mem-exporter.yaml}, {@code .yml}, {@code .json}, {@code .toml}</li>
 *   <li>{@code <home>/.config/herakles/config.yaml}</li>
 *   <li>{@code <etc>/herakles/config.yaml}</li>
 *   <li>{@code <etc>/herakles/proc-mem-exporter.yaml}, {@code .yml}, {@code .json}, {@code .toml}</li>
 * </ol>
 * The first three are what upstream's README promises (most specific first: working directory,
 * then user, then system). The last group is where upstream's code really looked; those names are
 * kept so an upstream installation keeps working, but they come after the README's system file
 * because they are the system-wide fallback, not a way to override a local file (upstream's code
 * searched {@code /etc} before the working directory, contradicting its README).
 *
 * @param cwd  working directory (relative {@code -c} paths resolve against it too)
 * @param home the user's home directory, or null when unknown (its location is then skipped)
 * @param etc  the system configuration root, normally {@code /etc}
 */
public record ConfigSearchPaths(Path cwd, Path home, Path etc) {

    private static final List<String> EXTENSIONS = List.of("yaml", "yml", "json", "toml");

    /** The real roots: the process's working directory, {@code user.home} and {@code /etc}. */
    public static ConfigSearchPaths system() {
        String home = System.getProperty("user.home");
        return new ConfigSearchPaths(Path.of("").toAbsolutePath(),
                home == null || home.isBlank() ? null : Path.of(home), Path.of("/etc"));
    }

    /** Every candidate, in search order. */
    public List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        for (String ext : EXTENSIONS) {
            out.add(cwd.resolve("herakles-proc-mem-exporter." + ext));
        }
        if (home != null) {
            out.add(home.resolve(".config").resolve("herakles").resolve("config.yaml"));
        }
        out.add(etc.resolve("herakles").resolve("config.yaml"));
        for (String ext : EXTENSIONS) {
            out.add(etc.resolve("herakles").resolve("proc-mem-exporter." + ext));
        }
        return List.copyOf(out);
    }
}
