package io.herakles.procmem.runtime;

import io.herakles.procmem.collect.PidReader;
import io.herakles.procmem.collect.PidStat;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.config.ExporterConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What runs as a pid right now, read through the same {@code /proc} code as the collector, so the
 * desktop can check a process again before it signals it without reading {@code /proc} itself.
 */
public final class ProcessStatusReader {

    private final ProcFs procFs;

    public ProcessStatusReader(ExporterConfig config) {
        this.procFs = new ProcFs(Path.of(config.procfs()));
    }

    /** Its {@code stat}, with the start time computed as the collector computes it. */
    public PidStatus status(int pid) {
        PidReader reader = new PidReader(procFs);
        Optional<PidStat> stat = reader.stat(pid);
        if (stat.isEmpty() || stat.get().state() == 'Z' || stat.get().state() == 'X') {
            return PidStatus.exited(); // a zombie has exited already; a signal would change nothing
        }
        OptionalLong bootTime = procFs.cpuStat(procFs.newReader()).bootTime();
        return PidStatus.running(bootTime.isPresent()
                ? PidStat.startInstant(stat.get().startTicks(), bootTime.getAsLong()) : null);
    }
}
