package io.herakles.procmem.export.snapshot;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * {@code generate-testdata}: a snapshot with processes for every classification bucket,
 * deterministic for a given seed. Write it with {@link SnapshotJsonWriter}. Immutable, thread-safe.
 *
 * <p>For every bucket with patterns (sorted by group/subgroup; upstream used hash order) that
 * {@code accept} lets through ({@code search_mode}, {@code disable_others}): {@code minPerSubgroup}
 * processes cycling through its name patterns, then its command-line patterns. A name pattern
 * becomes the process name (and command line); a command-line pattern becomes the command line of a
 * plausible binary ({@link CmdlineExample}: e.g. {@code java} running
 * {@code org.apache.catalina.startup.Bootstrap}), because our classifier matches command lines —
 * upstream wrote the pattern into the name. Whether such a process really classifies back to its
 * bucket depends on the classifier (a command-line rule must win over the launcher name
 * {@code java}; another rule's name or expression may claim it), so the CLI passes the real
 * classifier and entries it disagrees with are left out and reported ({@link Result}). Then, when
 * {@code includeOthers} (false for {@code disable_others}), {@code othersCount} processes
 * {@code process-1..M} in {@code other/other}. Pids count up from 1000.
 *
 * <p>Values are upstream's distributions: rss uniform in [10 MiB, 2 GiB) bytes, pss = rss × U[0.80,
 * 0.95), uss = rss × U[0.60, 0.80), cpu_percent U[0, 100), cpu_time_seconds U[0, 10000) — the CPU
 * figures cut down to two decimals for readable files. Other fields stay unknown.
 */
public final class TestDataGenerator {

    public static final int DEFAULT_MIN_PER_SUBGROUP = 6;
    public static final int DEFAULT_OTHERS_COUNT = 12;
    public static final int FIRST_PID = 1000;
    /** The snapshot source of generated data. */
    public static final String SOURCE = "generate-testdata";

    static final long MIN_RSS = 10L << 20;
    static final long MAX_RSS = 2L << 30;

    private final int minPerSubgroup;
    private final int othersCount;
    private final boolean includeOthers;
    private final long seed;

    /**
     * @param minPerSubgroup processes per bucket ({@code --min-per-subgroup}, upstream default 6)
     * @param othersCount    {@code process-N} entries ({@code --others-count}, upstream default 12)
     * @param includeOthers  false when {@code disable_others} is set (upstream ignores search_mode here)
     * @param seed           random seed ({@code --seed}); the same seed gives the same processes
     * @throws IllegalArgumentException for a negative count, with a message naming the flag
     */
    public TestDataGenerator(int minPerSubgroup, int othersCount, boolean includeOthers, long seed) {
        if (minPerSubgroup < 0) {
            throw new IllegalArgumentException("--min-per-subgroup must be 0 or more, got " + minPerSubgroup);
        }
        if (othersCount < 0) {
            throw new IllegalArgumentException("--others-count must be 0 or more, got " + othersCount);
        }
        this.minPerSubgroup = minPerSubgroup;
        this.othersCount = othersCount;
        this.includeOthers = includeOthers;
        this.seed = seed;
    }

    /**
     * Generates the processes without checking them against a classifier (the caller trusts the
     * patterns, e.g. in tests with hand-written rules).
     *
     * @param rules       the effective buckets; entries with the same key are merged
     * @param accept      whether a bucket survives the configured filters
     * @param generatedAt the snapshot's {@code takenAt} (written as {@code generated_at})
     */
    public Snapshot generate(List<SubgroupPatterns> rules, Predicate<GroupKey> accept, Instant generatedAt) {
        return generate(rules, accept, (name, cmdline, expected) -> true, generatedAt).snapshot();
    }

    /**
     * Generates the processes and keeps only those that {@code classify} puts where the file says,
     * so that serving the file with {@code -t} under the same configuration reproduces its groups.
     * A bucket entry the classifier disagrees with is dropped (the bucket cycles through the rest,
     * e.g. its name patterns); a bucket left with none is skipped; an {@code other/other} process
     * that some rule claims is dropped. All of them are listed in the result, never silently wrong.
     *
     * @param rules       the effective buckets; entries with the same key are merged
     * @param accept      whether a bucket survives the configured filters
     * @param classify    the exported group of a process (name, command line) under the configuration,
     *                    empty when the configuration drops it
     * @param generatedAt the snapshot's {@code takenAt} (written as {@code generated_at})
     */
    public Result generate(List<SubgroupPatterns> rules, Predicate<GroupKey> accept,
            BiFunction<String, String, Optional<GroupKey>> classify, Instant generatedAt) {
        Objects.requireNonNull(classify, "classify");
        List<String> rejected = new ArrayList<>();
        Check check = (name, cmdline, expected) -> {
            Optional<GroupKey> actual = classify.apply(name, cmdline);
            if (actual.equals(Optional.of(expected))) {
                return true;
            }
            rejected.add(expected + ": name '" + name + "', cmdline '" + cmdline + "' is classified as "
                    + actual.map(GroupKey::toString).orElse("(dropped)"));
            return false;
        };
        return generate(rules, accept, check, generatedAt).withRejected(rejected);
    }

