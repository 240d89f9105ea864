package io.herakles.procmem.export.recording;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.export.snapshot.SnapshotJsonReader;
import io.herakles.procmem.export.snapshot.TokenTree;
import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds samples from recording lines: a keyframe sets the whole state, a delta changes it
 * ({@link RecordingFormat}). Strict: a line that does not fit is a {@link SnapshotFileException}
 * whose message starts with the {@code shown} position. Processes that a delta leaves alone are the
 * same objects in consecutive samples, so a series of samples shares most of its memory. Not
 * thread-safe.
 */
final class SampleDecoder {

    private static final Comparator<ProcessSample> BY_PID = Comparator.comparingInt(ProcessSample::pid);

    private final String source;
    private final TextPool texts;
    /**
     * The state's processes by pid. A hash map, sorted only when a sample is asked for: a jump
     * applies up to 29 deltas of 3,000 processes each, and a tree map's pid comparisons on every
     * lookup were a tenth of the decoding (async-profiler).
     */
    private final HashMap<Integer, ProcessSample> processes = new HashMap<>(4096);
    /**
     * Column values deltas set since the processes were last built, per pid: a run of deltas only
     * writes numbers here, and a process is built once, when a sample is asked for
     * ({@link #snapshot}), not once per delta.
     */
    private final Map<Integer, long[]> pending = new HashMap<>();
    private SystemSample system = SystemSample.UNKNOWN;
    private Instant takenAt;
    private boolean started;

    /** {@code source} becomes every sample's source (e.g. {@code "recording: NAME"}). */
    SampleDecoder(String source) {
        this(source, new TextPool());
    }

    /** As {@link #SampleDecoder(String)}, sharing {@code texts} with other decoders of the same recording. */
    SampleDecoder(String source, TextPool texts) {
        this.source = source;
        this.texts = texts;
    }

    /** A copy of this state, to resume decoding from later. */
    SampleDecoder copy() {
        build();
        SampleDecoder c = new SampleDecoder(source, texts);
        c.processes.putAll(processes);
        c.system = system;
        c.takenAt = takenAt;
        c.started = started;
        return c;
    }

    /** Sets the state to the snapshot line {@code json} (a keyframe, or a version-1 sample). */
    void keyframe(byte[] json, String shown) throws SnapshotFileException {
        keyframe(json, json.length, shown);
    }

    /** As {@link #keyframe(byte[], String)}, the line in the first {@code length} bytes of {@code json}. */
    void keyframe(byte[] json, int length, String shown) throws SnapshotFileException {
        Snapshot s = SnapshotJsonReader.parse(json, length, shown, source, texts);
        processes.clear();
        pending.clear();
        for (ProcessSample p : s.processes()) {
            processes.put(p.pid(), p);
        }
        system = s.system();
        takenAt = s.takenAt();
        started = true;
    }

    /** A delta line read and checked on its own (no state needed): what {@link #apply} changes. */
    record ParsedDelta(String shown, Instant at, SystemSample system, List<Integer> gone, List<ProcessSample> added,
            Columns changed) {}

    /** Applies the delta line {@code json} to the state. */
    void delta(byte[] json, String shown) throws SnapshotFileException {
        delta(json, json.length, shown);
    }

    /** As {@link #delta(byte[], String)}, the line in the first {@code length} bytes of {@code json}. */
    void delta(byte[] json, int length, String shown) throws SnapshotFileException {
        apply(parse(json, length, shown));
    }

    /**
     * Reads and checks a delta line without the state, so that a run of them can be read on another
     * thread while the keyframe before them is decoded. Thread-safe.
     */
    static ParsedDelta parse(byte[] json, String shown) throws SnapshotFileException {
        return parse(json, json.length, shown);
    }

