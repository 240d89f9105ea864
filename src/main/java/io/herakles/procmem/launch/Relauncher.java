package io.herakles.procmem.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the app in a JVM with the tuned flags ({@link TunedFlags}) when it was started without them:
 * {@code java -jar} cannot carry JVM flags, so this JVM re-executes itself once — same java, same
 * command line with the missing tuned flags in front. Normally it <em>replaces itself</em>
 * ({@link ProcessImage}, execve(2)): one process, same pid, stdin/stdout/stderr, exit code and
 * signals are simply its own, and nothing stays behind. Where that is impossible (no JNA native stub
 * for this system, a non-HotSpot JVM) it starts the tuned JVM as a child instead, waits and exits
 * with the child's code; SIGTERM, SIGINT and SIGHUP then stop the child first (shutdown hook), and
 * if this JVM is SIGKILLed the child notices ({@link LauncherWatch}).
 *
 * <p>Never in the way: a flag the user set (command line, {@code JAVA_TOOL_OPTIONS},
 * {@code JDK_JAVA_OPTIONS}) keeps its value and ours for that setting is left out;
 * {@code HERAKLES_NO_REEXEC=1} turns this off. Our own flags exist in every JDK from 17 on (and
 * {@code -XX:+IgnoreUnrecognizedVMOptions} covers one a later JDK drops); flags added for a trial
 * ({@code HERAKLES_REEXEC_EXTRA_FLAGS}) are first tried with {@code java -version}, and when that
 * JVM does not come up the app runs here instead, with one line on stderr.
 *
 * <p>Cost: a second JVM start-up (docs/PERFORMANCE.md, "Start-up").
 */
public final class Relauncher {
    private Relauncher() {}

    /** How long a stopped launcher waits for the child's own shutdown before SIGKILL. */
    private static final long CHILD_STOP_SECONDS = 20;
    /** The JVM's exit status when it cannot create the VM (bad option, heap not reservable). */
    private static final int JVM_CREATION_FAILED = 1;

    /**
     * In the re-executed JVM: starts watching the launcher if there is one, and returns empty.
     * Otherwise re-executes in place when useful (and does not return), else runs the app in a tuned
     * child and returns its exit code, or returns empty when the app should run in this JVM.
     */
    public static OptionalInt runInTunedJvm(String[] args) {
        if (System.getProperty(RelaunchPlan.MARKER) != null) {
            LauncherWatch.begin();
            return OptionalInt.empty();
        }
        if (RelaunchPlan.switchedOff(System.getenv(RelaunchPlan.OFF_SWITCH))
                || System.getProperty(RelaunchPlan.PACKAGED_LAUNCHER) != null) {
            return OptionalInt.empty();     // decided before the management classes are loaded
        }
        RelaunchPlan.Start start = currentStart(args);
        RelaunchPlan plan = RelaunchPlan.decide(start);
        if (!plan.relaunches() || !trialFlagsStart(plan)) {
            return OptionalInt.empty();
        }
        Optional<ClassArchive> found = ClassArchive.forStart(start, plan,
                ClassArchive.JarStamp.of(System.getProperty("java.class.path", "")));
        if (found.isPresent()) {
            ClassArchive archive = found.get();
            long pid = ProcSelf.pid();
            if (ClassArchive.isTrainer(start)) {
                return writeArchiveInBackground(plan, archive);
            } else if (archive.exists()) {
                archive.touch();
                plan = plan.withFlags(archive.useFlags());
            } else if (archive.writtenInBackground(start)) {
                archive.startTrainer(start, pid);
            } else {
                Optional<Path> pending = archive.pendingFile(pid);
                if (pending.isPresent()) {
                    return writeArchive(plan, archive, pending.get());
                }
            }
        }
        if (isHotSpot()) {
            String failure = replaceThisProcess(plan);
            System.err.println("herakles: could not re-execute in place (" + failure
                    + "); keeping this JVM as a launcher");
        }
        return spawnChild(plan);
    }

    /**
     * The first run of a one-shot subcommand: a child that writes the class archive at its exit,
     * which this JVM then checks and puts in place ({@link ClassArchive}); it cannot replace itself,
     * since someone has to be there after the exit.
     */
    private static OptionalInt writeArchive(RelaunchPlan plan, ClassArchive archive, Path pending) {
        RelaunchPlan writing = plan.withFlags(archive.createFlags(pending));
        OptionalInt code = spawnChild(writing);
        if (code.isEmpty()) {
            ClassArchive.deleteQuietly(pending);     // the child never started: the app runs here
            return code;
        }
        archive.adopt(pending, code.getAsInt(), plan.command().get(0), plan.jvmFlags());
        return code;
    }

