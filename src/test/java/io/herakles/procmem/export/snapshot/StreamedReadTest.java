package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streamed read ({@code SnapshotJsonReader.streamed}: processes read straight from the tokens) and the
 * whole-document tree ({@code fromTree}) agree on every document: the same snapshot where both read
 * it, the same message where the tree refuses it. Each process field is tried with every kind of JSON value, one at a time and missing.
 */
class StreamedReadTest {

    private static final List<String> VALUES = List.of("1", "0", "-1", "2147483647", "2147483648", "9223372036854775807",
            "9223372036854775808", "1.0", "2.5", "-0.5", "1e400", "\"text\"", "\"R\"", "\"\"", "\"2025-12-01T10:00:00Z\"",
            "\"2025-12-01\"", "null", "true", "{}", "[]", "[1]", "{\"a\":1}");

    /** Upstream's example process with every field of ours as well, and one we do not know. */
    private static Map<String, String> base() {
        Map<String, String> m = SnapshotJsonReaderErrorsTest.upstreamProcess();
        m.put("ppid", "1");
        m.put("cmdline", "\"postgres -D /var/lib\"");
        m.put("uid", "70");
        m.put("user", "\"postgres\"");
        m.put("state", "\"S\"");
        m.put("threads", "8");
        m.put("start_time", "\"2025-12-01T09:00:00Z\"");
        m.put("matched_rule", "\"db/postgres\"");
        for (String f : List.of("rss_anon", "rss_file", "rss_shmem", "swap", "pss_anon", "pss_file", "pss_shmem", "swap_pss")) {
            m.put(f, "4096");
        }
        m.put("unknown_extra", "{\"x\": [1, 2]}");
        return m;
    }

    private static String document(Map<String, String> process) {
        StringBuilder p = new StringBuilder("{");
        process.forEach((k, v) -> p.append(p.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        p.append('}');
        return "{\"version\":\"1.0\",\"generated_at\":\"2025-12-01T10:00:00Z\",\"processes\":[{\"pid\":7,\"name\":\"a\","
                + "\"group\":\"g\",\"subgroup\":\"s\",\"rss\":1,\"pss\":null,\"uss\":null,\"cpu_percent\":0,"
                + "\"cpu_time_seconds\":0}," + p + "]}";
    }

    @Test
    void theFastPathReadsExactlyWhatTheTreePathReads() throws Exception {
        List<String> documents = new ArrayList<>();
        documents.add(document(base()));
        for (String field : base().keySet()) {
            Map<String, String> missing = base();
            missing.remove(field);
            documents.add(document(missing));
            for (String value : VALUES) {
                Map<String, String> changed = base();
                changed.put(field, value);
                documents.add(document(changed));
            }
        }
        int bothRead = 0;
        int streamed = 0;
        for (String doc : documents) {
            String viaParse = outcome(() -> SnapshotJsonReader.parse(doc.getBytes(StandardCharsets.UTF_8), "f", "src"));
            String viaTree = outcome(() -> SnapshotJsonReader.fromTree(new ObjectMapper().readTree(doc), "f", "src",
                    Instant.EPOCH));
            assertThat(viaParse).as(doc).isEqualTo(viaTree);
            bothRead += viaTree.startsWith("read:") ? 1 : 0;
            streamed += outcome(() -> SnapshotJsonReader.streamed(doc.getBytes(StandardCharsets.UTF_8), "f", "src",
                    Instant.EPOCH)).startsWith("read:") ? 1 : 0;
        }
        assertThat(streamed).as("documents the streamed read took itself, not by falling back to the tree")
                .isEqualTo(bothRead);
        assertThat(bothRead).as("documents both paths read").isGreaterThan(100);
        assertThat(documents.size() - bothRead).as("documents both refuse").isGreaterThan(100);
    }

    @Test
    void duplicateKeysAnywhereAreStillRefused() {
        // the processes array is read with the parser's own duplicate detection off (DirectProcessReader finds them)
        String process = "\"pid\":8,\"name\":\"b\",\"group\":\"g\",\"subgroup\":\"s\",\"rss\":1,\"pss\":null,\"uss\":null,"
                + "\"cpu_percent\":0,\"cpu_time_seconds\":0";
        String top = "\"version\":\"1.0\",\"generated_at\":\"2025-12-01T10:00:00Z\"";
        for (String doc : List.of(
                "{" + top + ",\"processes\":[{" + process + ",\"rss\":2}]}",
                "{" + top + ",\"processes\":[{" + process + ",\"extra\":1,\"extra\":2}]}",
                "{" + top + ",\"processes\":[{" + process + ",\"extra\":{\"a\":1,\"a\":2}}]}",
                "{" + top + ",\"processes\":[{" + process + ",\"extra\":[{\"a\":[1],\"a\":2}]}]}",
                "{" + top + ",\"processes\":[{" + process + "}],\"version\":\"1.0\"}",
                "{" + top + ",\"processes\":[{" + process + "}],\"system\":{\"load1\":1,\"load1\":2}}")) {
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            assertThat(outcome(() -> SnapshotJsonReader.parse(bytes, "f", "src"))).as(doc)
                    .startsWith("refused: f: not valid JSON").containsIgnoringCase("duplicate");
            assertThat(outcome(() -> SnapshotJsonReader.streamed(bytes, "f", "src", Instant.EPOCH))).as(doc)
                    .doesNotStartWith("read:");
        }
        String fine = "{" + top + ",\"processes\":[{" + process + ",\"extra\":{\"a\":1,\"b\":[{\"a\":1}]}},{"
                + process.replace("\"pid\":8", "\"pid\":9") + "}],\"system\":{\"load1\":1}}";
        assertThat(outcome(() -> SnapshotJsonReader.streamed(fine.getBytes(StandardCharsets.UTF_8), "f", "src",
                Instant.EPOCH))).as("the same keys in different objects are no duplicates").startsWith("read:");
    }

    @Test
    void duplicatePidsAndOddArraysAreNamedAsBefore() {
        String dup = document(Map.of("pid", "7", "name", "\"b\"", "group", "\"g\"", "subgroup", "\"s\"", "rss", "1",
                "pss", "1", "uss", "1", "cpu_percent", "0", "cpu_time_seconds", "0"));
        assertThat(outcome(() -> SnapshotJsonReader.parse(dup.getBytes(StandardCharsets.UTF_8), "f", "src")))
                .contains("duplicate pid, already used by processes[0]");
        String notObject = "{\"version\":\"1\",\"generated_at\":\"x\",\"processes\":[1]}";
        assertThat(outcome(() -> SnapshotJsonReader.parse(notObject.getBytes(StandardCharsets.UTF_8), "f", "src")))
                .isEqualTo("refused: f: processes[0]: must be an object, got 1");
    }

    private interface Read {
        io.herakles.procmem.model.Snapshot read() throws Exception;
    }

    private static String outcome(Read read) {
        try {
            var s = read.read();
            if (s == null) {
                return "not streamed";
            }
            return "read: " + s.takenAt() + " " + s.system() + " " + s.processes();
        } catch (SnapshotFileException e) {
            return "refused: " + e.getMessage();
        } catch (Exception e) {
            return "other: " + e;
        }
    }
}
