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
import io.herakles.procmem.ui.fleet.RefreshBackoff;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.control.Tab;

/**
 * The Fleet tab (File → Open fleet…, {@code --prometheus URL}): reads the fleet from Prometheus on
 * one daemon thread ({@value #THREAD}; the queries may take seconds) and hands the result to the
 * view-model in one FX hop; a failure is a status line, the last fleet stays. Reads again by
 * itself at the chosen interval, backing off after failures ({@link RefreshBackoff}). FX thread,
 * except the loading.
 */
final class FleetTab extends Tab {

    static final String THREAD = "fleet-loader";

    private final FleetViewModel model = new FleetViewModel();
    private final FxExecutor fx;
    private final ScheduledExecutorService loader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, THREAD);
        t.setDaemon(true);
        return t;
    });
    private final RefreshBackoff backoff = new RefreshBackoff();
    /** The client of the last target read, reused while the target stays (its HTTP client keeps connections). Loader thread only. */
    private PrometheusClient client;
    private RemoteTarget target;
    /** The next automatic read, null when none is planned. FX thread. */
    private ScheduledFuture<?> next;
    /** Counts reads, so a result that a newer Refresh overtook plans nothing. FX thread. */
    private long reads;
    /** The last read whose result (fleet or failure) was taken; a read is on its way while it is not {@link #reads}. FX thread. */
    private long answered;

    FleetTab(FxExecutor fx, Consumer<Fleet.Host> openHost) {
        super("Fleet");
        this.fx = fx;
        setId("fleetTab");
        FleetView view = new FleetView(model, this::refresh, fx);
        view.setOnHostSelected(host -> loadTrend(view, host));
        view.setOnOpenHost(openHost);
        setContent(view);
        setOnClosed(e -> loader.shutdownNow());
        // another metric for the treemap: read it (only the shown kinds are read)
        model.kindProperty().addListener((obs, old, now) -> {
            if (target != null) {
                refresh();
            }
        });
        // a new interval applies from now, not after the wait planned with the old one
        model.autoRefreshProperty().addListener((obs, old, now) -> {
            if (target != null && answered == reads) { // a read on its way plans when it ends
                plan(false);
            }
        });
    }


    /** Shows the fleet of the Prometheus at {@code prometheus}. */
    void open(RemoteTarget prometheus) {
        this.target = prometheus;
        refresh();
    }

    /** Reads the fleet now (Refresh, a new target, or the planned time); then plans the next read. FX thread. */
    void refresh() {
        RemoteTarget t = target;
        if (t == null || loader.isShutdown()) {
            return;
        }
        cancelPlanned();
        long read = ++reads;
        // the table's USS and the treemap's metric: the other kinds are not shown, so not read
        java.util.Set<Fleet.Kind> kinds = java.util.EnumSet.of(Fleet.Kind.USS, model.kindProperty().get());
        model.loading("reading " + t.display() + "\u2026");
        loader.execute(() -> {
            try {
                Fleet fleet = new FleetReader(client(t), FleetQueries.ALL, kinds).read();
                String line = fleet.hosts().size() + " hosts from " + t.display() + " at " + Formats.time(fleet.at());
                fx.execute(() -> {
                    if (t == target && read == reads) {
                        answered = read;
                        model.show(fleet, line);
                        plan(false);
                    }
                });
            } catch (FleetException e) {
                fx.execute(() -> failed(t, read, e.getMessage()));
            } catch (RuntimeException e) {
                fx.execute(() -> failed(t, read, "cannot read the fleet: " + e));
            } catch (OutOfMemoryError e) {
                // what was read is garbage now; say so instead of "reading…" for ever
                fx.execute(() -> failed(t, read, "the fleet is too large for this app's memory ("
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB heap): read it with"
                        + " 'herakles-proc-mem fleet --selector …', or start the app with a larger -Xmx"));
            }
        });
    }

    /** The client for {@code t}: the same one as long as the target does not change. Loader thread only. */
    private PrometheusClient client(RemoteTarget t) throws FleetException {
        if (client == null || client.target() != t) {
            client = new PrometheusClient(t);
        }
        return client;
    }

    /** The range the host trend covers, and its step: 288 points a day. */
    static final Duration TREND_RANGE = Duration.ofHours(24);
    static final Duration TREND_STEP = Duration.ofMinutes(5);

    /** Loads {@code host}'s memory in use over {@link #TREND_RANGE} (a range query) on the loader thread. */
    private void loadTrend(FleetView view, Fleet.Host host) {
        RemoteTarget t = target;
        if (t == null || loader.isShutdown()) {
            return;
        }
        view.showTrend(host, null, "reading\u2026");
        loader.execute(() -> {
            java.util.List<Fleet.Point> points = null;
            String message = "";
            try {
                java.time.Instant end = java.time.Instant.now();
                points = client(t).range(FleetQueries.hostMemoryUsed(host.job(), host.instance()),
                        end.minus(TREND_RANGE), end, TREND_STEP);
            } catch (FleetException e) {
                message = e.getMessage();
            } catch (RuntimeException e) {
                message = "cannot read the trend: " + e;
            }
            java.util.List<Fleet.Point> shown = points;
            String why = message;
            fx.execute(() -> view.showTrend(host, shown, why));
        });
    }

    private void failed(RemoteTarget t, long read, String message) {
        if (t != target || read != reads) {
            return;
        }
        answered = read;
        Optional<Duration> wait = plan(true);
        model.failed(message + wait.map(w -> " \u00b7 trying again in " + Formats.duration(w)).orElse(""));
    }

    /** Plans the next automatic read after one that worked or {@code failed}; returns the wait, empty when off. */
    private Optional<Duration> plan(boolean failed) {
        cancelPlanned();
        if (loader.isShutdown()) {
            return Optional.empty(); // the tab was closed while the last read was on its way
        }
        Optional<Duration> wait = backoff.after(failed, model.autoRefreshProperty().get());
        wait.ifPresent(w -> next = loader.schedule(() -> fx.execute(this::refresh), w.toMillis(),
                TimeUnit.MILLISECONDS));
        return wait;
    }

    private void cancelPlanned() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    /** The wait planned before the next automatic read, empty when none (tests). */
    Optional<Duration> plannedWait() {
        return next == null ? Optional.empty() : Optional.of(Duration.ofMillis(next.getDelay(TimeUnit.MILLISECONDS)));
    }

    FleetViewModel model() {
        return model;
    }

    void close() {
        loader.shutdownNow();
    }
}
