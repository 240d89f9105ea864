package io.herakles.procmem.ui.app;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.config.LoggingSetup;
import java.nio.file.Path;

/** Starts the desktop app with the real services; returns when the window is closed. */
public final class DesktopMain {

    private DesktopMain() {}

    /** Opens the window (on {@code snapshotOrNull} when given) and blocks until it closes; returns 0. */
    public static int run(ExporterConfig config, Path snapshotOrNull) {
        LoggingSetup.apply(config);
        try (LiveDesktopServices services = new LiveDesktopServices(config)) {
            DesktopApp.launch(services, snapshotOrNull);
        }
        return 0;
    }
}
