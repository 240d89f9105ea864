package io.herakles.procmem.ui.app;

import io.herakles.procmem.ui.common.TestSnapshots;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens the real window fed with generated snapshots (one a second, 400 processes), for looking
 * at the UI and taking screenshots without the engine. Not a test.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) io.herakles.procmem.ui.app.DemoDesktop
 * </pre>
 * (the class path file is made as described in {@link ApplyBenchmark}).
 */
public final class DemoDesktop {

    private DemoDesktop() {}

    public static void main(String[] args) {
        FakeDesktopServices services = new FakeDesktopServices();
        int processes = Integer.getInteger("demo.processes", 400);
        AtomicLong tick = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> services.live.publish(TestSnapshots.generated(processes, tick.getAndIncrement())),
                0, 1, TimeUnit.SECONDS);
        // -Ddemo.file=NAME starts in file mode, showing a generated snapshot as if read from NAME
        String fileName = System.getProperty("demo.file");
        java.nio.file.Path file = fileName == null ? null : java.nio.file.Path.of(fileName);
        if (file != null) {
            services.files.put(file, TestSnapshots.generated(processes, 99));
        }
        DesktopApp.launch(services, file);
        sampler.shutdownNow();
    }
}
