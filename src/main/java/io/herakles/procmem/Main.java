package io.herakles.procmem;

import io.herakles.procmem.cli.HeraklesCli;
import io.herakles.procmem.cli.Launch;
import io.herakles.procmem.launch.Relauncher;
import java.util.OptionalInt;

/**
 * Thin launcher (deliberately not an {@code Application} subclass). First the JVM: a plain
 * {@code java -jar} start re-executes itself once with footprint-minded flags and only waits for
 * that child ({@link Relauncher}). Then the command line decides; only when it asks for the desktop
 * app is any JavaFX class loaded, so {@code --exporter}, the subcommands and the server package run
 * without JavaFX or a display.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        OptionalInt childExit = Relauncher.runInTunedJvm(args);
        if (childExit.isPresent()) {
            System.exit(childExit.getAsInt());
        }
        Launch launch = HeraklesCli.launch(args);
        if (!launch.opensDesktop()) {
            System.exit(HeraklesCli.runHeadless(launch, System.err));
        }
        System.exit(DesktopLauncher.open(launch));
    }
}
