package io.herakles.procmem.cli;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.export.recording.Recorder;
import io.herakles.procmem.export.recording.RecordingHeader;
import io.herakles.procmem.export.recording.RecordingWriter;
import io.herakles.procmem.runtime.Rules;
import io.herakles.procmem.runtime.RunningSystem;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code record}: the live engine at an interval into a recording file until the duration is up,
 * SIGINT/SIGTERM arrives or the disk fills; the file stays readable in every case. A progress line
 * on a terminal only.
 */
@Command(name = "record", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Record snapshots of /proc at an interval into a recording file (gzip JSON lines).",
            "Stops after --duration or on Ctrl+C/SIGTERM; the file is readable up to the last sample."})
final class RecordCommand implements Callable<Integer> {

    private static final Duration FIRST_SNAPSHOT_WAIT = Duration.ofSeconds(60);
    private static final long PROGRESS_EVERY_MS = 1000;

    @ParentCommand
    RootCommand root;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "Recording to write.")
    Path output;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between samples (default 5s; e.g. 1s, 30s, 1m).")
    Duration interval = Duration.ofSeconds(5);

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (e.g. 8h); default: until Ctrl+C or SIGTERM.")
    Duration duration;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Keep the file below this size (e.g. 200MB) by thinning older samples; the first stays.")
    Long maxSize;

    @Option(names = "--force", description = "Overwrite FILE when it exists.")
    boolean force;

    @Override
    public Integer call() {
        Optional<ExporterConfig> config = root.validConfig();
        if (config.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        GracefulStop stop = GracefulStop.install();
        try {
            return record(config.get(), stop);
        } finally {
            stop.finished();
        }
    }

    // closing the recorder early writes its last sample before the summary line; the
    // try-with-resources closes it again (a no-op) on every other way out
    @SuppressWarnings("try")
    private int record(ExporterConfig config, GracefulStop stop) {
        RecordingWriter writer = create(config);
        Instant started = Instant.now();
        try (RunningSystem system = RunningSystem.startLive(config, Rules.strict(), interval);
                Recorder recorder = Recorder.start(system.source(), writer,
                        maxSize == null ? OptionalLong.empty() : OptionalLong.of(maxSize))) {
            // the duration counts from the first sample: a first pass over many processes takes a while
            system.awaitFirstSnapshot(FIRST_SNAPSHOT_WAIT);
            Optional<String> failure = waitUntilDone(stop, recorder, started);
            if (failure.isPresent()) {
                root.err.println();
                throw new UserError(failure.get() + " (recording stopped; " + recorder.samples()
                        + " samples kept)");
            }
            recorder.close();
            endProgress();
            root.err.printf(Locale.ROOT, "Recorded %d samples to %s (%s)%n", recorder.samples(), output,
                    Progress.size(recorder.sizeBytes()));
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private RecordingWriter create(ExporterConfig config) {
        try {
            return RecordingWriter.create(output, RecordingHeader.now(Instant.now(), interval, config.procfs()), force);
        } catch (FileAlreadyExistsException e) {
            throw new UserError(output + ": exists already; use --force to overwrite it");
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Waits for the duration, a signal or a write failure, printing progress on a terminal. */
    private Optional<String> waitUntilDone(GracefulStop stop, Recorder recorder, Instant started)
            throws InterruptedException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        boolean terminal = System.console() != null;
        while (!stop.await(Math.min(PROGRESS_EVERY_MS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                TimeUnit.MILLISECONDS)) {
            if (recorder.failure().isPresent()) {
                return recorder.failure();
            }
            if (terminal) {
                root.err.print("\r" + Progress.line(Duration.between(started, Instant.now()), recorder.samples(),
                        recorder.sizeBytes()));
                root.err.flush();
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
        }
        return recorder.failure();
    }

    private void endProgress() {
        if (System.console() != null) {
            root.err.println();
        }
    }

    /** The progress line's wording. */
    static final class Progress {
        private Progress() {}

        static String line(Duration elapsed, int samples, long bytes) {
            long s = elapsed.toSeconds();
            return String.format(Locale.ROOT, "recording %02d:%02d:%02d  %d samples  %s   ", s / 3600, s / 60 % 60,
                    s % 60, samples, size(bytes));
        }

        static String size(long bytes) {
            if (bytes < 1024 * 1024) {
                return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
            }
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
        }
    }
}
