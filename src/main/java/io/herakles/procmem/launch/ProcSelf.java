package io.herakles.procmem.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the launcher needs to know about this JVM's start, read the cheap way. Every start of the
 * app asks it before doing anything else, and the JDK's own answers cost start-up time:
 * {@code ManagementFactory}'s runtime bean builds the platform bean registry (~27 ms here) and
 * {@code ProcessHandle.Info} its process classes (~15 ms). The JVM's input arguments come straight
 * from {@code jdk.internal.misc.VM}, which the jar's manifest exports to the app
 * ({@code Add-Exports}, honoured for {@code java -jar}); pid, executable and command line from
 * {@code /proc/self}. Each falls back to the JDK's public API when that is not possible (the
 * classes on a plain class path, another OS). Keeps only the pid.
 */
final class ProcSelf {
    private ProcSelf() {}

    /** The JVM's options as {@code RuntimeMXBean.getInputArguments()} lists them (environment variables' included). */
    static List<String> inputArguments() {
        try {
            Object args = Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments").invoke(null);
            return List.of((String[]) args);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return ManagementFactory.getRuntimeMXBean().getInputArguments();     // not exported to us
        }
    }

    /** This process's pid; read once (the launcher asks for it in several places). */
    static long pid() {
        return Pid.VALUE;
    }

    private static final class Pid {
        static final long VALUE = read();

        private static long read() {
            try {
                return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
            } catch (IOException | RuntimeException e) {
                return ProcessHandle.current().pid();
            }
        }
    }

    /** The executable's path, as {@code ProcessHandle.Info.command()} gives it. */
    static Optional<String> executable() {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc/self/exe")).toString());
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().command();
        }
    }

    /** The command line after the executable, as {@code ProcessHandle.Info.arguments()} gives it. */
    static Optional<List<String>> arguments() {
        try {
            return Optional.of(argumentsOf(Files.readAllBytes(Path.of("/proc/self/cmdline")),
                    Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"))));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().arguments().map(List::of);
        }
    }

    /** The words of a {@code /proc/PID/cmdline} (NUL-terminated) without the first, the executable. */
    static List<String> argumentsOf(byte[] cmdline, Charset charset) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                words.add(new String(cmdline, start, i - start, charset));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            words.add(new String(cmdline, start, cmdline.length - start, charset));
        }
        return words.isEmpty() ? List.of() : List.copyOf(words.subList(1, words.size()));
    }
}
