package io.herakles.procmem.export.recording;

import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.model.Snapshot;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples of a version-2 recording, read on demand: the index (from the member tags) says
 * where each sample's member lies and when it was taken; a sample is rebuilt from the keyframe
 * before it and the deltas up to it. Keeps the state of the last sample shown (playing forward costs
 * one delta) and of a few recent keyframes and checkpoints every {@link #CHECKPOINT_EVERY} samples
 * (scrubbing back and forth re-reads no keyframe and decodes few deltas).
 * Thread-safe (synchronized): the desktop and a background task may both ask.
 */
final class IndexedSamples implements SampleSource {

    /**
     * Decoded states kept (keyframes and checkpoints), least recently used dropped first. One state
     * is a map of the sample's processes, whose objects it shares with its neighbours where they did
     * not change: about 1.4 MB at 3,000 processes that all changed. They are most of what is alive
     * while a recording is shown, so they set how long a full collection takes: 12 kept made
     * collections of 30-45 ms that landed inside jumps (the slowest jump 73-114 ms on the 8-hour
     * file), 8 make them 22-33 ms (53-73 ms) at the same drag speed (docs/PERFORMANCE.md).
     */
    private static final int STATES_KEPT = 8;
    /**
     * From this many deltas after a keyframe that must be decoded, they are read (inflated and
     * parsed) by a second thread while the keyframe is decoded ({@link DeltaRun}).
     */
    private static final int READ_AHEAD_FROM = 2;

    /** A state is kept every this many samples after a keyframe, so a jump decodes fewer deltas. */
    private static final int CHECKPOINT_EVERY = 8;

    private final ByteBuffer file;
    private final String shown;
    private final String source;
    private final long[] offsets;
    private final long[] lengths;
    private final long[] times;
    private final int[] keyframeOf;
    private final TextPool texts = new TextPool();
    private final Map<Integer, SampleDecoder> checkpoints = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, SampleDecoder> eldest) {
            return size() > STATES_KEPT;
        }
    };
    private SampleDecoder cursor;
    private int cursorAt = -1;
    private Snapshot last;
    private int lastAt = -1;

    /** One entry per sample: member offset, length, kind ({@code K}/{@code D}), time in ms. */
    IndexedSamples(ByteBuffer file, String shown, String source, long[] offsets, long[] lengths, char[] kinds,
            long[] times) {
        this.file = file;
        this.shown = shown;
        this.source = source;
        this.offsets = offsets;
        this.lengths = lengths;
        this.times = times;
        this.keyframeOf = new int[kinds.length];
        int keyframe = 0;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == MemberTag.KEYFRAME) {
                keyframe = i;
            }
            keyframeOf[i] = keyframe;
        }
    }

    @Override
    public int size() {
        return offsets.length;
    }

    @Override
    public Instant takenAt(int index) {
        return Instant.ofEpochMilli(times[index]);
    }

    @Override
    public synchronized Snapshot get(int index) throws SnapshotFileException {
        if (index == lastAt) {
            return last;
        }
        int keyframe = keyframeOf[index];
        DeltaRun ahead = null;
        boolean cursorUsable = cursor != null && cursorAt <= index && cursorAt >= keyframe;
        int from = checkpointOf(index);
        SampleDecoder checkpoint = checkpoints.get(from);
        if (checkpoint != null && (!cursorUsable || cursorAt < from)) {
            cursor = checkpoint.copy();
            cursorAt = from;
        } else if (!cursorUsable) {
            SampleDecoder atKeyframe = checkpoints.get(keyframe);
            if (atKeyframe == null) {
                // a jump: the keyframe is decoded here while the deltas up to the sample are read ahead, then
                // this thread reads them from the back until it meets the read-ahead
                ahead = index - keyframe >= READ_AHEAD_FROM ? DeltaRun.start(keyframe + 1, index, this::parse) : null;
                atKeyframe = new SampleDecoder(source, texts);
                Line line = line(keyframe);
                atKeyframe.keyframe(line.bytes(), line.length(), where(keyframe));
                if (ahead != null) {
                    ahead.helpFromBack();
                }
                checkpoints.put(keyframe, atKeyframe);
            }
            cursor = atKeyframe.copy();
            cursorAt = keyframe;
        }
        boolean jump = ahead != null;
        try {
            while (cursorAt < index) {
                cursorAt++;
                try {
                    cursor.apply(parsed(cursorAt, ahead));
                } catch (Columns.FoldedRunInvalid e) {
                    // folded deltas name a pid the state lacks (a damaged file): the rest one by one, so
                    // that the delta at fault names itself; nothing was applied
                    ahead = null;
                    cursor.apply(parse(cursorAt));
                }
                // a jump keeps no checkpoints on its way (each is a copy of every process); scrubbing does
                if (!jump && cursorAt == checkpointOf(cursorAt) && !checkpoints.containsKey(cursorAt)) {
                    checkpoints.put(cursorAt, cursor.copy());
                }
            }
        } catch (SnapshotFileException | RuntimeException e) {
            cursor = null;
            cursorAt = -1;
            throw e;
        }
        last = cursor.snapshot(index);
        lastAt = index;
        return last;
    }

    /** Delta {@code index} read: by the jump's {@link DeltaRun} when it covers it, else here. */
    private SampleDecoder.ParsedDelta parsed(int index, DeltaRun ahead) throws SnapshotFileException {
        return ahead != null && ahead.covers(index) ? ahead.get(index) : parse(index);
    }

    private SampleDecoder.ParsedDelta parse(int index) throws SnapshotFileException {
        Line line = line(index);
        return SampleDecoder.parse(line.bytes(), line.length(), where(index));
    }

    /** The checkpoint a decode of {@code index} may start from: its keyframe, or a later multiple of {@link #CHECKPOINT_EVERY}. */
    private int checkpointOf(int index) {
        int keyframe = keyframeOf[index];
        return keyframe + (index - keyframe) / CHECKPOINT_EVERY * CHECKPOINT_EVERY;
    }

    @Override
    public Walk walk() {
        return new Walk() {
            private final SampleDecoder decoder = new SampleDecoder(source, texts);
            private int next;

            @Override
            public boolean hasNext() {
                return next < offsets.length;
            }

            @Override
            public Snapshot next() throws SnapshotFileException {
                int index = next++;
                Line line = line(index);
                if (index == keyframeOf[index]) {
                    decoder.keyframe(line.bytes(), line.length(), where(index));
                } else {
                    decoder.delta(line.bytes(), line.length(), where(index));
                }
                return decoder.snapshot(index);
            }
        };
    }

    private String where(int index) {
        return shown + ": sample " + (index + 1) + " (at byte " + offsets[index] + ")";
    }

    /**
     * An inflated line: the first {@code length} bytes of {@code bytes}, which is this thread's
     * {@link #LINE_BUFFERS reused array}, good until the thread's next {@link #line}.
     */
    private record Line(byte[] bytes, int length) {}

    /**
     * Each thread's array for the lines it inflates (the caller's, the jump's read-ahead thread, a
     * walk's), reused from line to line: every reader here parses a line completely, keeping no
     * reference to its bytes, before it inflates the next. A line-sized array per line was a fifth of
     * what a timeline jump allocated, and a keyframe's (over a megabyte at 3,000 processes) outlived
     * the young collections during its parse, so it was promoted and filled the old generation. Soft:
     * a thread that stopped reading recordings gives its array back when memory runs short.
     */
    private static final ThreadLocal<SoftReference<byte[]>> LINE_BUFFERS = new ThreadLocal<>();

    /**
     * The line of sample {@code index}, with its newline (JSON whitespace: the parsers skip it, and
     * removing it would copy the line); a damaged member names its byte.
     */
    private Line line(int index) throws SnapshotFileException {
        long offset = offsets[index];
        ByteBuffer member = file.duplicate().limit((int) (offset + lengths[index])).position((int) offset);
        SoftReference<byte[]> kept = LINE_BUFFERS.get();
        byte[] reuse = kept == null ? null : kept.get();
        GzipMembers members = GzipMembers.oneMember(member, reuse == null ? NO_BYTES : reuse);
        try {
            GzipMembers.Step step = members.next();
            if (step instanceof GzipMembers.Member m && m.end() == offset + lengths[index]) {
                byte[] data = m.data();
                if (data != reuse) {
                    LINE_BUFFERS.set(new SoftReference<>(data));
                }
                int length = m.length();
                if (length == 0 || data[length - 1] != '\n') {
                    throw new SnapshotFileException(shown + ": corrupt at byte " + offset + " (sample " + (index + 1)
                            + "): line does not end in a newline");
                }
                return new Line(data, length);
            }
            String reason = step instanceof GzipMembers.Corrupt c ? c.reason() : "member shorter than its header says";
            throw new SnapshotFileException(shown + ": corrupt at byte " + offset + " (sample " + (index + 1) + "): "
                    + reason);
        } finally {
            members.close();
        }
    }

    private static final byte[] NO_BYTES = new byte[0];
}
