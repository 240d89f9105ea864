package io.herakles.procmem.cli;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.recording.Recording;
import io.herakles.procmem.export.recording.RecordingReader;
import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.export.snapshot.SnapshotJsonReader;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.runtime.Rules;
import io.herakles.procmem.runtime.RunningSystem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns a {@code diff} argument into a snapshot: {@code live} (one pass now), a snapshot file, a
 * recording (its first sample for BEFORE, its last for AFTER) or {@code FILE@TIME} (the recording's
 * sample nearest to TIME; local time unless it has an offset).
 */
final class Moments {

    static final String LIVE = "live";

    private Moments() {}

    /** Which end of a recording a bare file name means. */
    enum End { FIRST, LAST }

    static Snapshot resolve(String argument, End end, ExporterConfig config, PrintStream err) {
        if (argument.equals(LIVE)) {
            return RunningSystem.onePass(config, Rules.strict(), Duration.ofSeconds(60))
                    .orElseThrow(() -> new UserError("live: no collection pass finished within 60 s"));
        }
        Path file = Path.of(argument);
        Optional<Instant> at = Optional.empty();
        int sign = argument.lastIndexOf('@');
        if (!Files.exists(file) && sign > 0) {
            file = Path.of(argument.substring(0, sign));
            at = Optional.of(time(argument.substring(sign + 1), argument));
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": file not found");
        }
        try {
            if (!RecordingReader.looksLikeRecording(file)) {
                if (at.isPresent()) {
                    throw new UserError(argument + ": @TIME picks a sample of a recording; " + file
                            + " is a snapshot file");
                }
                return SnapshotJsonReader.read(file);
            }
            Recording r = RecordingReader.read(file);
            r.cutShort().ifPresent(c -> err.println("Warning: " + c));
            return at.map(r::nearest).orElse(end == End.FIRST ? r.first() : r.last());
        } catch (SnapshotFileException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static Instant time(String text, String argument) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UserError(argument + ": expected FILE@TIME with TIME like 2026-12-04T10:00, got '" + text + "'");
            }
        }
    }
}
