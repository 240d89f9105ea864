package io.herakles.procmem.ui.app;

import io.herakles.procmem.fleet.Fleet;
import io.herakles.procmem.fleet.FleetException;
import io.herakles.procmem.fleet.FleetQueries;
import io.herakles.procmem.fleet.FleetReader;
import io.herakles.procmem.fleet.PrometheusClient;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.fleet.FleetView;
import io.herakles.procmem.ui.fleet.FleetViewModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.scene.control.Tab;

/**
 * The Fleet tab (File → Open fleet…, {@code --prometheus URL}): reads the fleet from Prometheus on
 * one daemon thread ({@value #THREAD}; the queries may take seconds) and hands the result to the
 * view-model in one FX hop; a failure is a status line, the last fleet stays. FX thread, except the
 * loading.
 */
final class FleetTab extends Tab {

    static final String THREAD = "fleet-loader";

    private final FleetViewModel model = new FleetViewModel();
    private final FxExecutor fx;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD);
        t.setDaemon(true);
        return t;
    });
    private RemoteTarget target;

    FleetTab(FxExecutor fx, Consumer<String> openHost) {
        super("Fleet");
        this.fx = fx;
        setId("fleetTab");
        FleetView view = new FleetView(model, this::refresh);
        view.setOnOpenHost(openHost);
        setContent(view);
        setOnClosed(e -> loader.shutdownNow());
    }

    /** Shows the fleet of the Prometheus at {@code prometheus}. */
    void open(RemoteTarget prometheus) {
        this.target = prometheus;
        refresh();
    }

    void refresh() {
        RemoteTarget t = target;
        if (t == null) {
            return;
        }
        model.loading("reading " + t.display() + "…");
        loader.execute(() -> {
            try {
                Fleet fleet = new FleetReader(new PrometheusClient(t), FleetQueries.ALL).read();
                String line = fleet.hosts().size() + " hosts from " + t.display() + " at " + Formats.time(fleet.at());
                fx.execute(() -> {
                    if (t == target) {
                        model.show(fleet, line);
                    }
                });
            } catch (FleetException e) {
                fx.execute(() -> model.failed(e.getMessage()));
            } catch (RuntimeException e) {
                fx.execute(() -> model.failed("cannot read the fleet: " + e));
            }
        });
    }

    FleetViewModel model() {
        return model;
    }

    void close() {
        loader.shutdownNow();
    }
}
