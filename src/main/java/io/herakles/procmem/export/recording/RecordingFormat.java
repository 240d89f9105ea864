package io.herakles.procmem.export.recording;

/**
 * The recording file format (described for users in docs/RECORDING.md), readable without
 * us ({@code zcat FILE | jq}):
 *
 * <ul>
 *   <li>the file is a sequence of gzip members (RFC 1952 allows several; {@code zcat} joins them),
 *       each holding exactly one line of UTF-8 JSON ending in {@code \n};
 *   <li>line 1 is the header {@code {"format":"herakles-proc-mem recording","version":2,
 *       "created_at":"…","interval_seconds":5.0,"source":"/proc","keyframe_every":30}};
 *   <li>every further line is one sample, in time order: a <b>keyframe</b> (the whole snapshot in
 *       the snapshot file format, compact, {@code generated_at} in milliseconds, with
 *       {@code "type":"keyframe"} first) or a <b>delta</b> against the sample before it
 *       ({@code "type":"delta"}, {@code generated_at}, the whole {@code system}, the pids that are
 *       {@code gone}, the {@code new} processes whole, and {@code changed} as columns: a
 *       {@code pid} array and one array per {@link DeltaColumn} that moved, null where it stayed);
 *   <li>version 2 tags every member's gzip header ({@link MemberTag}): kind, length, sample time.
 *       Opening walks these tags to index the samples without inflating anything.
 * </ul>
 *
 * <p>Version 1 files (every sample a whole snapshot without {@code "type"}, untagged members) are
 * still read. Because every line is its own member, appending never rewrites what is there, and a
 * file cut anywhere (Ctrl+C, a full disk, a crash) holds every sample before the cut intact.
 */
public final class RecordingFormat {

    /** The header's {@code format} value, which tells a recording from other gzip JSON. */
    public static final String FORMAT_NAME = "herakles-proc-mem recording";
    /** The version this build writes and the newest it reads. */
    public static final int VERSION = 2;
    /** Keyframes at least this often (samples): bounds the work of showing any one sample. */
    public static final int DEFAULT_KEYFRAME_EVERY = 30;

    static final String FORMAT = "format";
    static final String VERSION_FIELD = "version";
    static final String CREATED_AT = "created_at";
    static final String INTERVAL_SECONDS = "interval_seconds";
    static final String SOURCE = "source";
    static final String KEYFRAME_EVERY = "keyframe_every";

    static final String TYPE = "type";
    static final String TYPE_KEYFRAME = "keyframe";
    static final String TYPE_DELTA = "delta";
    static final String GENERATED_AT = "generated_at";
    static final String GONE = "gone";
    static final String NEW = "new";
    static final String CHANGED = "changed";
    static final String PID = "pid";

    private RecordingFormat() {}
}
