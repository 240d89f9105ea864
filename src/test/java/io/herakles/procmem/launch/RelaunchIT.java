package io.herakles.procmem.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.testsupport.HttpProbe;
import io.herakles.procmem.testsupport.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code java -jar} start of the packaged jar re-executes itself once with the tuned flags:
 * in place (execve, same pid, nothing left behind), or — where that is impossible — as a child of a
 * waiting launcher. Either way it behaves as one program: arguments, stdin, stdout, exit code and
 * signals pass through, a child never outlives its launcher, and the user's own JVM settings win.
 */
class RelaunchIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration CHILD_GONE = Duration.ofSeconds(30);
    /** JNA then finds no native stub (as on a system it has none for): the launcher route. */
    private static final String NO_JNA_STUB = "-Djna.noclasspath=true";

    @TempDir
    Path dir;

    @Test
    void plainExporterStartReplacesItselfWithTheTunedJvmAndSigtermEndsIt() throws Exception {
        try (PlainJar jar = new PlainJar(dir)) {
            int port = startExporter(jar);
            List<String> args = jar.process().info().arguments().map(List::of).orElseThrow();
            assertThat(args).as("the started process's own command line, now the tuned JVM's")
                    .containsAll(TunedFlags.EXPORTER)
                    .contains("-D" + RelaunchPlan.MARKER + "=true", RelaunchPlan.IGNORE_UNRECOGNIZED)
                    .doesNotContain("-D" + RelaunchPlan.LAUNCHER_PID + "=" + jar.process().pid())
                    .containsSubsequence("-jar", "--exporter", "--no-config", "--bind", "127.0.0.1", "-p",
                            Integer.toString(port));
            assertThat(jar.process().children().count()).as("no second JVM: the process replaced itself").isZero();

            jar.process().destroy();        // SIGTERM
            assertThat(jar.process().waitFor(60, TimeUnit.SECONDS)).as(jar.describe()).isTrue();
            assertThat(jar.process().exitValue()).as("the exporter's own graceful exit code\n" + jar.describe())
                    .isZero();
            assertThat(jar.stderr()).contains("stopped gracefully").doesNotContain("herakles: could not");
        }
    }

    @Test
    void sigintEndsTheReplacedJvm() throws Exception {
        try (PlainJar jar = new PlainJar(dir)) {
            startExporter(jar);
            // a JVM whose parent ignored SIGINT (a background job of a shell without job control) keeps ignoring it
            Assumptions.assumeFalse(ignoresSigint(jar.process().pid()), "SIGINT is ignored in this environment");
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(jar.process().pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(jar.process().waitFor(60, TimeUnit.SECONDS)).as(jar.describe()).isTrue();
        }
    }

    @Test
    void withoutJnaALauncherWaitsAndASigkilledLauncherTakesTheChildWithIt() throws Exception {
        try (PlainJar jar = new PlainJar(dir).jvmFlag(NO_JNA_STUB).jvmFlag("-Djna.nosys=true")) {
            startExporter(jar);
            ProcessHandle child = onlyChild(jar.process());
            assertThat(child.info().arguments().map(List::of).orElseThrow()).as("child command line")
                    .containsAll(TunedFlags.EXPORTER)
                    .contains("-D" + RelaunchPlan.LAUNCHER_PID + "=" + jar.process().pid());
            assertThat(jar.stderr().lines().filter(l -> l.startsWith("herakles:")).toList()).as(jar.describe())
                    .singleElement().asString().contains("could not re-execute in place", "keeping this JVM as a launcher");
            jar.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            awaitGone(child);
            assertThat(jar.stderr()).contains("the launching process " + jar.process().pid() + " ended");
        }
    }

    @Test
    void withoutJnaSigtermToTheLauncherEndsBothWithTheChildsCode() throws Exception {
        try (PlainJar jar = new PlainJar(dir).jvmFlag(NO_JNA_STUB).jvmFlag("-Djna.nosys=true")) {
            startExporter(jar);
            ProcessHandle child = onlyChild(jar.process());
            jar.process().destroy();
            assertThat(jar.process().waitFor(60, TimeUnit.SECONDS)).as(jar.describe()).isTrue();
            assertThat(jar.process().exitValue()).as(jar.describe()).isZero();
            awaitGone(child);
            assertThat(jar.stderr()).contains("stopped gracefully");
        }
    }

    @Test
    void exitCodeArgumentsAndStdoutPassThrough() throws Exception {
        PlainJar jar = new PlainJar(dir).env(RelaunchPlan.EXTRA_FLAGS, PlainJar.PRINT_FLAGS);
        int code = jar.run("--bogus-flag");
        assertThat(code).as(jar.describe()).isEqualTo(2);
        assertThat(jar.stderr()).contains("--bogus-flag");
        assertThat(printedFlags(jar)).as("ran in the tuned child\n" + jar.describe())
                .contains("-XX:+UseSerialGC", "-XX:MaxHeapSize=67108864", "-XX:MaxHeapFreeRatio=20");
    }

    @Test
    void stdinReachesTheChild() throws Exception {
        PlainJar jar = new PlainJar(dir).env(RelaunchPlan.EXTRA_FLAGS, PlainJar.PRINT_FLAGS).stdin("port: 9333\n");
        int code = jar.run("-c", "/dev/stdin", "--show-user-config");
        assertThat(code).as(jar.describe()).isZero();
        assertThat(printedFlags(jar)).as(jar.describe()).contains("-XX:+UseSerialGC");
        assertThat(jar.stdout()).contains("port: 9333");
    }

    @Test
    void theUsersFlagsWinAndOursFillTheRest() throws Exception {
        PlainJar jar = new PlainJar(dir).env(RelaunchPlan.EXTRA_FLAGS, PlainJar.PRINT_FLAGS)
                .jvmFlag("-Xmx100m").jvmFlag("-XX:+UseParallelGC");
        assertThat(jar.run("--version")).as(jar.describe()).isZero();
        String flags = printedFlags(jar);
        assertThat(flags).as(jar.describe()).contains("-XX:MaxHeapSize=104857600", "-XX:+UseParallelGC",
                "-XX:MinHeapFreeRatio=", "-XX:TieredStopAtLevel=1").doesNotContain("UseSerialGC");
        assertThat(jar.stdout()).contains("herakles-proc-mem ");
    }

    @Test
    void javaToolOptionsAreRespected() throws Exception {
        PlainJar jar = new PlainJar(dir).env(RelaunchPlan.EXTRA_FLAGS, PlainJar.PRINT_FLAGS)
                .env("JAVA_TOOL_OPTIONS", "-Xmx100m");
        assertThat(jar.run("--version")).as(jar.describe()).isZero();
        assertThat(printedFlags(jar)).as(jar.describe()).contains("-XX:MaxHeapSize=104857600", "-XX:+UseSerialGC")
                .doesNotContain("-XX:MaxHeapSize=67108864");
    }

    @Test
    void theOffSwitchAndTheMarkerKeepTheAppInTheStartedJvm() throws Exception {
        PlainJar off = new PlainJar(dir).env(RelaunchPlan.EXTRA_FLAGS, PlainJar.PRINT_FLAGS)
                .env(RelaunchPlan.OFF_SWITCH, "1");
        assertThat(off.run("--version")).as(off.describe()).isZero();
        assertThat(off.stdout()).as("no child printed its flags").doesNotContain("-XX:").contains("herakles-proc-mem ");

        PlainJar marked = new PlainJar(dir).env(RelaunchPlan.EXTRA_FLAGS, PlainJar.PRINT_FLAGS)
                .jvmFlag("-D" + RelaunchPlan.MARKER + "=true");
        assertThat(marked.run("--version")).as(marked.describe()).isZero();
        assertThat(marked.stdout()).doesNotContain("-XX:").contains("herakles-proc-mem ");
    }

    @Test
    void aFlagTheJvmRefusesFallsBackToAPlainStartWithOneLine() throws Exception {
        PlainJar jar = new PlainJar(dir).env(RelaunchPlan.EXTRA_FLAGS, "-XX:MaxHeapFreeRatio=200");
        assertThat(jar.run("--version")).as(jar.describe()).isZero();
        assertThat(jar.stdout().strip()).startsWith("herakles-proc-mem ");
        assertThat(jar.stderr().lines().filter(l -> l.startsWith("herakles:")).toList()).as(jar.describe())
                .singleElement().asString().contains("-XX:MaxHeapFreeRatio=200", "did not start", RelaunchPlan.OFF_SWITCH);
    }

    @Test
    void aOneShotCommandHasItsClassArchiveWrittenAfterItsFirstRunAndLaterRunsMapIt() throws Exception {
        Path before = fixture("snapshots/desktop-33.json");
        Path after = fixture("snapshots/upstream-example.json");
        String[] diff = {"--no-config", "diff", before.toString(), after.toString()};
        Path cache = dir.resolve("home/.cache/herakles/cds");

        PlainJar failing = new PlainJar(dir).env(RelaunchPlan.EXTRA_FLAGS, PlainJar.PRINT_FLAGS);
        assertThat(failing.run("--no-config", "diff", dir.resolve("missing.json").toString(), after.toString()))
                .as(failing.describe()).isNotZero();
        awaitNoTraining(cache);
        assertThat(listing(cache)).as("a failed run leaves no archive, not even a pending one").isEmpty();

        // the jar named relatively, as the README does: the archive must be checked with that spelling
        PlainJar first = new PlainJar(dir).relativeJar().env(RelaunchPlan.EXTRA_FLAGS, PlainJar.PRINT_FLAGS);
        assertThat(first.run(diff)).as(first.describe()).isZero();
        assertThat(printedFlags(first)).as("the first run itself writes nothing")
                .doesNotContain("ArchiveClassesAtExit", "SharedArchiveFile");
        assertThat(first.stderr()).as(first.describe()).isEmpty();
        awaitNoTraining(cache);
        List<String> archives = listing(cache);
        assertThat(archives).as("written by the background copy").singleElement().asString()
                .startsWith("diff-").endsWith(".jsa");

        PlainJar second = new PlainJar(dir).relativeJar().env(RelaunchPlan.EXTRA_FLAGS, PlainJar.PRINT_FLAGS);
        assertThat(second.run(diff)).as(second.describe()).isZero();
        assertThat(printedFlags(second)).contains("-XX:SharedArchiveFile=" + cache.resolve(archives.get(0)))
                .doesNotContain("ArchiveClassesAtExit");
        assertThat(second.stdout()).as("the JDK's notes on classes it skips stay out of the output")
                .doesNotContain("[warning]", "[cds]");
        assertThat(withoutFlags(second.stdout())).as("the same diff").isEqualTo(withoutFlags(first.stdout()))
                .contains("Δ USS by process");
        assertThat(listing(cache)).containsExactlyElementsOf(archives);
    }

    @Test
    void aOneShotCommandThatWritesFilesWritesItsArchiveAtItsOwnExit() throws Exception {
        Path cache = dir.resolve("home/.cache/herakles/cds");
        Path out = dir.resolve("defaults.yaml");
        PlainJar first = new PlainJar(dir).env(RelaunchPlan.EXTRA_FLAGS, PlainJar.PRINT_FLAGS);
        assertThat(first.run("--no-config", "config", "-o", out.toString())).as(first.describe()).isZero();
        assertThat(printedFlags(first)).contains("-XX:ArchiveClassesAtExit=" + cache);
        assertThat(listing(cache)).as("in place when the run ends, no copy started")
                .singleElement().asString().startsWith("config-").endsWith(".jsa");
        assertThat(out).isRegularFile();
    }

    /** Waits (bounded) until no background copy holds a claim in {@code cache}. */
    private static void awaitNoTraining(Path cache) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (Files.isDirectory(cache) && listing(cache).stream().anyMatch(n -> n.endsWith(".training"))) {
            assertThat(System.nanoTime()).as("the background copy ends").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void anArchiveCutShortIsNeverPutInPlaceAndItsCrashLeavesNoReport() throws Exception {
        Path jarFile = io.herakles.procmem.testsupport.HeraklesLauncher.jar();
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path whole = dir.resolve("whole.jsa");
        Process dump = new ProcessBuilder(javaExe, "-XX:ArchiveClassesAtExit=" + whole, "-XX:+VerifySharedSpaces",
                ClassArchive.QUIET, "-Dherakles.relaunched=true", "-jar", jarFile.toString(), "--version")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("dump.log").toFile()).start();
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(whole).as(Files.readString(dir.resolve("dump.log"))).isRegularFile();

        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Map<String, String> props = Map.of("java.class.path", jarFile.toString());
        RelaunchPlan.Start start = new RelaunchPlan.Start(env, props, List.of(), Optional.of(javaExe),
                Optional.of(List.of("-jar", jarFile.toString(), "diff", "a", "b")), List.of("diff", "a", "b"));
        ClassArchive archive = ClassArchive.forStart(start, RelaunchPlan.decide(start),
                ClassArchive.JarStamp.of(jarFile.toString())).orElseThrow();

        Path cut = archive.pendingFile(1).orElseThrow();
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        archive.adopt(cut, 0, javaExe, List.of());
        assertThat(archive.exists()).as("a cut archive crashes the check and is dropped").isFalse();
        assertThat(listing(cut.getParent())).as("no pending file, no crash report").isEmpty();
        assertThat(listing(dir)).noneMatch(name -> name.startsWith("hs_err"));

        Path good = archive.pendingFile(2).orElseThrow();
        Files.copy(whole, good);
        archive.adopt(good, 0, javaExe, List.of());
        assertThat(archive.exists()).as("a whole archive passes the check").isTrue();
        assertThat(listing(good.getParent())).containsExactly(archive.file().getFileName().toString());
    }

    private Path fixture(String resource) throws java.io.IOException {
        try (java.io.InputStream in = RelaunchIT.class.getResourceAsStream("/" + resource)) {
            Path file = dir.resolve(Path.of(resource).getFileName());
            java.nio.file.Files.copy(java.util.Objects.requireNonNull(in, resource), file);
            return file;
        }
    }

    private static List<String> listing(Path directory) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(directory)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String withoutFlags(String stdout) {
        return stdout.lines().filter(l -> !l.contains("-XX:")).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static int startExporter(PlainJar jar) throws Exception {
        int port = HttpProbe.freePort();
        jar.start("--exporter", "--no-config", "--bind", "127.0.0.1", "-p", Integer.toString(port));
        HttpProbe.awaitOk(port, "/metrics", START, jar.process()::isAlive, jar::describe);
        return port;
    }

    private static boolean ignoresSigint(long pid) throws java.io.IOException {
        String mask = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("SigIgn:")).findFirst().orElse("SigIgn: 0").substring(7).strip();
        return (Long.parseUnsignedLong(mask, 16) & (1L << (2 - 1))) != 0;
    }

    private static ProcessHandle onlyChild(Process launcher) {
        List<ProcessHandle> children = launcher.children().toList();
        assertThat(children).as("the launcher's children").hasSize(1);
        return children.get(0);
    }

    /** The line -XX:+PrintCommandLineFlags wrote, which only the re-executed JVM gets. */
    private static String printedFlags(PlainJar jar) {
        Optional<String> line = jar.stdout().lines().filter(l -> l.contains("-XX:")).findFirst();
        assertThat(line).as("flags printed by the child\n" + jar.describe()).isPresent();
        return line.get();
    }

    private static void awaitGone(ProcessHandle child) throws InterruptedException {
        Poll.atMost(CHILD_GONE).every(Duration.ofMillis(100)).untilTrue("end of child " + child.pid(), () -> !child.isAlive());
    }
}
