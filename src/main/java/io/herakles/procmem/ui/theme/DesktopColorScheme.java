package io.herakles.procmem.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Whether the desktop prefers a dark look, asked the way GTK applications ask, first answer wins:
 * {@code GTK_THEME} naming a {@code :dark} variant (the user's explicit override); the freedesktop
 * appearance portal's {@code org.freedesktop.appearance color-scheme} through {@code gdbus}, then
 * through {@code busctl} (1 = prefer dark, 2 = prefer light, 0 = no preference); GNOME's
 * {@code gsettings get org.gnome.desktop.interface color-scheme}. Nothing answering means light.
 * The parsers are pure; {@link #prefersDark()} runs the commands (each at most one second) and must
 * not run on the FX thread.
 */
public final class DesktopColorScheme {

    static final List<String> GDBUS = List.of("gdbus", "call", "--session", "--timeout", "1",
            "--dest", "org.freedesktop.portal.Desktop", "--object-path", "/org/freedesktop/portal/desktop",
            "--method", "org.freedesktop.portal.Settings.Read", "org.freedesktop.appearance", "color-scheme");
    static final List<String> BUSCTL = List.of("busctl", "--user", "call", "org.freedesktop.portal.Desktop",
            "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Settings", "Read", "ss",
            "org.freedesktop.appearance", "color-scheme");
    static final List<String> GSETTINGS = List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");

    private DesktopColorScheme() {}

    /** Asks this desktop (environment and commands). Never throws; light when nothing answers. */
    public static boolean prefersDark() {
        return prefersDark(System.getenv(), DesktopColorScheme::run);
    }

    /** Asks with {@code env} and a command runner (empty = the command failed or is missing). */
    static boolean prefersDark(Map<String, String> env, Function<List<String>, Optional<String>> run) {
        return fromGtkTheme(env.get("GTK_THEME"))
                .or(() -> run.apply(GDBUS).flatMap(DesktopColorScheme::fromPortal))
                .or(() -> run.apply(BUSCTL).flatMap(DesktopColorScheme::fromPortal))
                .or(() -> run.apply(GSETTINGS).flatMap(DesktopColorScheme::fromGsettings))
                .orElse(false);
    }

    /** {@code Adwaita:dark} → dark; any other theme name says nothing about the scheme. */
    static Optional<Boolean> fromGtkTheme(String gtkTheme) {
        if (gtkTheme != null && gtkTheme.toLowerCase(Locale.ROOT).contains(":dark")) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    /**
     * The portal's answer as {@code gdbus} prints it ({@code (<<uint32 1>>,)}) or {@code busctl}
     * ({@code v v u 1} or {@code v u 1}): the last number. 0 (no preference) or anything else says nothing.
     */
    static Optional<Boolean> fromPortal(String output) {
        String digits = output.replaceAll("[^0-9 ]", " ").strip();
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        String[] numbers = digits.split("\\s+");
        return switch (numbers[numbers.length - 1]) {
            case "1" -> Optional.of(true);
            case "2" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** {@code 'prefer-dark'} → dark, {@code 'prefer-light'} or {@code 'default'} → light. */
    static Optional<Boolean> fromGsettings(String output) {
        String value = output.strip().replace("'", "");
        return switch (value) {
            case "prefer-dark" -> Optional.of(true);
            case "prefer-light", "default" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Runs {@code command}, waiting at most a second; its stdout on exit code 0, else empty. */
    static Optional<String> run(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not installed: the next source answers
        }
        try (InputStream out = p.getInputStream()) {
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
