package io.herakles.procmem.launch;

import java.util.List;
import java.util.Map;

/**
 * The JVM flags the app runs with when it is started plainly ({@code java -jar}), chosen by
 * measurement (docs/PERFORMANCE.md, "Desktop footprint" and "JVM flags"). Every flag exists in JDK
 * 17, 21 and 25; the relauncher adds {@code -XX:+IgnoreUnrecognizedVMOptions} in case a later JDK
 * drops one. The packaged launchers carry the same sets (jpackage/dist.xml), kept equal by a test.
 */
public final class TunedFlags {
    private TunedFlags() {}

    static final String SOFTWARE_RENDERING = "-Dprism.order=sw";

    /**
     * With software rendering GTK still opens OpenGL at start-up to choose its visuals, which loads
     * the same driver; {@code GDK_GL=disable} stops it. Set for the child only, and only when it
     * renders in software and the user has not set the variable.
     */
    static final String GDK_GL = "GDK_GL";

    /**
     * glibc gives every thread that allocates its own malloc arena (up to 8 per core), and each keeps
     * its freed memory; two arenas cost no measurable CPU here and keep several MiB of native memory
     * from staying resident (measured on the desktop: -5 MiB RSS). Set for the re-executed JVM when
     * the user has not set it.
     */
    static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";
    static final String MALLOC_ARENAS = "2";

    /** Returns freed native memory to the system every few seconds (JDK 17.0.9+, 21.0.1+; older ignore it). */
    private static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

    /**
     * C1 compiles a method only after ten times the usual number of calls or loop iterations: hot
     * paths pass that within a few refreshes, while code that runs once (start-up, configuration,
     * the command line, building the window) stays interpreted and out of the code cache.
     */
    private static final List<String> LATE_C1 = List.of("-XX:Tier3InvocationThreshold=2000",
            "-XX:Tier3MinInvocationThreshold=1000", "-XX:Tier3CompileThreshold=20000", "-XX:Tier3BackEdgeThreshold=600000");

