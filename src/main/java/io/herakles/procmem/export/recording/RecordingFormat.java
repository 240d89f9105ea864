package io.herakles.procmem.export.recording;

/**
 * The recording file format, readable without us ({@code zcat FILE | jq}):
 *
 * <ul>
 *   <li>the file is a sequence of gzip members (RFC 1952 allows several; {@code zcat} joins them);
 *   <li>each member holds exactly one line of UTF-8 JSON ending in {@code \n};
 *   <li>line 1 is the header {@code {"format":"herakles-proc-mem recording","version":1,
 *       "created_at":"…","interval_seconds":5.0,"source":"/proc"}};
 *   <li>every further line is one snapshot in the snapshot file format, compact, with
 *       {@code generated_at} in milliseconds; samples are in time order.
 * </ul>
 *
 * <p>Because every sample is its own member, appending never rewrites what is there, and a file cut
 * anywhere (Ctrl+C, a full disk, a crash) holds every sample before the cut intact.
 */
public final class RecordingFormat {

    /** The header's {@code format} value, which tells a recording from other gzip JSON. */
    public static final String FORMAT_NAME = "herakles-proc-mem recording";
    /** The version this build writes and the newest it reads. */
    public static final int VERSION = 1;

    static final String FORMAT = "format";
    static final String VERSION_FIELD = "version";
    static final String CREATED_AT = "created_at";
    static final String INTERVAL_SECONDS = "interval_seconds";
    static final String SOURCE = "source";

    private RecordingFormat() {}
}
