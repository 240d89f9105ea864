package io.herakles.procmem.export.prometheus;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

/**
 * The exporter's own JVM, served when {@code enable_default_collectors} is on (upstream documents
 * the flag but serves nothing). A small subset of client_java's JVM metrics, same names, types and
 * labels: {@code process_cpu_seconds_total}, {@code process_start_time_seconds},
 * {@code jvm_memory_used_bytes}/{@code _committed_bytes}/{@code _max_bytes} by {@code area}
 * (heap, nonheap), {@code jvm_threads_current}, {@code jvm_threads_daemon} and
 * {@code jvm_gc_collection_seconds} (count and sum per {@code gc}). Read from the JDK's management
 * beans and {@link ProcessHandle}; the latter reads this JVM's own {@code /proc/self/stat}, never a
 * monitored process's files. Stateless.
 */
final class JvmFamilies {

    private JvmFamilies() {}

    static void addAll(List<MetricSnapshot> out) {
        ProcessHandle.current().info().totalCpuDuration().ifPresent(cpu -> out.add(CounterSnapshot.builder()
                .name("process_cpu_seconds").help("Total user and system CPU time spent in seconds.")
                .dataPoint(CounterDataPointSnapshot.builder().value(cpu.toNanos() / 1e9).build()).build()));
        gauge(out, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        memory(out, "jvm_memory_used_bytes", "Used bytes of a given JVM memory area.", heap.getUsed(), nonHeap.getUsed());
        memory(out, "jvm_memory_committed_bytes", "Committed (bytes) of a given JVM memory area.",
                heap.getCommitted(), nonHeap.getCommitted());
        memory(out, "jvm_memory_max_bytes", "Max (bytes) of a given JVM memory area.", heap.getMax(), nonHeap.getMax());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        gauge(out, "jvm_threads_current", "Current thread count of a JVM", threads.getThreadCount());
        gauge(out, "jvm_threads_daemon", "Daemon thread count of a JVM", threads.getDaemonThreadCount());
        SummarySnapshot.Builder gc = SummarySnapshot.builder().name("jvm_gc_collection_seconds")
                .help("Time spent in a given JVM garbage collector in seconds.");
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean.getCollectionCount() >= 0 && bean.getCollectionTime() >= 0) {
                gc.dataPoint(SummaryDataPointSnapshot.builder().labels(Labels.of("gc", bean.getName()))
                        .count(bean.getCollectionCount())
                        .sum(Duration.ofMillis(bean.getCollectionTime()).toNanos() / 1e9).build());
            }
        }
        out.add(gc.build());
    }

    private static void memory(List<MetricSnapshot> out, String name, String help, long heap, long nonHeap) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        // -1 means "undefined" for a memory area; such an area has no series
        if (heap >= 0) {
            b.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("area", "heap")).value(heap).build());
        }
        if (nonHeap >= 0) {
            b.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("area", "nonheap")).value(nonHeap).build());
        }
        out.add(b.build());
    }

    private static void gauge(List<MetricSnapshot> out, String name, String help, double value) {
        out.add(GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build());
    }
}
