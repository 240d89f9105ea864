package io.herakles.procmem.ui.app;

import static io.herakles.procmem.fleet.CannedPrometheus.series;

import io.herakles.procmem.fleet.CannedPrometheus;
import io.herakles.procmem.fleet.FleetQueries;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.fleet.FleetView;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Benchmark (not a test): the Fleet tab on a generated fleet of {@code bench.hosts} (1,000) hosts
 * × {@code bench.subgroups} (150) subgroups, served by a canned Prometheus on 127.0.0.1 (every
 * query the fleet runs answered, 150,000 series per subgroup query). For each Refresh it reports
 * the wall time until the treemap shows the new fleet (HTTP, JSON, joining, layout and drawing), and
 * the longest single FX-thread hop, timed with the CSS + layout pass that follows it (where the
 * treemap draws). Targets: shown within 1 s, no hop over 16 ms.
 *
 * <p>It re-launches itself with the desktop's JVM flags ({@code TunedFlags.DESKTOP}, what
 * {@code java -jar} re-executes itself with: the heap a user's app has; {@code -Dbench.flags=as-started}
 * measures the JVM as started instead). The large answers are streamed from files, so the
 * benchmark's own data does not sit in that heap. Headless Monocle by default;
 * {@code -Dbench.display=true} for a real display:
 * <pre>
 * mvn -B -q -o test-compile org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
 *     -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) \
 *     [-Dbench.hosts=1000 -Dbench.subgroups=150 -Dbench.rounds=10] io.herakles.procmem.ui.app.FleetBenchmark
 * </pre>
 */
