package io.herakles.procmem.launch;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replaces this process's image with another command, as a shell's {@code exec} does: execve(2)
 * through JNA, since the JDK has no exec. The new JVM keeps this process's pid, parent, terminal,
 * stdin/stdout/stderr, working directory and environment, so exit codes and signals need no passing
 * on and no second JVM stays behind (a waiting launcher JVM costs ~45 MiB RSS for the app's life).
 *
 * <p>Before the call: file descriptors above 2 that this JVM opened (the jar, the module image) are
 * marked close-on-exec — the same set a spawned child would not have inherited — and the calling
 * thread's signal mask is cleared (the JVM blocks SIGQUIT in Java threads, and a mask survives exec).
 * Only returns when the replacement failed, with the reason; the caller then runs another way.
 */
final class ProcessImage {
    private ProcessImage() {}

    private static final int SIG_SETMASK = 2;
    /** sizeof(sigset_t) in glibc and musl is at most 128 bytes; all zero is the empty set. */
    private static final int SIGSET_BYTES = 128;
    private static final int F_SETFD = 2;
    private static final int FD_CLOEXEC = 1;
    private static final int FIRST_NON_STANDARD_FD = 3;
    private static final String SEARCH_PATH = "jna.platform.library.path";

    /**
     * Execs {@code command} (absolute path first) with this environment plus {@code addedEnv}
     * (variables the environment does not have yet). Returns the reason when that failed.
     */
    static String replaceWith(List<String> command, Map<String, String> addedEnv) {
        try {
            // JNA builds its library search path once, running `ldconfig -p` on Linux for it (a
            // process and ~80 ms of every start) unless the path is given; the symbols used here are
            // the process's own (libc's among them), which need no search
            if (System.getProperty(SEARCH_PATH) == null) {
                System.setProperty(SEARCH_PATH, "/usr/lib:/lib");
            }
            JnaLibraryCache.use(System.getenv());
            NativeLibrary libc = NativeLibrary.getProcess();
            for (Map.Entry<String, String> e : addedEnv.entrySet()) {
                // setenv rather than a new envp: environ keeps the user's variables byte for byte
                libc.getFunction("setenv").invokeInt(new Object[] {e.getKey(), e.getValue(), 0});
            }
            markCloseOnExec(libc);
            Memory emptySet = new Memory(SIGSET_BYTES);
            emptySet.clear();
            libc.getFunction("pthread_sigmask").invokeInt(new Object[] {SIG_SETMASK, emptySet, Pointer.NULL});
            // nothing is buffered: this JVM has written only whole lines to stderr (which autoflushes)
            String[] argv = command.toArray(String[]::new);
            libc.getFunction("execv", Function.THROW_LAST_ERROR).invokeInt(new Object[] {argv[0], argv});
            return "execv returned";
        } catch (LastErrorException e) {
            return "execv failed with errno " + e.getErrorCode();
        } catch (IOException e) {
            return "cannot list /proc/self/fd: " + e.getMessage();
        } catch (LinkageError | RuntimeException e) {
            // no JNA native stub for this system, a temp directory mounted noexec, a missing symbol
            return "native call unavailable: " + e;
        }
    }

    private static void markCloseOnExec(NativeLibrary libc) throws IOException {
        Function fcntl = libc.getFunction("fcntl");
        for (int fd : openDescriptors()) {
            if (fd >= FIRST_NON_STANDARD_FD) {
                fcntl.invokeInt(new Object[] {fd, F_SETFD, FD_CLOEXEC});
            }
        }
    }

    private static int[] openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .mapToInt(Integer::parseInt).toArray();
        }
    }
}
