package io.herakles.procmem.ui.app;

import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.prefs.PrefsLocation;
import io.herakles.procmem.ui.prefs.PrefsStore;
import io.herakles.procmem.ui.theme.DesktopColorScheme;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app's JavaFX entry point. {@code Main} (which must not be an {@code Application},
 * so the headless path never loads JavaFX) calls {@link #launch(DesktopServices, Path)}.
 */
public final class DesktopApp extends Application {

    /** Handed over from {@link #launch} to the instance JavaFX creates; written once before launch. */
    private static volatile DesktopServices launchServices;
    private static volatile Path launchSnapshot;
    private static volatile RemoteTarget launchConnect;
    private static volatile RemoteTarget launchPrometheus;

    private MainWindow window;

    /**
     * Opens the window and blocks until it is closed. With {@code snapshotOrNull} the window starts
     * showing that snapshot file (as File → Open would). May be called once per JVM.
     */
    public static void launch(DesktopServices services, Path snapshotOrNull) {
        launch(services, snapshotOrNull, null);
    }

    /** As {@link #launch(DesktopServices, Path)}; with {@code connectOrNull} the window shows that exporter. */
    public static void launch(DesktopServices services, Path snapshotOrNull, RemoteTarget connectOrNull) {
        launch(services, snapshotOrNull, connectOrNull, null);
    }

    /** As above; with {@code prometheusOrNull} the window also opens the Fleet tab on that Prometheus. */
    public static void launch(DesktopServices services, Path snapshotOrNull, RemoteTarget connectOrNull,
            RemoteTarget prometheusOrNull) {
        launchPrometheus = prometheusOrNull;
        launchServices = Objects.requireNonNull(services, "services");
        launchSnapshot = snapshotOrNull;
        launchConnect = connectOrNull;
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        DesktopServices services = launchServices;
        if (services == null) {
            throw new IllegalStateException("start the desktop app with DesktopApp.launch(services, file)");
        }
        // asked on a daemon thread (gdbus/gsettings may take a moment); waited for briefly, so the
        // window usually opens in the right look instead of switching after a flash
        CompletableFuture<Boolean> dark = CompletableFuture.supplyAsync(DesktopColorScheme::prefersDark, runnable -> {
            Thread t = new Thread(runnable, "desktop-color-scheme");
            t.setDaemon(true);
            t.start();
        });
        window = new MainWindow(services, new FxDialogs(), FxExecutor.fx(), PrefsStore.at(PrefsLocation.forCurrentUser()));
        try {
            window.setSystemPrefersDark(dark.get(700, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            dark.thenAccept(d -> Platform.runLater(() -> window.setSystemPrefersDark(d)));
        } catch (ExecutionException e) {
            // the detection never throws; light it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        window.show(stage);
        if (launchConnect != null) {
            window.connect(launchConnect);
        }
        if (launchSnapshot != null) {
            window.openSnapshot(launchSnapshot);
        }
        if (launchPrometheus != null) {
            window.openFleet(launchPrometheus);
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
