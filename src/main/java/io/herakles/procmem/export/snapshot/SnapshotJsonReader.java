package io.herakles.procmem.export.snapshot;

import static io.herakles.procmem.export.snapshot.JsonFields.*;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Loads a snapshot file (upstream's test-data JSON, or ours with extra fields) strictly: anything
 * that does not fit the format is a {@link SnapshotFileException} with a one-line message naming
 * the file, the process index and pid when known, and the field. Stateless, thread-safe.
 *
 * <p>Required, as upstream requires them: top-level {@code version} and {@code generated_at}
 * (strings) and {@code processes} (array); per process {@code pid} (1..2^31-1), {@code name},
 * {@code group}, {@code subgroup} (strings), {@code rss}, {@code pss}, {@code uss} (non-negative
 * integers, bytes; {@code pss}/{@code uss} may be {@code null} = absent, our extension),
 * {@code cpu_percent}, {@code cpu_time_seconds} (non-negative numbers). Our extra fields are
 * optional but type-checked when present; unknown fields are ignored. Duplicate pids and duplicate
 * keys in one object are refused (upstream silently let the later pid win).
 *
 * <p>Lenient where upstream is: the {@code version} value is not checked; {@code generated_at} is
 * used as {@code takenAt} when it is an ISO-8601 time with offset, otherwise the file's mtime is.
 * Group and subgroup are kept as given (callers may re-classify, as upstream does). The snapshot's
 * source is {@code "file: NAME"}, its sequence 0, its stats {@link CollectionStats#NONE}; processes
 * are sorted by pid.
 */
public final class SnapshotJsonReader {

    /**
     * The strict whole-document reader: for a document the streamed read does not take (its message
     * is the one reported) and for bodies received over HTTP. Made on first use: reading well-formed
     * files needs only jackson-core ({@link TokenTree}), and the mapper's classes and initialisation
     * were ~30 ms of a {@code diff}'s start.
     */
    private static final class Strict {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)   // as TokenTree's: the same doubles either way
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .nodeFactory(NODES)
                .build();
    }

    /**
     * Objects made with room for a process's 25 fields: the default map of 16 grew twice per
     * process, the largest single cost of reading a 3,000-process snapshot (a recording's keyframe).
     */
    private static final class RoomyNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new java.util.LinkedHashMap<>(48));
        }
    }

    private static final JsonNodeFactory NODES = new RoomyNodeFactory();

    private SnapshotJsonReader() {}

    /** Reads and validates {@code file}. */
    public static Snapshot read(Path file) throws SnapshotFileException {
        String shown = file.toString();
        Instant mtime = modificationTime(file, shown);
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(shown, e);
        }
        return fromBytes(json, json.length, shown, "file: " + file.getFileName(), mtime, UnaryOperator.identity());
    }

    /**
     * Parses and validates one snapshot held in {@code json} (e.g. a line of a recording);
     * {@code shown} prefixes error messages, {@code source} becomes the snapshot's source.
     */
    public static Snapshot parse(byte[] json, String shown, String source) throws SnapshotFileException {
        return parse(json, json.length, shown, source, UnaryOperator.identity());
    }

    /**
     * As {@link #parse(byte[], String, String)}, the snapshot in the first {@code length} bytes of
     * {@code json}, each text of a process passed through {@code strings} (a pool, so that many
     * snapshots read in one program share their repeated texts).
     */
    public static Snapshot parse(byte[] json, int length, String shown, String source, UnaryOperator<String> strings)
            throws SnapshotFileException {
        return fromBytes(json, length, shown, source, Instant.EPOCH, strings);
    }

    /**
     * Reads the {@code processes} array one object at a time, straight into processes, and the rest as a tree. The whole
     * document as a tree is about 10 MB of nodes at 3,000 processes, alive until the last process is
     * read: more than the desktop's young generation, so it was promoted and filled the old one (a
     * recording's timeline ran a full collection every few jumps). A document that does not fit, in
     * any way, is read again as a whole tree, whose one-line message is the one reported: the two
     * paths cannot disagree about what a bad file is called.
     */
    private static Snapshot fromBytes(byte[] json, int length, String shown, String source, Instant fallbackTakenAt,
            UnaryOperator<String> strings) throws SnapshotFileException {
        try {
            Snapshot streamed = streamed(json, length, shown, source, fallbackTakenAt, strings);
            if (streamed != null) {
                return streamed;
            }
        } catch (SnapshotFileException | IOException | RuntimeException e) {
            // read again below, the strict way, for the message
        }
        JsonNode root;
        try {
            root = Strict.MAPPER.readTree(json, 0, length);
        } catch (JsonProcessingException e) {
            throw notJson(shown, e);
        } catch (IOException e) {
            throw unreadable(shown, e);
        }
        return fromTree(root, shown, source, fallbackTakenAt);
    }

    /** The document read with its processes streamed; null where it does not have the expected shape. */
    static Snapshot streamed(byte[] json, String shown, String source, Instant fallbackTakenAt)
            throws IOException, SnapshotFileException {
        return streamed(json, json.length, shown, source, fallbackTakenAt, UnaryOperator.identity());
    }

    private static Snapshot streamed(byte[] json, int length, String shown, String source, Instant fallbackTakenAt,
            UnaryOperator<String> strings) throws IOException, SnapshotFileException {
        ObjectNode root = NODES.objectNode();
        List<ProcessSample> processes = null;
        try (JsonParser p = TokenTree.parser(json, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY && field.equals(PROCESSES)) {
                    processes = streamProcesses(p, strings);
                    if (processes == null) {
                        return null;
                    }
                    root.set(field, NODES.arrayNode());
                } else {
                    root.set(field, TokenTree.read(p, NODES));
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || processes == null) {
                return null;
            }
        }
        FieldReader top = new FieldReader(root, shown + ": ");
        top.requiredString(VERSION);
        Instant takenAt = FieldReader.parseInstant(top.requiredString(GENERATED_AT)).orElse(fallbackTakenAt);
        return new Snapshot(0, takenAt, source, processes, readSystem(top, shown), CollectionStats.NONE);
    }

    /**
     * The processes array, its first token read, each element read straight into a process
     * ({@link DirectProcessReader}); null when one of them is not the plain well-formed case or a pid
     * repeats (the strict read then says what is wrong).
     */
    private static List<ProcessSample> streamProcesses(JsonParser p, UnaryOperator<String> strings) throws IOException {
        DirectProcessReader reader = new DirectProcessReader(strings);
        List<ProcessSample> processes = new ArrayList<>();
        try {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                processes.add(reader.read(p));
            }
        } catch (DirectProcessReader.NotPlain e) {
            return null;
        }
        // a repeated pid, found by sorting (a hash set of boxed pids was a tenth of reading a file)
        int[] pids = new int[processes.size()];
        for (int i = 0; i < pids.length; i++) {
            pids[i] = processes.get(i).pid();
        }
        Arrays.sort(pids);
        for (int i = 1; i < pids.length; i++) {
            if (pids[i] == pids[i - 1]) {
                return null;
            }
        }
        return processes;
    }

    /**
     * Reads a snapshot received over HTTP (an exporter's {@code /snapshot}): as a file, except that
     * a {@code version} whose major number is above this build's is refused with a message saying
     * so (a newer exporter may have changed what fields mean). {@code shown} prefixes messages.
     */
    public static Snapshot readBody(byte[] body, String shown, String source, Instant fallbackTakenAt)
            throws SnapshotFileException {
        JsonNode root;
        try {
            root = Strict.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw notJson(shown, e);
        } catch (IOException e) {
            throw unreadable(shown, e);
        }
        JsonNode version = root == null ? null : root.get(VERSION);
        if (version != null && version.isTextual() && majorVersion(version.asText()) > majorVersion(FORMAT_VERSION)) {
            throw new SnapshotFileException(shown + ": snapshot format " + version.asText()
                    + " is newer than this version of Herakles reads (" + FORMAT_VERSION + "); update Herakles");
        }
        return fromTree(root, shown, source, fallbackTakenAt);
    }

    private static int majorVersion(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{1,6})").matcher(version.strip());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * Validates an already parsed document. {@code shown} prefixes error messages,
     * {@code fallbackTakenAt} is used when {@code generated_at} is not a parsable time.
     */
    static Snapshot fromTree(JsonNode root, String shown, String source, Instant fallbackTakenAt)
            throws SnapshotFileException {
        if (root == null || root.isMissingNode()) {
            throw new SnapshotFileException(shown + ": empty file, expected a JSON object");
        }
        if (!root.isObject()) {
            throw new SnapshotFileException(shown + ": top level must be a JSON object, got "
                    + FieldReader.describe(root));
        }
        FieldReader top = new FieldReader(root, shown + ": ");
        top.requiredString(VERSION);
        String generatedAt = top.requiredString(GENERATED_AT);
        JsonNode processes = top.node(PROCESSES);
        if (processes == null) {
            throw new SnapshotFileException(shown + ": missing required field '" + PROCESSES + "'");
        }
        if (!processes.isArray()) {
            throw top.fail(PROCESSES, "must be an array", processes);
        }
        Instant takenAt = FieldReader.parseInstant(generatedAt).orElse(fallbackTakenAt);
        SystemSample system = readSystem(top, shown);
        return new Snapshot(0, takenAt, source, readProcesses(processes, shown), system, CollectionStats.NONE);
    }

    private static List<ProcessSample> readProcesses(JsonNode array, String shown) throws SnapshotFileException {
        ProcessList processes = new ProcessList(shown);
        for (JsonNode node : array) {
            processes.add(node);
        }
        return processes.out;
    }

    /** The processes of one document as its array lists them, each checked on arrival (pid, duplicates, fields). */
    private static final class ProcessList {
        private final String shown;
        private final List<ProcessSample> out = new ArrayList<>();
        private final Map<Integer, Integer> indexByPid = new HashMap<>();

        ProcessList(String shown) {
            this.shown = shown;
        }

        void add(JsonNode node) throws SnapshotFileException {
            int i = out.size();
            String at = shown + ": processes[" + i + "]";
            if (!node.isObject()) {
                throw new SnapshotFileException(at + ": must be an object, got " + FieldReader.describe(node));
            }
            int pid = new FieldReader(node, at + ": ").requiredPid(PID);
            String context = at + " (pid " + pid + "): ";
            Integer earlier = indexByPid.putIfAbsent(pid, i);
            if (earlier != null) {
                throw new SnapshotFileException(context + "duplicate pid, already used by processes[" + earlier + "]");
            }
            out.add(readProcess(new FieldReader(node, context), pid));
        }
    }

    /**
     * Validates one process object as a snapshot's {@code processes} array holds it (a recording's
     * delta lines); {@code shown} prefixes error messages.
     */
    public static ProcessSample parseProcess(JsonNode node, String shown) throws SnapshotFileException {
        if (node == null || !node.isObject()) {
            throw new SnapshotFileException(shown + ": must be an object, got "
                    + (node == null ? "nothing" : FieldReader.describe(node)));
        }
        int pid = new FieldReader(node, shown + ": ").requiredPid(PID);
        return readProcess(new FieldReader(node, shown + " (pid " + pid + "): "), pid);
    }

    /**
     * The {@code "system"} field of {@code object} (a snapshot or a recording's delta line), as a
     * snapshot file has it; {@link SystemSample#UNKNOWN} when missing or null.
     */
    public static SystemSample parseSystem(JsonNode object, String shown) throws SnapshotFileException {
        return readSystem(new FieldReader(object, shown + ": "), shown);
    }

    private static ProcessSample readProcess(FieldReader f, int pid) throws SnapshotFileException {
        ProcessSample.Builder b = ProcessSample.builder(pid, f.requiredString(NAME))
                .group(new GroupKey(f.requiredString(GROUP), f.requiredString(SUBGROUP)))
                .rssBytes(f.requiredSize(RSS))
                .pssBytes(f.nullableSize(PSS))
                .ussBytes(f.nullableSize(USS))
                .cpuPercent(f.requiredCpu(CPU_PERCENT))
                .cpuTimeSeconds(f.requiredCpu(CPU_TIME_SECONDS));
        b.ppid(f.optionalCount(PPID, 0))
                .cmdline(f.optionalString(CMDLINE, ""))
                .uid(f.optionalCount(UID, -1))
                .user(f.optionalString(USER, ""))
                .state(f.optionalState(STATE))
                .threads(f.optionalCount(THREADS, 0))
                .startTime(f.optionalInstant(START_TIME).orElse(null))
                .matchedRule(f.optionalString(MATCHED_RULE, ""));
        MemoryBreakdown memory = new MemoryBreakdown(
                f.optionalSize(RSS_ANON), f.optionalSize(RSS_FILE), f.optionalSize(RSS_SHMEM), f.optionalSize(SWAP),
                f.optionalSize(PSS_ANON), f.optionalSize(PSS_FILE), f.optionalSize(PSS_SHMEM), f.optionalSize(SWAP_PSS));
        return b.memory(memory).build();
    }

    /** Our {@code system} object; {@link SystemSample#UNKNOWN} when missing or null (upstream files). */
    private static SystemSample readSystem(FieldReader top, String shown) throws SnapshotFileException {
        JsonNode node = top.node(SYSTEM);
        if (node == null || node.isNull()) {
            return SystemSample.UNKNOWN;
        }
        if (!node.isObject()) {
            throw top.fail(SYSTEM, "must be an object or null", node);
        }
        FieldReader f = new FieldReader(node, shown + ": system: ");
        return new SystemSample(f.optionalSize(MEM_TOTAL), f.optionalSize(MEM_AVAILABLE),
                f.optionalSize(SWAP_TOTAL), f.optionalSize(SWAP_FREE),
                f.optionalNumber(LOAD1), f.optionalNumber(LOAD5), f.optionalNumber(LOAD15),
                readCpuRatios(f, node.get(CPU_USAGE_RATIO), shown), f.optionalCount(CPU_COUNT, 0));
    }

    private static Map<String, Double> readCpuRatios(FieldReader system, JsonNode node, String shown)
            throws SnapshotFileException {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw system.fail(CPU_USAGE_RATIO, "must be an object or null", node);
        }
        FieldReader ratios = new FieldReader(node, shown + ": system: " + CPU_USAGE_RATIO + ": ");
        Map<String, Double> out = new TreeMap<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String cpu = names.next();
            JsonNode v = node.get(cpu);
            if (v.isNull()) {
                throw ratios.fail(cpu, "must be a non-negative number", v);
            }
            out.put(cpu, ratios.optionalNumber(cpu).getAsDouble());
        }
        return out;
    }

    private static Instant modificationTime(Path file, String shown) throws SnapshotFileException {
        if (Files.isDirectory(file)) {
            throw new SnapshotFileException(shown + ": is a directory, not a snapshot file");
        }
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw unreadable(shown, e);
        }
    }

    private static SnapshotFileException notJson(String shown, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return new SnapshotFileException(shown + ": not valid JSON" + position + ": "
                + FieldReader.oneLine(String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\R\\s*", " ")), e);
    }

    private static SnapshotFileException unreadable(String shown, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new SnapshotFileException(shown + ": file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new SnapshotFileException(shown + ": cannot read: permission denied", e);
        }
        return new SnapshotFileException(shown + ": cannot read: " + FieldReader.oneLine(String.valueOf(e.getMessage())), e);
    }
}
