package io.herakles.procmem.ui.app;

import io.herakles.procmem.launch.TunedFlags;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * What the FX benchmarks ({@link ApplyBenchmark}, {@link FleetBenchmark}) share: running in the
 * JVM a user's {@code java -jar} start gets, the toolkit started headless, work run on the FX
 * thread, and one line per measured series.
 */
final class FxBench {

    /** Set in the re-launched benchmark JVM, so it does not re-launch again. */
    static final String RELAUNCHED = "bench.relaunched";

    private FxBench() {}

    /** Work for the FX thread that may throw. */
    interface FxCall<T> {
        T call() throws Exception;
    }

    /**
     * Runs {@code main} again in a JVM with the desktop's flags ({@link TunedFlags#DESKTOP}, what
     * {@code java -jar} re-executes itself with) and returns its exit code; empty when this JVM is
     * that one already, or {@code -Dbench.flags=as-started} asks to measure the JVM as started.
     * The same classpath and {@code -D} properties are passed on.
     */
    static java.util.OptionalInt inDesktopJvm(Class<?> main) throws Exception {
        if (Boolean.getBoolean(RELAUNCHED) || "as-started".equals(System.getProperty("bench.flags"))) {
            return java.util.OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TunedFlags.DESKTOP);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-D")) {
                command.add(arg);
            }
        }
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        System.out.println("JVM flags (the desktop's, as java -jar starts it): " + String.join(" ", TunedFlags.DESKTOP));
        return java.util.OptionalInt.of(new ProcessBuilder(command).inheritIO().start().waitFor());
    }

    /** Starts the toolkit, headless Monocle unless {@code -Dbench.display=true}; {@code headless.geometry} as given. */
    static void startFx(String headlessGeometry) throws Exception {
        if (!Boolean.getBoolean("bench.display")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            if (headlessGeometry != null) {
                System.setProperty("headless.geometry", headlessGeometry);
            }
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
    }

    /** Runs {@code call} on the FX thread and waits (at most 120 s) for its result. */
    static <T> T onFx(FxCall<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    /** One line: median, p90 and max of {@code nanos}, in milliseconds. */
    static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-62s median %6.2f ms   p90 %6.2f ms   max %6.2f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
