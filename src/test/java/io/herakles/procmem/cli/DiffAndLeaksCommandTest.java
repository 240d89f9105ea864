package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herakles.procmem.export.recording.RecordingHeader;
import io.herakles.procmem.export.recording.RecordingWriter;
import io.herakles.procmem.export.snapshot.SnapshotJsonWriter;
import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff} and {@code leaks} in this JVM on files written here. */
class DiffAndLeaksCommandTest {

    private static final long MIB = 1 << 20;
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** pid 100 "leaky" grows 1 MiB per sample; pid 200 "steady" stays; pid 300 appears at sample 5. */
    private static Snapshot sample(int i) {
        List<ProcessSample> ps = new java.util.ArrayList<>(List.of(
                ProcessSample.builder(100, "leaky").group(new GroupKey("app", "leaky")).startTime(T0)
                        .rssBytes(300 * MIB).ussBytes((50 + i) * MIB).build(),
                ProcessSample.builder(200, "steady").group(new GroupKey("db", "pg")).startTime(T0)
                        .rssBytes(300 * MIB).ussBytes(80 * MIB).build()));
        if (i >= 5) {
            ps.add(ProcessSample.builder(300, "late").startTime(T0.plusSeconds(290)).rssBytes(MIB).ussBytes(MIB).build());
        }
        return new Snapshot(i, T0.plus(Duration.ofMinutes(i)), "t", ps, SystemSample.UNKNOWN, CollectionStats.NONE);
    }

    private Path recording(int samples) throws Exception {
        Path file = dir.resolve("rec.hrec");
        try (RecordingWriter w = RecordingWriter.create(file, RecordingHeader.now(T0, Duration.ofMinutes(1), "t"), false)) {
            for (int i = 0; i < samples; i++) {
                w.append(sample(i));
            }
        }
        return file;
    }

    @Test
    void diffOfARecordingComparesItsFirstAndLastSample() throws Exception {
        Path rec = recording(10);
        InProcessCli r = InProcessCli.run("--no-config", "diff", rec.toString(), rec.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.get(2)).contains("+9.0", "50.0", "59.0", "grew", "pid", "leaky");
        assertThat(lines.get(3)).contains("+1.0", "new", "late");
        assertThat(r.stdout()).contains("1 new, 0 gone", "paired by pid+start time 2");
    }

    @Test
    void diffAtATimeAndAsJson() throws Exception {
        Path rec = recording(10);
        Path snap = dir.resolve("first.json");
        SnapshotJsonWriter.writeFile(sample(0), snap);
        InProcessCli r = InProcessCli.run("--no-config", "diff", snap.toString(), rec + "@2026-12-04T10:03:10Z",
                "--format", "json", "--by", "subgroup");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode n = JSON.readTree(r.stdout());
        assertThat(n.get("after_time").asText()).isEqualTo("2026-12-04T10:03:00Z");
        JsonNode top = n.get("rows").get(0);
        assertThat(top.get("name").asText()).isEqualTo("app/leaky");
        assertThat(top.get("delta_bytes").asLong()).isEqualTo(3 * MIB);
        assertThat(top.get("matched_by").asText()).isEqualTo("key");
    }

    @Test
    void diffRefusesBadInputInOneLine() throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        InProcessCli r = InProcessCli.run("--no-config", "diff", junk.toString(), "live");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.stderr().lines()).hasSize(1).first().asString().startsWith("Error: " + junk + ": ");
        InProcessCli m = InProcessCli.run("--no-config", "diff", junk.toString(), junk.toString(), "--metric", "vss");
        assertThat(m.stderr().strip()).isEqualTo("Error: --metric: expected uss|pss|rss, got 'vss'");
        InProcessCli t = InProcessCli.run("--no-config", "diff", recording(6) + "@yesterday", "live");
        assertThat(t.stderr().strip()).contains("expected FILE@TIME with TIME like 2026-12-04T10:00, got 'yesterday'");

        // the two sides are read at once: a bad AFTER is still one line about AFTER, and with both
        // bad the line is about BEFORE, as when they were read one after the other
        Path good = dir.resolve("rec.hrec");     // written by recording(6) above
        InProcessCli after = InProcessCli.run("--no-config", "diff", good.toString(), junk.toString());
        assertThat(after.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(after.stderr().lines()).hasSize(1).first().asString().startsWith("Error: " + junk + ": ");
        Path missing = dir.resolve("missing.json");
        InProcessCli both = InProcessCli.run("--no-config", "diff", missing.toString(), junk.toString());
        assertThat(both.stderr().lines()).hasSize(1).first().asString().contains(missing.toString());
    }

    @Test
    void leaksRanksTheGrowerAndNotTheSteadyOnes() throws Exception {
        Path rec = recording(30);
        InProcessCli r = InProcessCli.run("leaks", rec.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Processes:", "leaky (app/leaky)", "Subgroups:", "app/leaky")
                .doesNotContain("steady", "db/pg");
        JsonNode n = JSON.readTree(InProcessCli.run("leaks", rec.toString(), "--format", "json").stdout());
        assertThat(n.get("processes")).hasSize(1);
        assertThat(n.get("processes").get(0).get("mib_per_hour").asDouble()).isBetween(59.0, 61.0);
        assertThat(n.get("processes").get(0).get("hours_until_exhausted").isNull()).isTrue();
    }

    @Test
    void leaksOnACutRecordingWarnsAndGoesOn() throws Exception {
        Path rec = recording(30);
        byte[] all = Files.readAllBytes(rec);
        Files.write(rec, java.util.Arrays.copyOf(all, all.length - 10));
        InProcessCli r = InProcessCli.run("leaks", rec.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).startsWith("Warning: " + rec + ": cut short at byte");
        assertThat(r.stdout()).contains("29 samples");
    }
}
