/**
 * Recordings: many snapshots over time in one file, gzip JSON lines (see {@link
 * io.herakles.procmem.export.recording.RecordingFormat}). Writing ({@link
 * io.herakles.procmem.export.recording.RecordingWriter}, {@link
 * io.herakles.procmem.export.recording.Recorder}), reading ({@link
 * io.herakles.procmem.export.recording.RecordingReader}) and thinning. May import {@code model},
 * {@code export.snapshot} (the snapshot format of each line) and Jackson.
 */
package io.herakles.procmem.export.recording;