    /**
     * In the background copy of a first run ({@link ClassArchive#startTrainer}): writes the archive
     * unless another copy has meanwhile, and lets the next first run start a copy again.
     */
    private static OptionalInt writeArchiveInBackground(RelaunchPlan plan, ClassArchive archive) {
        try {
            Optional<Path> pending = archive.exists() ? Optional.empty()
                    : archive.pendingFile(ProcSelf.pid());
            return pending.isPresent() ? writeArchive(plan, archive, pending.get()) : OptionalInt.of(0);
        } finally {
            archive.endTraining();
        }
    }

    private static String replaceThisProcess(RelaunchPlan plan) {
        try {
            return ProcessImage.replaceWith(plan.command(), plan.childEnv());
        } catch (LinkageError e) {
            return "JNA not on the class path: " + e;     // a jar assembled without it
        }
    }

    /**
     * The exec'd JVM cannot fall back if it refuses a flag, so flags that are not ours (a trial's)
     * are tried first. False (after one line on stderr) when that JVM did not start.
     */
    private static boolean trialFlagsStart(RelaunchPlan plan) {
        String trial = System.getenv(RelaunchPlan.EXTRA_FLAGS);
        if (trial == null || trial.isBlank()) {
            return true;
        }
        try {
            Process p = new ProcessBuilder(plan.versionProbe()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int code = p.waitFor();
            if (code == 0) {
                return true;
            }
            fallBack(plan, "did not start (exit " + code + ")");
        } catch (IOException e) {
            fallBack(plan, "could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** HotSpot's flags are what {@link TunedFlags} holds; another JVM gets a child it can fall back from. */
    private static boolean isHotSpot() {
        String vm = System.getProperty("java.vm.name", "");
        return vm.contains("HotSpot") || vm.startsWith("OpenJDK");
    }

    private static OptionalInt spawnChild(RelaunchPlan plan) {
        Path startedFile = Path.of(System.getProperty("java.io.tmpdir"),
                "herakles-launch-" + ProcSelf.pid() + ".pending");
        try {
            Files.deleteIfExists(startedFile);
            Files.createFile(startedFile);
        } catch (IOException e) {
            return OptionalInt.empty();     // no handshake possible: do not risk a child we cannot judge
        }
        try {
            return runChild(plan, startedFile);
        } finally {
            ClassArchive.deleteQuietly(startedFile);
        }
    }

    private static RelaunchPlan.Start currentStart(String[] args) {
        return new RelaunchPlan.Start(System.getenv(), properties(), ProcSelf.inputArguments(), ProcSelf.executable(),
                ProcSelf.arguments(), List.of(args));
    }

    private static Map<String, String> properties() {
        Properties p = System.getProperties();
        Map<String, String> out = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            out.put(name, p.getProperty(name));
        }
        return out;
    }

    private static OptionalInt runChild(RelaunchPlan plan, Path startedFile) {
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(
                    plan.spawnCommand(ProcSelf.pid(), startedFile)).inheritIO();
            builder.environment().putAll(plan.childEnv());
            child = builder.start();
        } catch (IOException e) {
            fallBack(plan, "could not be started: " + e.getMessage());
            return OptionalInt.empty();
        }
        Thread stopper = new Thread(() -> stopChild(child), "herakles-launcher-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        // This JVM runs with the defaults (a large young generation) and now only waits. A full GC
        // lets it give back the heap that opening the jar touched: about 10 MiB of RSS.
        System.gc();
        int code = waitUninterruptibly(child);
        if (code == JVM_CREATION_FAILED && Files.exists(startedFile)) {
            // the child never reached our main: its JVM refused the flags (it said why on stderr)
            removeHook(stopper);
            fallBack(plan, "did not start (exit " + code + ")");
            return OptionalInt.empty();
        }
        return OptionalInt.of(code);
    }

    /** Shutdown hook: this JVM is being stopped by a signal; stop the child and exit as it did. */
    private static void stopChild(Process child) {
        if (!child.isAlive()) {
            return;     // the normal end: the child finished and main is exiting with its code
        }
        child.destroy();
        try {
            if (!child.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // halt is allowed in a hook; it makes this JVM's status the child's, as if there were one process
        Runtime.getRuntime().halt(child.isAlive() ? 128 + 15 : child.exitValue());
    }

    private static int waitUninterruptibly(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // nobody interrupts the launcher's main thread on purpose; keep waiting for the child
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook finds the child ended and does nothing
        }
    }

    private static void fallBack(RelaunchPlan plan, String what) {
        System.err.println("herakles: the JVM with the footprint flags " + String.join(" ", plan.addedFlags()) + " "
                + what + "; running with this JVM's defaults instead (" + RelaunchPlan.OFF_SWITCH
                + "=1 skips the attempt)");
    }
}
