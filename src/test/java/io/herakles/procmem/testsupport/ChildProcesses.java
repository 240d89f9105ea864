package io.herakles.procmem.testsupport;

import java.util.concurrent.TimeUnit;

/** Stopping a child process a test started: SIGTERM, then SIGKILL after a bounded wait. */
public final class ChildProcesses {

    private ChildProcesses() {}

    /** Stops {@code process} if it still runs; never waits more than about 30 s. */
    public static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
