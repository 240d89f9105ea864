package io.herakles.procmem.cli;

import io.herakles.procmem.classify.RuleClassifier;
import io.herakles.procmem.classify.RuleLoader;
import io.herakles.procmem.classify.RuleSet;
import io.herakles.procmem.collect.LargestReads;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.engine.ReplayFilter;
import io.herakles.procmem.engine.Sampler;
import io.herakles.procmem.export.testdata.SnapshotFileException;
import io.herakles.procmem.export.testdata.SnapshotFileSource;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Builds the snapshot source of a headless run: the live engine, or a snapshot file ({@code -t}). */
final class Engines {

    /** How often {@code -t FILE} is checked for changes (a stat call; cheap). */
    static final Duration TEST_DATA_POLL = Duration.ofSeconds(1);

    private Engines() {}

    /** A started source and what stops it. */
    interface Running extends AutoCloseable {
        SnapshotSource source();

        /** The largest reads of the live engine (buffer health); none for a snapshot file. */
        Optional<LargestReads> largestReads();

        @Override
        void close();
    }

    /**
     * Built-in, workstation and custom rules. A custom file that cannot be read or parsed stops the
     * command ({@code file:line:} message, exit 1): running on without the user's rules would
     * misclassify every process they were written for, and nobody reads a warning in a service log.
     */
    static RuleSet loadRules() {
        RuleSet rules = RuleLoader.defaults().load();
        rules.firstError().ifPresent(e -> {
            throw new UserError(e);
        });
        return rules;
    }

    static Running start(ExporterConfig config, RuleSet rules) {
        RuleClassifier classifier = new RuleClassifier(rules, config);
        if (config.testDataFile() != null) {
            SnapshotFileSource file;
            try {
                file = new SnapshotFileSource(Path.of(config.testDataFile()), new ReplayFilter(config, classifier));
            } catch (SnapshotFileException e) {
                throw new UserError(e.getMessage());
            }
            file.startPolling(TEST_DATA_POLL);
            return running(file, null, file::close);
        }
        requireProcFs(Path.of(config.procfs()));
        Sampler sampler = new Sampler(config, classifier);
        sampler.start();
        return running(sampler.source(), sampler.largestReads(), sampler::close);
    }

    /**
     * A wrong {@code procfs} (a typo, an unmounted {@code /host/proc}) would otherwise give
     * successful collections of zero processes and a healthy {@code /health}: refuse it up front.
     */
    static void requireProcFs(Path procfs) {
        if (!Files.isDirectory(procfs)) {
            throw new UserError("procfs " + procfs + " is not a directory");
        }
        if (!Files.isRegularFile(procfs.resolve("stat"))) {
            throw new UserError("procfs " + procfs + " is not a proc filesystem (no " + procfs.resolve("stat") + ")");
        }
    }

    private static Running running(SnapshotSource source, LargestReads reads, Runnable stop) {
        return new Running() {
            @Override
            public SnapshotSource source() {
                return source;
            }

            @Override
            public Optional<LargestReads> largestReads() {
                return Optional.ofNullable(reads);
            }

            @Override
            public void close() {
                stop.run();
            }
        };
    }

    /** Waits (bounded) until the source has published once. */
    static boolean awaitFirstSnapshot(SnapshotSource source, Duration timeout) {
        if (source.latest().isPresent()) {
            return true;
        }
        CountDownLatch first = new CountDownLatch(1);
        try (AutoCloseable ignored = source.subscribe(s -> first.countDown())) {
            return source.latest().isPresent() || first.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return source.latest().isPresent();
        }
    }

    /** One complete live pass: starts a sampler, takes its first snapshot, stops it. */
    static Optional<Snapshot> onePass(ExporterConfig config, RuleSet rules, Duration timeout) {
        try (Running r = start(config, rules)) {
            awaitFirstSnapshot(r.source(), timeout);
            return r.source().latest();
        }
    }
}
