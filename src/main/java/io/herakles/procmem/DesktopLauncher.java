package io.herakles.procmem;

import io.herakles.procmem.cli.Launch;

/**
 * Opens the desktop app, after checking that this build has JavaFX (the server package has not).
 * Kept apart from {@link Main} so the headless path never links a UI class.
 */
final class DesktopLauncher {
    private DesktopLauncher() {}

    static int open(Launch launch) {
        if (!javaFxPresent()) {
            System.err.println("Error: this build has no desktop app (server package); run with --exporter,"
                    + " or install the desktop package");
            return 1;
        }
        return io.herakles.procmem.ui.app.DesktopMain.run(launch.desktopConfig(), launch.snapshotFile(),
                launch.connect(), launch.prometheus());
    }

    private static boolean javaFxPresent() {
        // looked up by name without initialising it: nothing of JavaFX runs here
        return DesktopLauncher.class.getClassLoader().getResource("javafx/application/Application.class") != null;
    }
}
