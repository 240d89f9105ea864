package io.herakles.procmem.ui.maps;

import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import io.herakles.procmem.ui.common.FxExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one cross-process scan at a time on its own daemon thread ("ui-shared-scan"): progress
 * reaches the FX thread coalesced (latest wins, so a fast scan does not flood it), the report in
 * one hop; {@link #cancel()} is polled by the scan between processes. {@link #start} and
 * {@link #cancel} are called on the FX thread.
 */
final class SharedScan {

    private final Function<ScanProgress, SharedMemoryReport> source;
    private final FxExecutor fx;
    private final FxExecutor.Coalescer<int[]> progressHop;
    private final Consumer<SharedMemoryReport> done;
    private final Consumer<String> failed;
    private volatile AtomicBoolean cancelled;
    private Thread thread;

    SharedScan(Function<ScanProgress, SharedMemoryReport> source, FxExecutor fx, Consumer<int[]> progress,
            Consumer<SharedMemoryReport> done, Consumer<String> failed) {
        this.source = source;
        this.fx = fx;
        this.progressHop = fx.coalescing(progress);
        this.done = done;
        this.failed = failed;
    }

    /** Starts a scan unless one runs; false when one does. */
    boolean start() {
        if (thread != null && thread.isAlive()) {
            return false;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        ScanProgress progress = new ScanProgress() {
            @Override
            public void progress(int n, int total) {
                progressHop.submit(new int[] {n, total});
            }

            @Override
            public boolean cancelled() {
                return stop.get();
            }
        };
        thread = new Thread(() -> {
            try {
                SharedMemoryReport report = source.apply(progress);
                fx.execute(() -> done.accept(report));
            } catch (RuntimeException e) {
                // the source promises not to throw; if it does, the view must not stay "scanning"
                fx.execute(() -> failed.accept(String.valueOf(e.getMessage())));
            }
        }, "ui-shared-scan");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** Asks the running scan to stop after the process it reads; it then reports what it has. */
    void cancel() {
        AtomicBoolean stop = cancelled;
        if (stop != null) {
            stop.set(true);
        }
    }
}