    /** As {@link #parse(byte[], String)}, the line in the first {@code length} bytes of {@code json}; keeps no reference to it. */
    static ParsedDelta parse(byte[] json, int length, String shown) throws SnapshotFileException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        Columns changed = null;
        // streamed: the changed columns (most of a delta) go straight into arrays, no tree of nodes
        try (JsonParser p = TokenTree.parser(json, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SnapshotFileException(shown + ": expected a delta line ({\"type\":\"delta\", …})");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals(RecordingFormat.CHANGED)) {
                    changed = Columns.read(p, shown + ": changed");
                } else {
                    root.set(field, TokenTree.read(p, JsonNodeFactory.instance));
                }
            }
        } catch (JsonProcessingException e) {
            throw new SnapshotFileException(shown + ": not valid JSON: "
                    + String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\R\\s*", " "), e);
        } catch (java.io.IOException e) {
            throw new SnapshotFileException(shown + ": unreadable line", e);
        }
        if (!RecordingFormat.TYPE_DELTA.equals(root.path(RecordingFormat.TYPE).asText(null))) {
            throw new SnapshotFileException(shown + ": expected a delta line ({\"type\":\"delta\", …})");
        }
        Instant at = time(root, shown);
        SystemSample system = SnapshotJsonReader.parseSystem(root, shown);
        List<Integer> gone = new ArrayList<>();
        for (JsonNode pid : array(root, RecordingFormat.GONE, shown)) {
            if (!pid.canConvertToInt()) {
                throw new SnapshotFileException(shown + ": 'gone' names pid " + pid + ", which the sample before does not have");
            }
            gone.add(pid.intValue());
        }
        List<ProcessSample> added = new ArrayList<>();
        int i = 0;
        for (JsonNode process : array(root, RecordingFormat.NEW, shown)) {
            added.add(SnapshotJsonReader.parseProcess(process, shown + ": new[" + i++ + "]"));
        }
        return new ParsedDelta(shown, at, system, gone, added, changed);
    }

    /** Applies a delta read by {@link #parse} to the state. */
    void apply(ParsedDelta d) throws SnapshotFileException {
        if (!started) {
            throw new SnapshotFileException(d.shown() + ": a delta without a keyframe before it");
        }
        for (int pid : d.gone()) {
            if (processes.remove(pid) == null) {
                throw new SnapshotFileException(d.shown() + ": 'gone' names pid " + pid
                        + ", which the sample before does not have");
            }
            pending.remove(pid);
        }
        for (ProcessSample p : d.added()) {
            processes.put(p.pid(), p);
            pending.remove(p.pid());
        }
        if (d.changed() != null) {
            d.changed().applyTo(processes.keySet(), pending, d.shown() + ": changed");
        }
        system = d.system();
        takenAt = d.at();
    }

    private static Iterable<JsonNode> array(JsonNode root, String field, String shown) throws SnapshotFileException {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return new ArrayList<>();
        }
        if (!v.isArray()) {
            throw new SnapshotFileException(shown + ": field '" + field + "' must be an array");
        }
        return v;
    }

    private static Instant time(JsonNode root, String shown) throws SnapshotFileException {
        JsonNode v = root.get(RecordingFormat.GENERATED_AT);
        try {
            return Instant.parse(v == null ? "" : v.asText());
        } catch (DateTimeParseException e) {
            throw new SnapshotFileException(shown + ": field 'generated_at' must be a UTC time like"
                    + " 2026-12-04T10:00:00.250Z, got " + v, e);
        }
    }

    /** The sample the state is now. */
    Snapshot snapshot(long sequence) {
        build();
        List<ProcessSample> byPid = new ArrayList<>(processes.values());
        byPid.sort(BY_PID);
        return new Snapshot(sequence, takenAt, source, byPid, system, CollectionStats.NONE);
    }

    /** Builds the processes that deltas changed since the last build. */
    private void build() {
        for (Map.Entry<Integer, long[]> e : pending.entrySet()) {
            processes.put(e.getKey(), DeltaColumn.apply(processes.get(e.getKey()), e.getValue()));
        }
        pending.clear();
    }

    /** When the state's sample was taken; null before the first keyframe. */
    Instant takenAt() {
        return takenAt;
    }
}
