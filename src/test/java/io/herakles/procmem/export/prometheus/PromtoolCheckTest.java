package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.TestSnapshots.DB;
import static io.herakles.procmem.export.prometheus.TestSnapshots.proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Our exposition passes {@code promtool check metrics} (the linter Prometheus users run), except
 * for one finding we keep on purpose: upstream's five {@code herakles_proc_mem_group_*_sum} gauges
 * end in {@code _sum}, which promtool reserves for histograms and summaries. Renaming them would
 * break every upstream dashboard, so the test pins exactly those five lines and nothing else.
 */
class PromtoolCheckTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void promtoolFindsNoProblems() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed (CI installs it)");
        String text = TestSnapshots.scrape(TestSnapshots.snapshot(List.of(
                proc(1, "postgres", DB, 3000, 2000L, 1000L),
                proc(2, "we\"ird\\ na\nme\uFFFD", new GroupKey("web", "nginx"), 10, null, null),
                proc(3, "tool", GroupKey.OTHER, 500, 400L, 300L))), ExporterConfig.defaults());
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (InputStream out = p.getInputStream()) {
            out.transferTo(report);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> findings = report.toString(StandardCharsets.UTF_8).lines().sorted().toList();
        assertThat(findings).containsExactly(
                sumFinding("cpu_percent"), sumFinding("cpu_time_seconds"), sumFinding("pss_bytes"),
                sumFinding("rss_bytes"), sumFinding("uss_bytes"));
    }

    private static String sumFinding(String what) {
        return "herakles_proc_mem_group_" + what + "_sum non-histogram and non-summary metrics should not have \"_sum\" suffix";
    }
}
