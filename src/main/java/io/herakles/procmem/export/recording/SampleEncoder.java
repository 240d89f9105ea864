package io.herakles.procmem.export.recording;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.herakles.procmem.export.snapshot.SnapshotJsonWriter;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Turns each sample into one recording line: a keyframe (the whole snapshot) for the first sample,
 * every {@code keyframeEvery} samples and whenever the delta would be more than half a keyframe's
 * size; otherwise a delta against the previous sample ({@link RecordingFormat}). Deltas compare
 * the processes' JSON objects as the snapshot format writes them, so a field the format gains is
 * carried by deltas without a change here. Not thread-safe: one writing thread.
 */
final class SampleEncoder {

    /** One encoded line and its kind ({@link MemberTag#KEYFRAME} or {@link MemberTag#DELTA}). */
    record Line(char kind, byte[] json) {}

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();
    private static final byte[] KEYFRAME_PREFIX = "{\"type\":\"keyframe\",".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final int keyframeEvery;
    private Snapshot previous;
    private int sinceKeyframe;
    private long keyframeBytes;

    SampleEncoder(int keyframeEvery) {
        if (keyframeEvery < 1) {
            throw new IllegalArgumentException("keyframeEvery must be at least 1, got " + keyframeEvery);
        }
        this.keyframeEvery = keyframeEvery;
    }

    /** The line for {@code sample}; the encoder then diffs the next sample against it. */
    Line encode(Snapshot sample) {
        Objects.requireNonNull(sample, "sample");
        Line line;
        if (previous == null || sinceKeyframe + 1 >= keyframeEvery) {
            line = keyframe(sample);
        } else {
            byte[] delta = delta(previous, sample);
            line = delta.length * 2L > keyframeBytes ? keyframe(sample) : new Line(MemberTag.DELTA, delta);
        }
        sinceKeyframe = line.kind() == MemberTag.KEYFRAME ? 0 : sinceKeyframe + 1;
        previous = sample;
        return line;
    }

    /** The next sample becomes a keyframe (after the file was rewritten, say). */
    void restart() {
        previous = null;
    }

    private Line keyframe(Snapshot sample) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            SnapshotJsonWriter.writeLine(sample, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] snapshot = out.toByteArray();
        // the snapshot line with a "type" first, so that zcat | jq can tell the kinds apart
        byte[] line = new byte[KEYFRAME_PREFIX.length + snapshot.length - 1];
        System.arraycopy(KEYFRAME_PREFIX, 0, line, 0, KEYFRAME_PREFIX.length);
        System.arraycopy(snapshot, 1, line, KEYFRAME_PREFIX.length, snapshot.length - 1);
        keyframeBytes = line.length;
        return new Line(MemberTag.KEYFRAME, line);
    }

    static byte[] delta(Snapshot before, Snapshot after) {
        List<Integer> gone = new ArrayList<>();
        List<ProcessSample> whole = new ArrayList<>();
        List<ProcessSample> changedPrevious = new ArrayList<>();
        List<ProcessSample> changed = new ArrayList<>();
        Iterator<ProcessSample> b = before.processes().iterator();
        Iterator<ProcessSample> a = after.processes().iterator();
        ProcessSample pb = b.hasNext() ? b.next() : null;
        ProcessSample pa = a.hasNext() ? a.next() : null;
        while (pb != null || pa != null) {
            if (pa == null || (pb != null && pb.pid() < pa.pid())) {
                gone.add(pb.pid());
                pb = b.hasNext() ? b.next() : null;
            } else if (pb == null || pa.pid() < pb.pid()) {
                whole.add(pa);
                pa = a.hasNext() ? a.next() : null;
            } else {
                if (!sameIdentity(pb, pa) || becameAbsent(pb, pa)) {
                    whole.add(pa); // a reused pid, a renamed process or a value gone unreadable: written whole
                } else if (pb != pa && differs(pb, pa)) {
                    changedPrevious.add(pb);
                    changed.add(pa);
                }
                pb = b.hasNext() ? b.next() : null;
                pa = a.hasNext() ? a.next() : null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + changed.size() * 24);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField(RecordingFormat.TYPE, RecordingFormat.TYPE_DELTA);
            g.writeStringField(RecordingFormat.GENERATED_AT, after.takenAt().truncatedTo(ChronoUnit.MILLIS).toString());
            SnapshotJsonWriter.writeSystem(g, after.system());
            g.writeArrayFieldStart(RecordingFormat.GONE);
            for (int pid : gone) {
                g.writeNumber(pid);
            }
            g.writeEndArray();
            g.writeArrayFieldStart(RecordingFormat.NEW);
            for (ProcessSample p : whole) {
                SnapshotJsonWriter.writeProcess(g, p);
            }
            g.writeEndArray();
            writeChanged(g, changedPrevious, changed);
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The fields a delta never carries (a change there writes the process whole) are equal. */
    private static boolean sameIdentity(ProcessSample x, ProcessSample y) {
        return Objects.equals(x.startTime(), y.startTime()) && x.uid() == y.uid() && x.name().equals(y.name())
                && x.cmdline().equals(y.cmdline()) && x.user().equals(y.user()) && x.group().equals(y.group())
                && x.matchedRule().equals(y.matchedRule());
    }

    /** Some column had a value before and has none now, which a column cannot say. */
    private static boolean becameAbsent(ProcessSample before, ProcessSample after) {
        for (DeltaColumn c : DeltaColumn.all()) {
            if (c.key(after) == DeltaColumn.ABSENT && c.key(before) != DeltaColumn.ABSENT) {
                return true;
            }
        }
        return false;
    }

    private static boolean differs(ProcessSample before, ProcessSample after) {
        for (DeltaColumn c : DeltaColumn.all()) {
            if (c.key(after) != c.key(before)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code "changed":{"pid":[…],"rss":[…],…}}: one array per column that changed anywhere, aligned
     * with the pids, {@code null} where that process's value stayed. Columns, not one object per
     * process, because gzip cannot see a field name repeated in the member before, and a value
     * next to values of its own kind compresses better.
     */
    private static void writeChanged(JsonGenerator g, List<ProcessSample> before, List<ProcessSample> after)
            throws IOException {
        g.writeObjectFieldStart(RecordingFormat.CHANGED);
        g.writeArrayFieldStart(RecordingFormat.PID);
        for (ProcessSample p : after) {
            g.writeNumber(p.pid());
        }
        g.writeEndArray();
        for (DeltaColumn c : DeltaColumn.all()) {
            boolean any = false;
            for (int i = 0; i < after.size() && !any; i++) {
                any = c.key(after.get(i)) != c.key(before.get(i));
            }
            if (!any) {
                continue;
            }
            g.writeArrayFieldStart(c.field);
            for (int i = 0; i < after.size(); i++) {
                long now = c.key(after.get(i));
                if (now == c.key(before.get(i))) {
                    g.writeNull();
                } else if (c.isHundredths()) {
                    g.writeNumber(now / 100.0);
                } else if (c == DeltaColumn.STATE) {
                    g.writeString(String.valueOf((char) now));
                } else {
                    g.writeNumber(now);
                }
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
