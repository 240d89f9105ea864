package io.herakles.procmem.ui.app;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.config.LoggingSetup;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.runtime.StartupException;
import java.nio.file.Path;

/** Starts the desktop app with the real services; returns when the window is closed. */
public final class DesktopMain {

    private DesktopMain() {}

    /**
     * Opens the window (on {@code snapshotOrNull} when given) and blocks until it closes; returns 0,
     * or 1 after one line when the engine cannot start (a {@code procfs} that is no proc filesystem).
     */
    public static int run(ExporterConfig config, Path snapshotOrNull) {
        return run(config, snapshotOrNull, null);
    }

    /** As {@link #run(ExporterConfig, Path)}; with {@code connectOrNull} the window shows that exporter ({@code --connect}). */
    public static int run(ExporterConfig config, Path snapshotOrNull, RemoteTarget connectOrNull) {
        return run(config, snapshotOrNull, connectOrNull, null);
    }

    /** As above; with {@code prometheusOrNull} the window opens the Fleet tab ({@code --prometheus}). */
    public static int run(ExporterConfig config, Path snapshotOrNull, RemoteTarget connectOrNull,
            RemoteTarget prometheusOrNull) {
        LoggingSetup.apply(config);
        LiveDesktopServices services;
        try {
            services = new LiveDesktopServices(config);
        } catch (StartupException e) {
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
        try (services) {
            DesktopApp.launch(services, snapshotOrNull, connectOrNull, prometheusOrNull);
        }
        return 0;
    }
}
