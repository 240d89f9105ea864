package io.herakles.procmem;

import io.herakles.procmem.cli.HeraklesCli;
import io.herakles.procmem.cli.Launch;

/**
 * Thin launcher (deliberately not an {@code Application} subclass): the command line decides; only
 * when it asks for the desktop app is any JavaFX class loaded, so {@code --exporter}, the
 * subcommands and the server package run without JavaFX or a display.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Launch launch = HeraklesCli.launch(args);
        if (!launch.opensDesktop()) {
            System.exit(launch.exitCode());
        }
        System.exit(DesktopLauncher.open(launch));
    }
}
