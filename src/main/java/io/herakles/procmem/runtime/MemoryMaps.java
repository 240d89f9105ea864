package io.herakles.procmem.runtime;

import io.herakles.procmem.collect.MapsReader;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.collect.SharedMappingScan;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Memory maps on demand, for the {@code maps} command and the desktop's "Memory maps" and "Shared
 * memory" views: one process's {@code smaps}, or a scan of every process's. Reads {@code /proc}
 * under the configured {@code procfs}, through {@code collect}. Nothing here runs on a tick.
 *
 * <p>Thread-safe: each call uses its own readers. The calls block for the read (a scan of
 * thousands of processes takes a fraction of a second to seconds), so UI callers run them off
 * the FX thread.
 */
public final class MemoryMaps {

    private final ProcFs procFs;

    public MemoryMaps(ExporterConfig config) {
        this(new ProcFs(Path.of(config.procfs())));
    }

    MemoryMaps(ProcFs procFs) {
        this.procFs = procFs;
    }

    /** The mappings of {@code pid}, or why there are none (gone, denied, kernel thread). Never throws. */
    public ProcessMaps of(int pid) {
        return new MapsReader(procFs).read(pid);
    }

    /** The process's name ({@code comm}); empty when it is gone. */
    public Optional<String> name(int pid) {
        return new MapsReader(procFs).name(pid);
    }

    /** Every process's {@code smaps}: the mappings two or more of them share. Never throws. */
    public SharedMemoryReport shared(ScanProgress progress) {
        return new SharedMappingScan(procFs).run(progress);
    }

    /** {@link #shared(ScanProgress)} on exactly {@code threads} threads (benchmarks compare 1 with the default). */
    public SharedMemoryReport shared(ScanProgress progress, int threads) {
        return new SharedMappingScan(procFs, threads).run(progress);
    }

    /** Whether every process's maps are readable (root or {@code CAP_SYS_PTRACE}). */
    public boolean readsEveryProcess() {
        return procFs.readsEveryProcess();
    }
}
