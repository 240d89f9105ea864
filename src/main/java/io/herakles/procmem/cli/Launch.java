package io.herakles.procmem.cli;

import io.herakles.procmem.config.ExporterConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the command line decided: exit with a code (headless work is already done), or open the
 * desktop app with a configuration and maybe a snapshot file. Immutable.
 */
public record Launch(int exitCode, ExporterConfig desktopConfig, Path snapshotFile) {

    public static Launch exit(int code) {
        return new Launch(code, null, null);
    }

    public static Launch desktop(ExporterConfig config, Path snapshotFile) {
        return new Launch(0, Objects.requireNonNull(config), snapshotFile);
    }

    /** True when the caller should open the desktop app. */
    public boolean opensDesktop() {
        return desktopConfig != null;
    }
}
