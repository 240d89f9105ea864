package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a snapshot file can be wrong, with the exact one-line message the user sees. */
class SnapshotJsonReaderErrorsTest {

    /** Upstream's example process, field → raw JSON value, in upstream's order. */
    private static final Map<String, String> FIELDS = upstreamProcess();
    private static final String GOOD = process(FIELDS);

    /** Upstream's example process as a new, changeable map (field → raw JSON value). */
    static Map<String, String> upstreamProcess() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pid", "1000");
        m.put("name", "\"postgres\"");
        m.put("group", "\"db\"");
        m.put("subgroup", "\"postgres\"");
        m.put("rss", "536870912");
        m.put("pss", "469762048");
        m.put("uss", "402653184");
        m.put("cpu_percent", "2.5");
        m.put("cpu_time_seconds", "1234.5");
        return m;
    }

    private static String process(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{ ");
        fields.forEach((k, v) -> out.append(out.length() > 2 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return out.append(" }").toString();
    }

    @TempDir
    Path dir;

    private String message(String content) throws Exception {
        Path file = Files.writeString(dir.resolve("snap.json"), content);
        try {
            SnapshotJsonReader.read(file);
        } catch (SnapshotFileException e) {
            String prefix = file + ": ";
            assertThat(e.getMessage()).startsWith(prefix).doesNotContain("\n");
            return e.getMessage().substring(prefix.length());
        }
        throw new AssertionError("no error for " + content);
    }

    private static String doc(String... processes) {
        return "{ \"version\": \"1.0\", \"generated_at\": \"2025-12-01T10:00:00Z\", \"processes\": ["
                + String.join(",", processes) + "] }";
    }

    /** GOOD with one field's raw value replaced by {@code value}, or the field removed when {@code value} is null. */
    private static String with(String field, String value) {
        Map<String, String> m = new LinkedHashMap<>(FIELDS);
        if (value == null) {
            m.remove(field);
        } else {
            m.put(field, value);
        }
        return process(m);
    }

    @Test
    void negativeSizeNamesFileIndexPidAndField() throws Exception {
        assertThat(message(doc(GOOD.replace("1000", "999"), GOOD.replace("1000", "998"), GOOD.replace("1000", "997"),
                with("rss", "-5").replace("1000", "1203"))))
                .isEqualTo("processes[3] (pid 1203): field 'rss' must be a non-negative integer, got -5");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "rss              | -5        | field 'rss' must be a non-negative integer, got -5",
        "rss              | 1.5       | field 'rss' must be a non-negative integer, got 1.5",
        "rss              | null      | field 'rss' must be a non-negative integer, got null",
        "rss              | \"big\"   | field 'rss' must be a non-negative integer, got \"big\"",
        "rss              | 99999999999999999999 | field 'rss' is too large (at most 9223372036854775807), got 99999999999999999999",
        "pss              | -1        | field 'pss' must be a non-negative integer or null, got -1",
        "uss              | true      | field 'uss' must be a non-negative integer or null, got true",
        "cpu_percent      | -0.5      | field 'cpu_percent' must be a non-negative number, got -0.5",
        "cpu_time_seconds | \"12\"    | field 'cpu_time_seconds' must be a non-negative number, got \"12\"",
        "cpu_percent      | 1e400     | field 'cpu_percent' must be a non-negative number, got Infinity",
        "name             | 5         | field 'name' must be a string, got 5",
        "group            | null      | field 'group' must be a string, got null",
        "subgroup         | [1]       | field 'subgroup' must be a string, got an array",
    })
    void wrongValueOfAProcessField(String field, String value, String expected) throws Exception {
        assertThat(message(doc(with(field, value)))).isEqualTo("processes[0] (pid 1000): " + expected);
    }

    @ParameterizedTest
    @CsvSource({"name", "group", "subgroup", "rss", "pss", "uss", "cpu_percent", "cpu_time_seconds"})
    void missingRequiredProcessField(String field) throws Exception {
        assertThat(message(doc(with(field, null))))
                .isEqualTo("processes[0] (pid 1000): missing required field '" + field + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0          | got 0",
        "-3         | got -3",
        "4294967295 | got 4294967295",
        "12.0       | got 12.0",
        "\"1000\"   | got \"1000\"",
    })
    void badPidNamesTheIndexOnly(String pid, String got) throws Exception {
        assertThat(message(doc(GOOD, GOOD.replace("1000", pid))))
                .isEqualTo("processes[1]: field 'pid' must be a positive integer, " + got);
    }

    @Test
    void missingPid() throws Exception {
        assertThat(message(doc(with("pid", null)))).isEqualTo("processes[0]: missing required field 'pid'");
    }

    @Test
    void duplicatePidNamesBothIndices() throws Exception {
        assertThat(message(doc(GOOD, GOOD.replace("1000", "1001"), GOOD)))
                .isEqualTo("processes[2] (pid 1000): duplicate pid, already used by processes[0]");
    }

    @Test
    void processThatIsNotAnObject() throws Exception {
        assertThat(message(doc(GOOD, "42"))).isEqualTo("processes[1]: must be an object, got 42");
    }

    @Test
    void wrongTypeOfAnExtraField() throws Exception {
        assertThat(message(doc(GOOD.replace("}", ", \"threads\": -2 }"))))
                .isEqualTo("processes[0] (pid 1000): field 'threads' must be a non-negative integer or null, got -2");
        assertThat(message(doc(GOOD.replace("}", ", \"start_time\": \"yesterday\" }"))))
                .isEqualTo("processes[0] (pid 1000): field 'start_time' must be an ISO-8601 time such as "
                        + "\"2025-12-01T10:00:00Z\" or null, got \"yesterday\"");
        assertThat(message(doc(GOOD.replace("}", ", \"state\": \"Sleeping\" }"))))
                .isEqualTo("processes[0] (pid 1000): field 'state' must be a one-letter string or null, got \"Sleeping\"");
    }

    @Test
    void badSystemObject() throws Exception {
        String withSystem = doc(GOOD).replace("\"processes\"", "\"system\": { \"load1\": \"high\" }, \"processes\"");
        assertThat(message(withSystem)).isEqualTo("system: field 'load1' must be a non-negative number or null, got \"high\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "version      | missing required field 'version'",
        "generated_at | missing required field 'generated_at'",
        "processes    | missing required field 'processes'",
    })
    void missingTopLevelField(String field, String expected) throws Exception {
        Map<String, String> top = new LinkedHashMap<>();
        top.put("version", "\"1.0\"");
        top.put("generated_at", "\"2025-12-01T10:00:00Z\"");
        top.put("processes", "[" + GOOD + "]");
        top.remove(field);
        String content = process(top);
        assertThat(message(content)).isEqualTo(expected);
    }

    @Test
    void wrongTopLevelTypes() throws Exception {
        assertThat(message(doc(GOOD).replace("\"1.0\"", "1"))).isEqualTo("field 'version' must be a string, got 1");
        assertThat(message("{ \"version\": \"1.0\", \"generated_at\": \"x\", \"processes\": {} }"))
                .isEqualTo("field 'processes' must be an array, got an object");
    }

    @Test
    void topLevelThatIsNotAnObject() throws Exception {
        assertThat(message("[" + GOOD + "]")).isEqualTo("top level must be a JSON object, got an array");
        assertThat(message("\"text\"")).isEqualTo("top level must be a JSON object, got \"text\"");
    }

    @Test
    void emptyFile() throws Exception {
        assertThat(message("  \n")).isEqualTo("empty file, expected a JSON object");
    }

    @Test
    void notJsonGivesLineAndColumn() throws Exception {
        assertThat(message("{\n  \"version\": \"1.0\",\n  oops\n}"))
                .isEqualTo("not valid JSON at line 3, column 3: Unexpected character ('o' (code 111)): "
                        + "was expecting double-quote to start field name");
        assertThat(message("{ \"version\": \"1.0\" } trailing"))
                .startsWith("not valid JSON at line 1, column ");
        assertThat(message(doc(GOOD).substring(0, 60))).startsWith("not valid JSON at line 1, column ");
    }

    @Test
    void invalidUtf8IsNotJsonWithAPosition() throws Exception {
        byte[] head = "{ \"version\": \"1.0\", \"generated_at\": \"x\",\n  \"processes\": [ { \"name\": \"".getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] content = java.util.Arrays.copyOf(head, head.length + 4);
        content[head.length] = (byte) 0xff;
        content[head.length + 1] = '"';
        content[head.length + 2] = '}';
        content[head.length + 3] = ']';
        Path file = Files.write(dir.resolve("snap.json"), content);

        assertThatThrownBy(() -> SnapshotJsonReader.read(file))
                .isInstanceOf(SnapshotFileException.class)
                .hasMessageStartingWith(file + ": not valid JSON at line 2, column ")
                .hasMessageContaining("Invalid UTF-8");
    }

    @Test
    void integerCpuFiguresAreFine() throws Exception {
        Path file = Files.writeString(dir.resolve("int.json"), doc(with("cpu_percent", "5")));
        assertThat(SnapshotJsonReader.read(file).processes().get(0).cpuPercent()).isEqualTo(5.0);
    }

    @Test
    void duplicateKeyInOneObjectIsRefused() throws Exception {
        assertThat(message(doc(GOOD.replace("\"name\": \"postgres\"", "\"name\": \"a\", \"name\": \"b\""))))
                .startsWith("not valid JSON at line 1, column ").contains("Duplicate field 'name'");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> SnapshotJsonReader.read(file))
                .isInstanceOf(SnapshotFileException.class).hasMessage(file + ": file not found");
    }

    @Test
    void directoryInsteadOfFile() {
        assertThatThrownBy(() -> SnapshotJsonReader.read(dir))
                .isInstanceOf(SnapshotFileException.class).hasMessage(dir + ": is a directory, not a snapshot file");
    }

    @Test
    void unreadableFile() throws Exception {
        Path file = Files.writeString(dir.resolve("secret.json"), doc(GOOD));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        // root reads any file regardless of mode bits; there is nothing to test then
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as root");
        assertThatThrownBy(() -> SnapshotJsonReader.read(file))
                .isInstanceOf(SnapshotFileException.class).hasMessage(file + ": cannot read: permission denied");
    }

    @Test
    void fileWhoseReadFails() {
        // reading /proc/self/mem at offset 0 fails with EIO even for root: an unreadable file that exists
        Path mem = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(mem));
        assertThatThrownBy(() -> SnapshotJsonReader.read(mem))
                .isInstanceOf(SnapshotFileException.class)
                .hasMessageStartingWith("/proc/self/mem: cannot read: ")
                .message().doesNotContain("\n");
    }

    @Test
    void lenientWhereUpstreamIsLenient() throws Exception {
        String odd = doc(GOOD.replace("}", ", \"unknown_field\": {\"x\": [1]} }"))
                .replace("\"1.0\"", "\"99-whatever\"").replace("2025-12-01T10:00:00Z", "not a date");
        Path file = Files.writeString(dir.resolve("odd.json"), odd);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));

        var snapshot = SnapshotJsonReader.read(file);
        assertThat(snapshot.processes()).hasSize(1);
        assertThat(snapshot.takenAt()).isEqualTo(java.time.Instant.ofEpochMilli(1_700_000_000_000L));
    }
}
