package io.herakles.procmem.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The re-executed child's side of {@link Relauncher}: confirms the start (deletes the launcher's
 * handshake file) and ends the app when the launcher is gone. A SIGKILLed launcher cannot stop its
 * child, and the child is then re-parented (to init or a subreaper): a daemon thread compares this
 * process's parent with the launcher's pid every {@value #CHECK_MILLIS} ms (one small read of
 * {@code /proc/self/stat}) and exits the app when they differ. Polling our own parent instead of
 * waiting on the launcher's exit also covers a launcher that stays a zombie because nobody reaps it.
 */
final class LauncherWatch {
    private LauncherWatch() {}

    static final long CHECK_MILLIS = 1000;
    /** The exit status when the launcher disappeared; nobody reads it, so it only has to be non-zero. */
    private static final int LAUNCHER_GONE = 1;

    static void begin() {
        String started = System.getProperty(RelaunchPlan.STARTED_FILE);
        if (started != null) {
            try {
                Files.deleteIfExists(Path.of(started));
            } catch (IOException | RuntimeException e) {
                // the launcher then assumes a failed start only if we also exit 1 right away
            }
        }
        long launcher = parseLong(System.getProperty(RelaunchPlan.LAUNCHER_PID));
        if (launcher <= 0) {
            return;     // the marker alone (set by hand): nothing to watch
        }
        Thread watch = new Thread(() -> watch(launcher), "herakles-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void watch(long launcher) {
        try {
            while (parentPid() == launcher) {
                Thread.sleep(CHECK_MILLIS);
            }
        } catch (InterruptedException e) {
            return;
        }
        System.err.println("herakles: the launching process " + launcher + " ended; stopping");
        System.exit(LAUNCHER_GONE);
    }

    private static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
