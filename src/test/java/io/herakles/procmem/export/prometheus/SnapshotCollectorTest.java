package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.TestSnapshots.DB;
import static io.herakles.procmem.export.prometheus.TestSnapshots.proc;
import static io.herakles.procmem.export.prometheus.TestSnapshots.scrape;
import static io.herakles.procmem.export.prometheus.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SnapshotCollectorTest {

    private static final ExporterConfig DEFAULTS = ExporterConfig.defaults();

    private static List<String> lines(String text, String prefix) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
    }

    @Test
    void everyUpstreamFamilyWithItsHelpTypeAndLabels() {
        String text = scrape(snapshot(List.of(
                proc(10, "postgres", DB, 3000, 2000L, 1000L),
                proc(11, "postgres", DB, 6000, 4000L, 3000L),
                proc(20, "mytool", GroupKey.OTHER, 500, 400L, 300L))), DEFAULTS);
        for (GaugeDefinition f : GaugeDefinition.values()) {
            assertThat(text).contains("# HELP " + f.metricName() + " " + f.help() + "\n");
            assertThat(text).contains("# TYPE " + f.metricName() + " gauge\n");
        }
        assertThat(text).doesNotContain("uptime_in_seconds").doesNotContain("herakles_proc_mem_processes_total");
        assertThat(text).contains(
                "herakles_proc_mem_uss_bytes{group=\"db\",name=\"postgres\",pid=\"11\",subgroup=\"postgres\"} 3000.0\n");
        assertThat(text).contains("herakles_proc_mem_group_rss_bytes_sum{group=\"db\",subgroup=\"postgres\"} 9000.0\n");
        assertThat(text).contains(
                "herakles_proc_mem_top_uss_bytes{group=\"db\",name=\"postgres\",pid=\"11\",rank=\"1\",subgroup=\"postgres\"} 3000.0\n");
        assertThat(text).contains(
                "herakles_proc_mem_top_uss_percent_of_subgroup{group=\"db\",name=\"postgres\",pid=\"11\",rank=\"1\",subgroup=\"postgres\"} 75.0\n");
        assertThat(text).contains("herakles_system_cpu_usage_ratio{cpu=\"cpu1\"} 0.75\n");
        assertThat(text).contains("herakles_system_memory_used_ratio 0.75\n");
        assertThat(text).contains("herakles_proc_mem_processes 3.0\n");
        assertThat(text).contains("herakles_proc_mem_cache_updating 0.0\n");
        assertThat(text).contains("herakles_proc_mem_cache_update_success 1.0\n");
        assertThat(text).contains("herakles_exporter_processes_vanished_total 7.0\n");
        assertThat(text).contains("herakles_exporter_build_info{version=\"test\"} 1\n");
    }

    @Test
    void otherCapKeepsTheLargestByUss() {
        List<ProcessSample> ps = new ArrayList<>();
        for (int pid = 1; pid <= 20; pid++) {
            ps.add(proc(pid, "p" + pid, GroupKey.OTHER, 100, 100L, (long) (pid % 2 == 0 ? pid * 1000 : pid)));
        }
        String text = scrape(snapshot(ps), cfgWith(b -> b.topNOthers(3)));
        List<String> uss = lines(text, "herakles_proc_mem_uss_bytes{");
        assertThat(uss).hasSize(3);
        assertThat(String.join("\n", uss)).contains("pid=\"20\"").contains("pid=\"18\"").contains("pid=\"16\"");
        assertThat(text).contains("herakles_proc_mem_group_uss_bytes_sum{group=\"other\",subgroup=\"other\"} 54000.0\n");
        assertThat(text).contains("herakles_proc_mem_processes 3.0\n");
        assertThat(lines(text, "herakles_proc_mem_top_uss_bytes{")).hasSize(3);
    }

    @Test
    void topNRanksByUssWithLimitAtLeastOne() {
        List<ProcessSample> ps = List.of(
                proc(1, "a", DB, 9000, 10L, 100L),
                proc(2, "b", DB, 1, 10L, 300L),
                proc(3, "c", DB, 5, 10L, 200L),
                proc(4, "d", DB, 7, 10L, null));
        String text = scrape(snapshot(ps), cfgWith(b -> b.topNSubgroup(3)));
        List<String> top = lines(text, "herakles_proc_mem_top_rss_bytes{");
        assertThat(top).containsExactlyInAnyOrder(
                "herakles_proc_mem_top_rss_bytes{group=\"db\",name=\"b\",pid=\"2\",rank=\"1\",subgroup=\"postgres\"} 1.0",
                "herakles_proc_mem_top_rss_bytes{group=\"db\",name=\"c\",pid=\"3\",rank=\"2\",subgroup=\"postgres\"} 5.0",
                "herakles_proc_mem_top_rss_bytes{group=\"db\",name=\"a\",pid=\"1\",rank=\"3\",subgroup=\"postgres\"} 9000.0");
        String zero = scrape(snapshot(ps), cfgWith(b -> b.topNSubgroup(0)));
        assertThat(lines(zero, "herakles_proc_mem_top_uss_bytes{")).hasSize(1).first().asString().contains("pid=\"2\"");
        // per-process series are not limited by top_n_subgroup
        assertThat(lines(zero, "herakles_proc_mem_rss_bytes{")).hasSize(4);
    }

    @Test
    void otherBucketsUseTopNOthersForTheirTopN() {
        List<ProcessSample> ps = new ArrayList<>();
        for (int pid = 1; pid <= 6; pid++) {
            ps.add(proc(pid, "x", new GroupKey("misc", "others"), 10, 10L, (long) pid));
        }
        String text = scrape(snapshot(ps), cfgWith(b -> { b.topNOthers(5); b.topNSubgroup(1); }));
        assertThat(lines(text, "herakles_proc_mem_top_uss_bytes{")).hasSize(5);
        String none = scrape(snapshot(ps), cfgWith(b -> b.topNOthers(0)));
        assertThat(lines(none, "herakles_proc_mem_top_uss_bytes{")).hasSize(1);
    }

    @Test
    void zeroTopNOthersExportsNoOtherProcesses() {
        String text = scrape(snapshot(List.of(proc(1, "x", GroupKey.OTHER, 10, 10L, 10L),
                proc(2, "pg", DB, 10, 10L, 10L))), cfgWith(b -> b.topNOthers(0)));
        assertThat(text).doesNotContain("group=\"other\"");
        assertThat(text).contains("herakles_proc_mem_processes 1.0\n");
    }

    @Test
    void enableFlagsGateEveryFamilyOfTheirKind() {
        List<ProcessSample> ps = List.of(proc(1, "pg", DB, 10, 20L, 30L));
        String noRss = scrape(snapshot(ps), cfgWith(b -> b.enableRss(false)));
        assertThat(noRss).doesNotContain("herakles_proc_mem_rss_bytes").doesNotContain("group_rss")
                .doesNotContain("top_rss").contains("herakles_proc_mem_pss_bytes{");
        String noCpu = scrape(snapshot(ps), cfgWith(b -> b.enableCpu(false)));
        assertThat(noCpu).doesNotContain("cpu_percent").doesNotContain("cpu_time")
                .contains("herakles_system_cpu_usage_ratio");
        String noPssUss = scrape(snapshot(ps), cfgWith(b -> { b.enablePss(false); b.enableUss(false); }));
        assertThat(noPssUss).doesNotContain("pss").doesNotContain("uss").contains("herakles_proc_mem_rss_bytes{");
        String all = scrape(snapshot(ps), DEFAULTS);
        assertThat(all).contains("jvm_memory_used_bytes{area=\"heap\"} ").contains("process_cpu_seconds_total ")
                .contains("# TYPE jvm_gc_collection_seconds summary");
        String noJvm = scrape(snapshot(ps), cfgWith(b -> b.enableDefaultCollectors(false)));
        assertThat(noJvm).doesNotContain("jvm_").doesNotContain("process_cpu_seconds_total");
        String noTelemetry = scrape(snapshot(ps), cfgWith(b -> b.enableTelemetry(false)));
        assertThat(noTelemetry).doesNotContain("herakles_exporter_").contains("herakles_proc_mem_cache_updating");
    }

    @Test
    void absentPssAndUssGiveNoSeriesAndStayOutOfSums() {
        String text = scrape(snapshot(List.of(
                proc(1, "pg", DB, 100, null, null),
                proc(2, "pg", DB, 100, 40L, 30L),
                proc(3, "lonely", new GroupKey("web", "nginx"), 100, null, null))), DEFAULTS);
        assertThat(lines(text, "herakles_proc_mem_pss_bytes{")).hasSize(1).first().asString().contains("pid=\"2\"");
        assertThat(lines(text, "herakles_proc_mem_uss_bytes{")).hasSize(1);
        assertThat(lines(text, "herakles_proc_mem_rss_bytes{")).hasSize(3);
        assertThat(text).contains("herakles_proc_mem_group_pss_bytes_sum{group=\"db\",subgroup=\"postgres\"} 40.0\n");
        assertThat(text).doesNotContain("herakles_proc_mem_group_pss_bytes_sum{group=\"web\"");
        assertThat(text).doesNotContain("herakles_proc_mem_top_uss_bytes{group=\"web\"");
        assertThat(text).contains("herakles_proc_mem_top_rss_bytes{group=\"web\"");
    }

    @Test
    void labelValuesAreEscapedAndInvalidUtf16Replaced() {
        String weird = "a\"b\\c\nd\uFFFDe\uD800f";
        String text = scrape(snapshot(List.of(proc(1, weird, DB, 10, 10L, 10L))), DEFAULTS);
        assertThat(text).contains("name=\"a\\\"b\\\\c\\nd\uFFFDe\uFFFDf\"");
        assertThat(text).doesNotContain("?f");
    }

    @Test
    void withoutSnapshotServesOnlyWhatIsKnown() {
        String text = scrape(null, DEFAULTS);
        assertThat(text).contains("herakles_proc_mem_cache_updating 0.0\n")
                .contains("herakles_exporter_uptime_seconds ")
                .contains("herakles_proc_mem_scrape_duration_seconds ")
                .doesNotContain("herakles_proc_mem_processes ")
                .doesNotContain("herakles_proc_mem_cache_update_success")
                .doesNotContain("herakles_system_");
    }

    @Test
    void failedCollectionIsReportedAsCacheUpdateFailure() {
        var s = new io.herakles.procmem.model.Snapshot(2, java.time.Instant.now(), "/proc", List.of(),
                TestSnapshots.system(), TestSnapshots.stats(false));
        String text = scrape(s, DEFAULTS);
        assertThat(text).contains("herakles_proc_mem_cache_update_success 0.0\n")
                .contains("herakles_exporter_collection_failures_total 1.0\n");
        assertThat(lines(text, "herakles_proc_mem_rss_bytes")).isEmpty();
    }

    @Test
    void snapshotFamiliesAreBuiltOncePerSnapshotAndSelfMetricsPerScrape() {
        var publisher = TestSnapshots.publisher(snapshot(List.of(proc(1, "pg", DB, 10, 20L, 30L))));
        SnapshotCollector c = new SnapshotCollector(publisher, DEFAULTS, new ExporterTelemetry(), "t");
        var first = family(c.collect(), "herakles_proc_mem_rss_bytes");
        var second = family(c.collect(), "herakles_proc_mem_rss_bytes");
        assertThat(second).isSameAs(first);
        assertThat(family(c.collect(), "herakles_exporter_uptime_seconds"))
                .isNotSameAs(family(c.collect(), "herakles_exporter_uptime_seconds"));
        publisher.publish(snapshot(List.of(proc(2, "pg", DB, 99, 20L, 30L))));
        var third = family(c.collect(), "herakles_proc_mem_rss_bytes");
        assertThat(third).isNotSameAs(first);
        assertThat(third.getDataPoints().get(0).getLabels().get("pid")).isEqualTo("2");
    }

    @Test
    void slicedWritesArriveWhole() throws Exception {
        byte[] data = new byte[SlicedOutputStream.SLICE * 3 + 17];
        new java.util.Random(3).nextBytes(data);
        java.util.List<Integer> writes = new ArrayList<>();
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                writes.add(len);
                super.write(b, off, len);
            }
        };
        try (var out = new SlicedOutputStream(sink)) {
            out.write(data, 0, data.length);
        }
        assertThat(sink.toByteArray()).isEqualTo(data);
        assertThat(writes).allSatisfy(len -> assertThat(len).isLessThanOrEqualTo(SlicedOutputStream.SLICE)).hasSize(4);
    }

    private static io.prometheus.metrics.model.snapshots.MetricSnapshot family(
            io.prometheus.metrics.model.snapshots.MetricSnapshots all, String name) {
        return all.stream().filter(f -> f.getMetadata().getPrometheusName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aDuplicatedPidDoesNotBreakTheScrape() {
        String text = scrape(snapshot(List.of(proc(7, "a", DB, 10, 10L, 10L), proc(7, "b", DB, 20, 20L, 20L))), DEFAULTS);
        assertThat(lines(text, "herakles_proc_mem_rss_bytes{")).hasSize(1);
        assertThat(text).contains("herakles_proc_mem_processes 1.0\n");
    }

    private static ExporterConfig cfgWith(java.util.function.Consumer<ExporterConfig.Builder> change) {
        ExporterConfig.Builder b = ExporterConfig.builder();
        change.accept(b);
        return b.build();
    }
}
