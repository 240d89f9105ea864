package io.herakles.procmem.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One process as seen in one collection tick. Immutable, safe to share between threads.
 *
 * <p>Units: bytes for memory, seconds for CPU time, percent of <b>one</b> core for
 * {@code cpuPercent} (upstream semantics: can exceed 100 on multi-threaded processes; 0 on the
 * first sight of a pid, when there is no previous sample to take a delta from).
 *
 * <p>{@code pssBytes} and {@code ussBytes} (USS = Private_Clean + Private_Dirty) come from
 * {@code smaps_rollup} and are <b>absent</b> when it is unreadable; {@code rssBytes} comes from
 * {@code statm} and is always known. The engine reads {@code smaps_rollup} (and {@code statm})
 * again only when the process's memory counters moved or its last read reached an age bound, so
 * PSS/USS may be a few seconds older than the sample: {@code pssUssTime} says when they were read. {@code startTime}, {@code user} may be absent for processes
 * that were loaded from a snapshot file that lacks them.
 *
 * @param pid          process id
 * @param ppid         parent pid, 0 when unknown
 * @param name         process name (comm; or basename of argv[0] when comm is empty), leniently decoded
 * @param cmdline      command line, arguments joined by single spaces; empty for kernel threads
 * @param uid          real uid, -1 when unknown
 * @param user         user name (or the uid as text when it has no name); empty when unknown
 * @param state        one-letter kernel state ({@code R}, {@code S}, {@code D}, {@code Z}, ...), '?' when unknown
 * @param threads      number of threads, 0 when unknown
 * @param startTime    wall-clock start time; null when unknown
 * @param rssBytes     resident set size
 * @param pssBytes     proportional set size, absent when unreadable
 * @param ussBytes     unique set size, absent when unreadable
 * @param memory       anon / file / shmem / swap parts
 * @param cpuPercent   CPU use over the last tick, percent of one core
 * @param cpuTimeSeconds total user + system CPU time
 * @param group        classification as exported ({@code other/other} for unclassified)
 * @param matchedRule  human-readable description of the rule that matched; empty when none did
 * @param pssUssTime   wall-clock time of the {@code smaps_rollup} read behind PSS, USS and the PSS
 *                     split; null when they are absent or the time is unknown (snapshot files)
 */
public record ProcessSample(
        int pid,
        int ppid,
        String name,
        String cmdline,
        int uid,
        String user,
        char state,
        int threads,
        Instant startTime,
        long rssBytes,
        OptionalLong pssBytes,
        OptionalLong ussBytes,
        MemoryBreakdown memory,
        double cpuPercent,
        double cpuTimeSeconds,
        GroupKey group,
        String matchedRule,
        Instant pssUssTime) {

    public ProcessSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cmdline, "cmdline");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(pssBytes, "pssBytes");
        Objects.requireNonNull(ussBytes, "ussBytes");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(matchedRule, "matchedRule");
    }

    /**
     * A kernel thread: kthreadd (pid 2) or one of its children, with no command line and no
     * resident memory of its own. It has no user memory, so no PSS/USS to read, as root or not.
     */
    public boolean isKernelThread() {
        return (pid == 2 || ppid == 2) && cmdline.isEmpty() && rssBytes == 0;
    }

    /** How old PSS/USS were at {@code asOf} (e.g. the snapshot's time), when known. */
    public Optional<Duration> pssUssAge(Instant asOf) {
        return pssUssTime == null ? Optional.empty() : Optional.of(Duration.between(pssUssTime, asOf));
    }

    /** Swap use from {@code status} (VmSwap), when known. */
    public OptionalLong swapBytes() {
        return memory.swap();
    }

    /** The chosen metric's value, absent where unreadable. */
    public OptionalLong bytes(MemoryMetric metric) {
        return switch (metric) {
            case RSS -> OptionalLong.of(rssBytes);
            case PSS -> pssBytes;
            case USS -> ussBytes;
        };
    }

    /** Same process with a new classification. */
    public ProcessSample withGroup(GroupKey newGroup, String rule) {
        return toBuilder().group(newGroup).matchedRule(rule).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder(int pid, String name) {
        return new Builder(pid, name);
    }

    /** Mutable builder; not thread-safe. Defaults: everything unknown/absent, group other/other. */
    public static final class Builder {
        private int pid;
        private int ppid;
        private String name;
        private String cmdline = "";
        private int uid = -1;
        private String user = "";
        private char state = '?';
        private int threads;
        private Instant startTime;
        private long rssBytes;
        private OptionalLong pssBytes = OptionalLong.empty();
        private OptionalLong ussBytes = OptionalLong.empty();
        private MemoryBreakdown memory = MemoryBreakdown.UNKNOWN;
        private double cpuPercent;
        private double cpuTimeSeconds;
        private GroupKey group = GroupKey.OTHER;
        private String matchedRule = "";
        private Instant pssUssTime;

        private Builder(int pid, String name) {
            this.pid = pid;
            this.name = name;
        }

        private Builder(ProcessSample p) {
            pid = p.pid;
            ppid = p.ppid;
            name = p.name;
            cmdline = p.cmdline;
            uid = p.uid;
            user = p.user;
            state = p.state;
            threads = p.threads;
            startTime = p.startTime;
            rssBytes = p.rssBytes;
            pssBytes = p.pssBytes;
            ussBytes = p.ussBytes;
            memory = p.memory;
            cpuPercent = p.cpuPercent;
            cpuTimeSeconds = p.cpuTimeSeconds;
            group = p.group;
            matchedRule = p.matchedRule;
            pssUssTime = p.pssUssTime;
        }

        public Builder pid(int v) { pid = v; return this; }
        public Builder ppid(int v) { ppid = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder cmdline(String v) { cmdline = v; return this; }
        public Builder uid(int v) { uid = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder state(char v) { state = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder startTime(Instant v) { startTime = v; return this; }
        public Builder rssBytes(long v) { rssBytes = v; return this; }
        public Builder pssBytes(OptionalLong v) { pssBytes = v; return this; }
        public Builder pssBytes(long v) { pssBytes = OptionalLong.of(v); return this; }
        public Builder ussBytes(OptionalLong v) { ussBytes = v; return this; }
        public Builder ussBytes(long v) { ussBytes = OptionalLong.of(v); return this; }
        public Builder memory(MemoryBreakdown v) { memory = v; return this; }
        public Builder cpuPercent(double v) { cpuPercent = v; return this; }
        public Builder cpuTimeSeconds(double v) { cpuTimeSeconds = v; return this; }
        public Builder group(GroupKey v) { group = v; return this; }
        public Builder matchedRule(String v) { matchedRule = v; return this; }
        public Builder pssUssTime(Instant v) { pssUssTime = v; return this; }

        public ProcessSample build() {
            return new ProcessSample(pid, ppid, name, cmdline, uid, user, state, threads, startTime,
                    rssBytes, pssBytes, ussBytes, memory, cpuPercent, cpuTimeSeconds, group, matchedRule, pssUssTime);
        }
    }
}
