package io.herakles.procmem;

/**
 * Thin launcher (not an {@code Application} subclass): opens the desktop app when a display exists
 * and no headless mode was asked for; otherwise runs the command line without loading JavaFX.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // wired once the cli and ui.app packages exist
    }
}