    /**
     * A generated snapshot and what was left out of it.
     *
     * @param snapshot the processes to write
     * @param rejected one line per generated process the classifier put elsewhere (dropped)
     * @param skipped  buckets with patterns, accepted by the configuration, of which no process
     *                 classified back to the bucket, so the file has none
     */
    public record Result(Snapshot snapshot, List<String> rejected, List<GroupKey> skipped) {
        public Result {
            Objects.requireNonNull(snapshot, "snapshot");
            rejected = List.copyOf(rejected);
            skipped = List.copyOf(skipped);
        }

        Result withRejected(List<String> lines) {
            return new Result(snapshot, lines, skipped);
        }
    }

    /** Whether a generated process (name, command line) classifies to the expected group. */
    @FunctionalInterface
    private interface Check {
        boolean classifiesTo(String name, String cmdline, GroupKey expected);
    }

    private Result generate(List<SubgroupPatterns> rules, Predicate<GroupKey> accept, Check check,
            Instant generatedAt) {
        Objects.requireNonNull(accept, "accept");
        SplittableRandom random = new SplittableRandom(seed);
        List<ProcessSample> out = new ArrayList<>();
        List<GroupKey> skipped = new ArrayList<>();
        int pid = FIRST_PID;
        for (Map.Entry<GroupKey, List<Entry>> bucket : entriesByKey(rules).entrySet()) {
            GroupKey key = bucket.getKey();
            if (bucket.getValue().isEmpty() || !accept.test(key)) {
                continue;
            }
            List<Entry> entries = bucket.getValue().stream()
                    .filter(e -> check.classifiesTo(e.name(), e.cmdline(), key)).toList();
            if (entries.isEmpty()) {
                skipped.add(key);
                continue;
            }
            for (int i = 0; i < minPerSubgroup; i++) {
                Entry e = entries.get(i % entries.size());
                out.add(randomValues(ProcessSample.builder(pid++, e.name()), random)
                        .cmdline(e.cmdline()).group(key).matchedRule(e.rule()).build());
            }
        }
        if (includeOthers) {
            for (int i = 1; i <= othersCount; i++) {
                String name = "process-" + i;
                ProcessSample.Builder b = randomValues(ProcessSample.builder(pid, name), random).cmdline(name);
                if (check.classifiesTo(name, name, GroupKey.OTHER)) {
                    out.add(b.build());
                    pid++;
                }
            }
        }
        Snapshot snapshot = new Snapshot(0, generatedAt, SOURCE, out, SystemSample.UNKNOWN, CollectionStats.NONE);
        return new Result(snapshot, List.of(), skipped);
    }

    /** One way to produce a process of a bucket. */
    private record Entry(String name, String cmdline, String rule) {}

    private static Map<GroupKey, List<Entry>> entriesByKey(List<SubgroupPatterns> rules) {
        Map<GroupKey, LinkedHashSet<String>> names = new TreeMap<>();
        Map<GroupKey, LinkedHashSet<String>> cmdlines = new TreeMap<>();
        for (SubgroupPatterns r : rules) {
            names.computeIfAbsent(r.group(), k -> new LinkedHashSet<>()).addAll(r.namePatterns());
            cmdlines.computeIfAbsent(r.group(), k -> new LinkedHashSet<>()).addAll(r.cmdlinePatterns());
        }
        Map<GroupKey, List<Entry>> out = new TreeMap<>();
        names.forEach((key, patterns) -> {
            List<Entry> entries = new ArrayList<>();
            for (String n : patterns) {
                entries.add(new Entry(n, n, "name = " + n));
            }
            for (String c : cmdlines.get(key)) {
                CmdlineExample example = CmdlineExample.forPattern(c);
                entries.add(new Entry(example.name(), example.cmdline(), "cmdline ~ " + c));
            }
            out.put(key, entries);
        });
        return out;
    }

    /** Draws in a fixed order (rss, pss, uss, cpu%, cpu time) so a seed always gives the same file. */
    private static ProcessSample.Builder randomValues(ProcessSample.Builder b, SplittableRandom random) {
        long rss = random.nextLong(MIN_RSS, MAX_RSS);
        long pss = (long) (rss * random.nextDouble(0.80, 0.95));
        long uss = (long) (rss * random.nextDouble(0.60, 0.80));
        return b.rssBytes(rss).pssBytes(pss).ussBytes(uss)
                .cpuPercent(twoDecimalsDown(random.nextDouble(0, 100)))
                .cpuTimeSeconds(twoDecimalsDown(random.nextDouble(0, 10_000)));
    }

    /** Cuts (never rounds up, which could reach the open upper bound) to two decimals. */
    static double twoDecimalsDown(double v) {
        return Math.floor(v * 100) / 100;
    }
}