public final class FleetBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private FleetBenchmark() {}

    public static void main(String[] args) throws Exception {
        java.util.OptionalInt child = FxBench.inDesktopJvm(FleetBenchmark.class);
        if (child.isPresent()) {
            System.exit(child.getAsInt());
        }
        int hosts = Integer.getInteger("bench.hosts", 1000);
        int subgroups = Integer.getInteger("bench.subgroups", 150);
        int rounds = Integer.getInteger("bench.rounds", 10);
        try (CannedPrometheus prom = new CannedPrometheus()) {
            long bytes = fill(prom, hosts, subgroups, 0);
            FxBench.startFx("1440x900-32"); // the window's size: Monocle's default is smaller
            FxBench.onFx(() -> {
                javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                        .getUserAgentStylesheet()); // our stylesheet builds on it, as in the app
                return null;
            });

            TimedHops hops = new TimedHops();
            FleetTab tab = FxBench.onFx(() -> {
                FleetTab t = new FleetTab(FxExecutor.using(hops::hop), host -> { });
                t.model().autoRefreshProperty().set(java.time.Duration.ZERO);
                Stage stage = new Stage();
                Scene scene = new Scene((Parent) t.getContent(), 1440, 900);
                scene.getStylesheets().add(FleetBenchmark.class.getResource(MainWindow.STYLESHEET).toExternalForm());
                stage.setScene(scene);
                stage.show();
                hops.root = scene.getRoot();
                return t;
            });
            RemoteTarget target = RemoteTarget.parse(prom.url());
            System.out.printf(Locale.ROOT, "fleet: %d hosts x %d subgroups; answers %.1f MB for all queries, of which a"
                    + " refresh reads the host figures and the USS subgroups (%.1f MB)%n", hosts, subgroups, bytes / 1e6,
                    (bytes - 2 * bytes(prom, FleetQueries.ALL.subgroups("pss"))) / 1e6);
            long[] shown = new long[rounds];
            long[] longestHop = new long[rounds];
            long[] longestHopCpu = new long[rounds];
            long[] fxCpu = new long[rounds];
            for (int i = -2; i < rounds; i++) { // two rounds to warm up
                if (i > -2) {
                    fill(prom, hosts, subgroups, i + 3); // other values each round: a real re-layout and redraw
                }
                hops.reset();
                long fx0 = FxBench.onFx(CPU::getCurrentThreadCpuTime);
                long t0 = System.nanoTime();
                if (i == -2) {
                    FxBench.onFx(() -> {
                        tab.open(target);
                        return null;
                    });
                } else {
                    FxBench.onFx(() -> {
                        tab.refresh();
                        return null;
                    });
                }
                waitUntilShown(tab, hosts);
                long t1 = System.nanoTime();
                long fx1 = FxBench.onFx(CPU::getCurrentThreadCpuTime);
                if (Boolean.getBoolean("bench.verbose")) {
                    System.out.println("  hops (work / CSS+layout ms): " + FxBench.onFx(() -> hops.each.stream()
                            .map(h -> String.format(Locale.ROOT, "%.1f/%.1f (cpu %.1f)", h[0] / 1e6, h[1] / 1e6,
                                    h[2] / 1e6)).toList()));
                }
                if (i >= 0) {
                    shown[i] = t1 - t0;
                    longestHop[i] = hops.longest.get();
                    longestHopCpu[i] = hops.longestCpu.get();
                    fxCpu[i] = fx1 - fx0;
                }
            }
            FxBench.report("refresh -> treemap shown (wall)", shown);
            FxBench.report("longest FX hop incl. CSS + layout + drawing (FX CPU)", longestHopCpu);
            FxBench.report("the same in wall time (incl. GC pauses, other threads)", longestHop);
            FxBench.report("FX thread CPU per refresh, all hops and pulses", fxCpu);
        }
        Platform.exit();
    }

    private static void waitUntilShown(FleetTab tab, int hosts) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            boolean done = FxBench.onFx(() -> tab.model().statusProperty().get().startsWith(hosts + " hosts")
                    && ((FleetView) tab.getContent()).treemapUpToDate());
            if (done) {
                return;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("the fleet was not shown within 120 s: " + FxBench.onFx(() -> tab.model().statusProperty().get()));
    }

    /** Every query the fleet runs, answered for {@code hosts} × {@code subgroups}; returns the answers' size. */
    private static long fill(CannedPrometheus prom, int hosts, int subgroups, long seed) {
        FleetQueries q = FleetQueries.ALL;
        Random random = new Random(seed);
        List<String> hostSeries = new ArrayList<>();
        List<String> up = new ArrayList<>();
        List<String> total = new ArrayList<>();
        List<String> available = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        List<String> grew = new ArrayList<>();
        List<String> uss = new ArrayList<>(hosts * subgroups);
        for (int h = 0; h < hosts; h++) {
            String instance = "10.0." + h / 250 + "." + h % 250 + ":9215";
            String[] labels = {"job", "herakles", "instance", instance};
            hostSeries.add(series(200 + random.nextInt(800), labels));
            up.add(series(1, "job", "herakles", "instance", instance, "env", h % 3 == 0 ? "prod" : "test"));
            total.add(series(64e9, labels));
            available.add(series(20e9 + random.nextInt(1_000_000_000), labels));
            cpu.add(series(random.nextDouble() * 400, labels));
            grew.add(series(random.nextInt(50_000_000), "job", "herakles", "instance", instance, "group", "g1",
                    "subgroup", "s1"));
            for (int s = 0; s < subgroups; s++) {
                uss.add(series(1e6 + random.nextInt(900_000_000), "job", "herakles", "instance", instance,
                        "group", "g" + s % 15, "subgroup", "s" + s));
            }
        }
        long bytes = 0;
        bytes += put(prom, q.hosts(), hostSeries);
        bytes += put(prom, q.up(), up);
        bytes += put(prom, q.memoryTotal(), total);
        bytes += put(prom, q.memoryAvailable(), available);
        bytes += put(prom, q.cpuCores(), cpu);
        bytes += put(prom, q.grewMost("1h"), grew);
        bytes += put(prom, q.grewMost("24h"), grew);
        for (String kind : List.of("uss", "pss", "rss")) {
            bytes += putFile(prom, q.subgroups(kind), uss);
        }
        return bytes;
    }

    private static long bytes(CannedPrometheus prom, String query) throws java.io.IOException {
        return java.nio.file.Files.size(prom.resultFiles.get(query));
    }

    private static long put(CannedPrometheus prom, String query, List<String> series) {
        String answer = "[" + String.join(",", series) + "]";
        prom.results.put(query, answer);
        return answer.length();
    }

    /** A large answer written to a file and streamed from it, so the app's heap is measured, not ours. */
    private static long putFile(CannedPrometheus prom, String query, List<String> series) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("fleet-answer", ".json");
            file.toFile().deleteOnExit();
            try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file)) {
                w.write('[');
                for (int i = 0; i < series.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(series.get(i));
                }
                w.write(']');
            }
            prom.resultFiles.put(query, file);
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The tab's hops onto the FX thread, each timed (wall and FX-thread CPU) with the CSS + layout
     * pass after it, where the treemap draws; keeps the longest.
     */
    private static final class TimedHops {
        private volatile Parent root;
        final AtomicLong longest = new AtomicLong();
        final AtomicLong longestCpu = new AtomicLong();
        /** Each hop of the round: {work, CSS + layout (+ drawing)} in nanoseconds. FX thread. */
        final List<long[]> each = new ArrayList<>();

        void reset() {
            longest.set(0);
            longestCpu.set(0);
            Platform.runLater(each::clear);
        }

        void hop(Runnable work) {
            Platform.runLater(() -> {
                long c0 = CPU.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                work.run();
                long t1 = System.nanoTime();
                root.applyCss();
                root.layout();
                long t2 = System.nanoTime();
                long c2 = CPU.getCurrentThreadCpuTime();
                each.add(new long[] {t1 - t0, t2 - t1, c2 - c0});
                longest.accumulateAndGet(t2 - t0, Math::max);
                longestCpu.accumulateAndGet(c2 - c0, Math::max);
            });
        }
    }


}
