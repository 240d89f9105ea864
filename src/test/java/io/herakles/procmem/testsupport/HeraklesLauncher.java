package io.herakles.procmem.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged jar ({@code java -jar herakles-proc-mem.jar ...}) in a child JVM the way a user
 * would, but isolated: the working directory and {@code HOME}/{@code user.home} are a test
 * directory (so no real config or rule file is picked up), {@code DISPLAY}/{@code WAYLAND_DISPLAY}
 * and every {@code HERAKLES_*} variable are removed, the jar does not re-execute itself
 * ({@code HERAKLES_NO_REEXEC=1}), and every wait is bounded. Not thread-safe.
 *
 * <p>The jar is the system property {@code herakles.jar} (failsafe sets it), else
 * {@code target/herakles-proc-mem.jar}.
 */
public final class HeraklesLauncher {

    /** A bounded run that did not finish in time is killed; this is far above a normal run (~1 s). */
    public static final long RUN_TIMEOUT_SECONDS = 120;

    private final Path workDir;
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();

    /** Runs in {@code workDir}; its {@code home} subdirectory is the child's home. */
    public HeraklesLauncher(Path workDir) {
        this.workDir = workDir;
    }

    public static Path jar() {
        String p = System.getProperty("herakles.jar");
        return Path.of(p == null || p.isBlank() ? "target/herakles-proc-mem.jar" : p).toAbsolutePath();
    }

    public Path workDir() {
        return workDir;
    }

    /** Adds an environment variable for every later launch. */
    public HeraklesLauncher env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** Adds a JVM option (before {@code -jar}) for every later launch. */
    public HeraklesLauncher jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    /** Runs to completion (bounded by {@link #RUN_TIMEOUT_SECONDS}) and returns exit code and output. */
    public Result run(String... args) throws IOException, InterruptedException {
        try (Running r = start(args)) {
            if (!r.process().waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("herakles " + String.join(" ", args) + " did not finish within "
                        + RUN_TIMEOUT_SECONDS + " s; stderr:\n" + r.stderr());
            }
            return new Result(r.process().exitValue(), r.stdout(), r.stderr());
        }
    }

    /** Starts in the background; stdout and stderr go to files in a fresh directory. Close it. */
    public Running start(String... args) throws IOException {
        Path home = Files.createDirectories(workDir.resolve("home"));
        Path logs = Files.createTempDirectory(workDir, "run-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Duser.home=" + home));
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(logs.resolve("stdout").toFile())
                .redirectError(logs.resolve("stderr").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.equals("DISPLAY") || k.equals("WAYLAND_DISPLAY") || k.startsWith("HERAKLES_")
                || k.startsWith("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        env.put("HOME", home.toString());
        env.remove("XDG_CONFIG_HOME"); // the desktop's preferences go under the test's home, never the user's
        // the tests here are about the app, not the JVM it runs in: the pid they see is the app's
        // (the re-execution itself is tested in io.herakles.procmem.launch.RelaunchIT)
        env.put("HERAKLES_NO_REEXEC", "1");
        env.putAll(extraEnv);
        return new Running(pb.start(), logs);
    }

    /** What a finished run printed. */
    public record Result(int exitCode, String stdout, String stderr) {

        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        public List<String> stderrLines() {
            return stderr.lines().toList();
        }

        /** For assertion messages. */
        public String describe() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    /** A started child JVM; {@link #close()} always ends it (SIGTERM, then SIGKILL). */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final Path logs;

        Running(Process process, Path logs) {
            this.process = process;
            this.logs = logs;
        }

        public Process process() {
            return process;
        }

        public long pid() {
            return process.pid();
        }

        public String stdout() {
            return read("stdout");
        }

        public String stderr() {
            return read("stderr");
        }

        private String read(String name) {
            try {
                return Files.readString(logs.resolve(name), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }

        /** Sends SIGTERM and waits (bounded) for the exit code. */
        public int terminate(long timeoutSeconds) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("still running " + timeoutSeconds + " s after SIGTERM; stderr:\n" + stderr());
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            ChildProcesses.stop(process);
        }
    }
}