    /** The flags among {@code parts} (each a flag or a list of them), in order. */
    private static List<String> flags(Object... parts) {
        List<String> flags = new java.util.ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                list.forEach(flag -> flags.add((String) flag));
            } else {
                flags.add((String) part);
            }
        }
        return List.copyOf(flags);
    }

    /**
     * Headless exporter: the heap starts small and is given back after a collection (free ratios),
     * 64 MiB is headroom far above the ~13 MiB live data at 3000 processes, and C1 alone compiles
     * the collection loop well enough at a fraction of C2's memory. A young generation of at most
     * 4 MiB: what a collection or a scrape allocates dies young, and a larger nursery only keeps
     * that garbage resident (measured at 1000 / 3000 processes: -2.1 / -4.2 MiB RSS for about 0.1 %
     * of a core more in collections). Late C1 compilation ({@link #LATE_C1}): the exporter's hot
     * paths run once per process per collection or once per data point per scrape; it halves the
     * compiled code (4.4 to 2.7 MiB at 1000 processes). No performance counters, as for the desktop
     * ({@code jcmd PID} still attaches). Together -2.8 MiB RSS at 1000 processes. At most 20 % of
     * the heap free after a collection, at least 5 %: under a 16-client flood of scrapes the old
     * generation otherwise kept 30 % of promoted in-flight garbage's room (-0.6 to -1.0 MiB RSS over
     * 2 and 5 minutes of it, side by side; a full collection of the exporter's ~8 MB takes a few ms).
     */
    public static final List<String> EXPORTER = flags(
            "-XX:+UseSerialGC", "-Xms8m", "-Xmx64m", "-XX:MaxNewSize=4m", "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=20",
            "-Xss512k", "-XX:TieredStopAtLevel=1", LATE_C1,
            TRIM_NATIVE_HEAP, "-XX:-UsePerfData");

    /**
     * Desktop app: the same small, shrinking heap with a ceiling for 5,000 table rows and their
     * history, and C1 alone: measured on the desktop, C2's compilations of JavaFX code cost more
     * CPU than they saved and their memory stayed resident (half the CPU and 35 MiB less RSS with
     * C1 only in the first minutes). Thread stacks keep the default: untouched stack pages are not
     * resident, and JavaFX recurses deeply. Prism's software pipeline: the OpenGL one pulls in the
     * GL driver (Mesa's llvmpipe maps 44 MiB of LLVM resident without a GPU) for a window of tables
     * and flat rectangles that software draws as fast; {@code -Dprism.order=es2} brings it back.
     * A young generation of at most 4 MiB: the live data is ~38 MiB and what a refresh allocates
     * dies young, so a larger nursery only holds garbage resident (-10 MiB against the JVM's
     * default, -3 MiB against 8 MiB). No region cache: Prism keeps an
     * 8 MiB (2048×1024) texture in the Java heap to cache control backgrounds that software redraws
     * at no visible cost. A pulse timer of 30 Hz instead of 60: JavaFX wakes its thread on every
     * timer tick even when nothing changed, which was most of what a paused or minimized window
     * cost (0.50 / 0.47 % of a core at 60 Hz, 0.20 / 0.30 % at 30 Hz with no performance counters),
     * and a window of tables and a treemap needs no more than 30 frames a second. No performance
     * counters ({@code -XX:-UsePerfData}): their sampler thread woke every 50 ms for jps/jstat,
     * which a desktop app does not need ({@code jcmd PID} still attaches). Late C1 compilation, as
     * for the exporter: the window's construction, run once, is much of what C1 compiled (-4 to
     * -6 MiB at 1000 processes; docs/PERFORMANCE.md, "The desktop at 160 MiB"). A 20 % free-heap
     * ceiling was measured and left out (under 3 MiB, for more frequent full collections).
     */
    public static final List<String> DESKTOP = flags(
            "-XX:+UseSerialGC", "-Xms8m", "-Xmx256m", "-XX:MaxNewSize=4m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-XX:TieredStopAtLevel=1", LATE_C1, TRIM_NATIVE_HEAP, "-XX:-UsePerfData", SOFTWARE_RENDERING,
            "-Dprism.disableRegionCaching=true", "-Djavafx.animation.pulse=30");

    /**
     * One-shot subcommands ({@link #ONE_SHOT_COMMANDS}), which read, print and exit: C1 from the
     * first call and no heap ceiling of ours. Their footprint does not matter, their run time does:
     * the exporter's late compilation and 64 MiB heap made a {@code diff} of two 5,000-process
     * snapshots take 1.6 s wall (1.7–2.0 s of CPU), against 1.1 s (1.5 s of CPU) with this set,
     * both re-executed; the JVM's default (C2 with G1, not re-executed) took 1.5 s wall and 2.6 s of
     * CPU, its compiler threads busy on code that runs once.
     */
    public static final List<String> ONE_SHOT = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    /**
     * The heap in transparent huge pages, for one-shot runs where the kernel gives them on request
     * ({@code madvise}) or always. Such a run allocates into a fresh heap, and every 4 KiB page it
     * first touched was a page fault and a zeroing in the kernel: about a third of reading a
     * 5,000-process snapshot file in a CPU profile. With 2 MiB pages a {@code diff} of two such files
     * took a median 488 ms in the re-executed JVM against 577 ms (11 alternating runs), for 108 instead
     * of 97 MB of peak RSS, which a run of half a second does not keep. Left out where the kernel has
     * them off ({@code never}: the JVM would warn on every run) or does not say.
     */
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final java.nio.file.Path HUGE_PAGES_MODE = java.nio.file.Path.of(
            "/sys/kernel/mm/transparent_hugepage/enabled");

    /** {@link #ONE_SHOT}, with {@link #HUGE_PAGES} where this kernel gives them. */
    static List<String> oneShot() {
        String mode;
        try {
            mode = java.nio.file.Files.readString(HUGE_PAGES_MODE);
        } catch (java.io.IOException | RuntimeException e) {
            mode = "";
        }
        return oneShot(mode);
    }

    /** {@link #ONE_SHOT} for the kernel's {@code transparent_hugepage/enabled} text {@code mode}. */
    static List<String> oneShot(String mode) {
        if (mode.contains("[madvise]") || mode.contains("[always]")) {
            List<String> flags = new java.util.ArrayList<>(ONE_SHOT);
            flags.add(HUGE_PAGES);
            return List.copyOf(flags);
        }
        return ONE_SHOT;
    }

    /** Subcommands that read, print and exit; {@code record} and {@code bench} run long and are not among them. */
    static final java.util.Set<String> ONE_SHOT_COMMANDS = java.util.Set.of("diff", "leaks", "check", "config",
            "completion", "man", "subgroups", "generate-testdata", "test", "maps", "fleet");

    /**
     * The set for a start with {@code args}: {@link #oneShot()} for a one-shot subcommand; the
     * exporter's when it asks for the exporter or when no display is set (the app then starts the
     * exporter); the desktop's otherwise. Other short starts ({@code --version}) get one of these
     * too; they end before it matters.
     */
    public static List<String> forStart(List<String> args, Map<String, String> env) {
        if (isOneShot(args)) {
            return oneShot();
        }
        boolean display = notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
        return args.contains("--exporter") || !display ? EXPORTER : DESKTOP;
    }

    /** Whether {@code args} run a one-shot subcommand ({@link #ONE_SHOT_COMMANDS}). */
    static boolean isOneShot(List<String> args) {
        return !args.contains("--exporter") && subcommand(args).filter(ONE_SHOT_COMMANDS::contains).isPresent();
    }

    /** Global flags that take no value, so that the word after one is the subcommand. */
    private static final java.util.Set<String> SWITCHES = java.util.Set.of("--no-config", "--show-config",
            "--show-user-config", "--check-config", "--debug", "--disable-health", "--disable-telemetry",
            "--disable-default-collectors", "--enable-tls");

    /**
     * The subcommand of {@code args}: the first word that is not a flag or a flag's value, so that
     * {@code --no-config diff a b} or {@code -c my.yaml diff a b} is a diff (global flags go before
     * or after the subcommand). A heuristic for choosing JVM flags only: picocli parses for real.
     */
    static java.util.Optional<String> subcommand(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals("--")) {
                break;
            }
            if (word.startsWith("-")) {
                continue;
            }
            String before = i == 0 ? "" : args.get(i - 1);
            boolean valueOfFlag = before.startsWith("-") && !before.contains("=") && !SWITCHES.contains(before);
            if (!valueOfFlag) {
                return java.util.Optional.of(word);
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
