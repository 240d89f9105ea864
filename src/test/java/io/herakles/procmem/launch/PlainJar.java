package io.herakles.procmem.launch;

import io.herakles.procmem.testsupport.ChildProcesses;
import io.herakles.procmem.testsupport.HeraklesLauncher;
import java.io.File;
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
 * The packaged jar started the way a user starts it ({@code java [flags] -jar herakles-proc-mem.jar
 * args}), without any JVM flag of the test's own, so the jar's re-execution is what is tested. The
 * environment is cleaned as in {@link HeraklesLauncher} (no display, no {@code HERAKLES_*}, no
 * {@code JAVA_TOOL_OPTIONS}); the home directory is a test directory. Every wait is bounded.
 */
final class PlainJar implements AutoCloseable {

    /** Makes the re-executed child print its JVM flags on stdout: proof that it ran, and with what. */
    static final String PRINT_FLAGS = "-XX:+PrintCommandLineFlags";

    private final Path dir;
    private final List<String> jvmFlags = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path stdin;
    private boolean relativeJar;
    private Process process;
    private Path logs;

    PlainJar(Path dir) {
        this.dir = dir;
    }

    PlainJar jvmFlag(String flag) {
        jvmFlags.add(flag);
        return this;
    }

    PlainJar env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A copy of the jar at target/ in the working directory, named relatively as the README does. */
    private String copyUnderTarget() throws IOException {
        Path copy = dir.resolve("target").resolve(HeraklesLauncher.jar().getFileName());
        if (!Files.exists(copy)) {
            Files.createDirectories(copy.getParent());
            Files.copy(HeraklesLauncher.jar(), copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        return dir.relativize(copy).toString();
    }

    /** Names the jar as {@code java -jar target/herakles-proc-mem.jar} does: a path relative to the working directory. */
    PlainJar relativeJar() {
        relativeJar = true;
        return this;
    }

    PlainJar stdin(String text) throws IOException {
        stdin = Files.writeString(Files.createTempFile(dir, "stdin-", ".txt"), text);
        return this;
    }

    PlainJar start(String... args) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        logs = Files.createTempDirectory(dir, "run-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-Duser.home=" + home);
        command.add("-jar");
        command.add(relativeJar ? copyUnderTarget() : HeraklesLauncher.jar().toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(logs.resolve("stdout").toFile())
                .redirectError(logs.resolve("stderr").toFile())
                .redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile())
                        : ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.equals("DISPLAY") || k.equals("WAYLAND_DISPLAY") || k.startsWith("HERAKLES_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS") || k.equals("JDK_JAVA_OPTIONS")
                || k.equals("XDG_CACHE_HOME"));     // class archives go under the test's home
        e.put("HOME", home.toString());
        e.putAll(env);
        process = pb.start();
        return this;
    }

    /** Runs to completion (bounded) and returns the exit code. */
    int run(String... args) throws IOException, InterruptedException {
        start(args);
        if (!process.waitFor(HeraklesLauncher.RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("did not finish\n" + describe());
        }
        return process.exitValue();
    }

    Process process() {
        return process;
    }

    String stdout() {
        return read("stdout");
    }

    String stderr() {
        return read("stderr");
    }

    String describe() {
        return "--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
    }

    private String read(String name) {
        try {
            return Files.readString(logs.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            ChildProcesses.stop(process);
        }
    }
}
