package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.model.SystemSample;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * System-wide families (memory, CPU usage, load) from the snapshot's {@link SystemSample}: no
 * {@code /proc} read on the scrape thread. Unknown values have no series; these ignore the
 * {@code enable_*} flags, as upstream's do. Stateless.
 */
final class SystemFamilies {

    private SystemFamilies() {}

    static void addAll(SystemSample s, List<MetricSnapshot> out) {
        add(GaugeDefinition.MEMORY_TOTAL, s.memTotalBytes(), out);
        add(GaugeDefinition.MEMORY_AVAILABLE, s.memAvailableBytes(), out);
        add(GaugeDefinition.MEMORY_USED_RATIO, s.memoryUsedRatio(), out);
        add(GaugeDefinition.LOAD1, s.load1(), out);
        add(GaugeDefinition.LOAD5, s.load5(), out);
        add(GaugeDefinition.LOAD15, s.load15(), out);
        GaugeSamples cpu = new GaugeSamples(GaugeDefinition.CPU_USAGE_RATIO);
        for (Map.Entry<String, Double> e : s.cpuUsageRatio().entrySet()) {
            cpu.add(e.getValue(), Labels.of("cpu", e.getKey()));
        }
        cpu.emitTo(out);
    }

    private static void add(GaugeDefinition f, OptionalLong value, List<MetricSnapshot> out) {
        if (value.isPresent()) {
            GaugeSamples family = new GaugeSamples(f);
            family.add(value.getAsLong());
            family.emitTo(out);
        }
    }

    private static void add(GaugeDefinition f, OptionalDouble value, List<MetricSnapshot> out) {
        if (value.isPresent()) {
            GaugeSamples family = new GaugeSamples(f);
            family.add(value.getAsDouble());
            family.emitTo(out);
        }
    }
}
