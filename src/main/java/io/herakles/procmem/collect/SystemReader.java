package io.herakles.procmem.collect;

import io.herakles.procmem.model.SystemSample;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads the system-wide files once per tick into a {@link SystemSample}, keeping the previous
 * {@code /proc/stat} counters to compute CPU busy ratios (none on the first call). Also knows the
 * boot time for process start times. Confined to the sampler thread.
 */
public final class SystemReader {

    private final ProcFs procFs;
    private final ProcFileReader reader;
    private Map<String, CpuStat.CpuTimes> previous = Map.of();
    private OptionalLong bootTime = OptionalLong.empty();

    public SystemReader(ProcFs procFs) {
        this.procFs = procFs;
        this.reader = procFs.newReader();
    }

    /** Reads meminfo, loadavg and stat; absent parts where unreadable. */
    public SystemSample sample() {
        MemInfo mem = procFs.meminfo(reader);
        Optional<LoadAvg> load = procFs.loadavg(reader);
        CpuStat stat = procFs.cpuStat(reader);
        if (stat.bootTime().isPresent()) {
            bootTime = stat.bootTime();
        }
        Map<String, Double> ratios = new HashMap<>();
        Map<String, CpuStat.CpuTimes> now = new HashMap<>();
        for (CpuStat.CpuTimes t : stat.lines()) {
            now.put(t.label(), t);
            CpuStat.CpuTimes prev = previous.get(t.label());
            if (prev != null) {
                ratios.put(t.label(), CpuMath.busyRatio(prev, t));
            }
        }
        previous = now;
        return new SystemSample(mem.memTotal(), mem.memAvailable(), mem.swapTotal(), mem.swapFree(),
                load.map(l -> OptionalDouble.of(l.load1())).orElse(OptionalDouble.empty()),
                load.map(l -> OptionalDouble.of(l.load5())).orElse(OptionalDouble.empty()),
                load.map(l -> OptionalDouble.of(l.load15())).orElse(OptionalDouble.empty()),
                ratios, stat.cpuCount());
    }

    /** {@code btime} (seconds since the epoch) from the last {@link #sample()}, absent until known. */
    public OptionalLong bootTime() {
        return bootTime;
    }
}
