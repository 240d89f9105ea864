package io.herakles.procmem.export.snapshot;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Synthetic snapshots of any size for UI and exporter benchmarks and tests: a desktop/server mix
 * (kernel threads, systemd, a browser with many content processes, databases, web servers,
 * containers, shells) with every field filled in, about 7 % of processes with unreadable PSS/USS
 * (absent, as for some other users' processes when not root), log-uniform RSS from 512 KiB to
 * 3 GiB, and a system sample. Deterministic for a given size and seed; {@code takenAt} is
 * {@link #TAKEN_AT}. Stateless, thread-safe.
 */
public final class SyntheticSnapshots {

    /** Fixed time of every synthetic snapshot (so equal inputs give equal snapshots). */
    public static final Instant TAKEN_AT = Instant.parse("2025-12-01T10:00:00Z");
    /** Source of every synthetic snapshot. */
    public static final String SOURCE = "synthetic";

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long GIB = 1024 * MIB;

    /** A kind of program: what it is called, where it is classified, who runs it, how big it tends to be. */
    private record Kind(GroupKey group, String name, String cmdline, int uid, String user, long typicalRss,
            int threads, int weight) {}

    private static final List<Kind> KINDS = List.of(
            kind("system", "kernel", "kworker/u16:3", "", 0, "root", 0, 1, 30),
            kind("system", "kernel", "ksoftirqd/0", "", 0, "root", 0, 1, 4),
            kind("system", "systemd", "systemd", "/usr/lib/systemd/systemd --user", 1000, "alice", 12 * MIB, 1, 3),
            kind("system", "systemd", "systemd-journal", "/usr/lib/systemd/systemd-journald", 0, "root", 40 * MIB, 1, 1),
            kind("system", "ssh", "sshd", "sshd: alice@pts/0", 0, "root", 9 * MIB, 1, 2),
            kind("system", "cron", "cron", "/usr/sbin/cron -f", 0, "root", 3 * MIB, 1, 1),
            kind("system", "rsyslog", "rsyslogd", "/usr/sbin/rsyslogd -n -iNONE", 104, "syslog", 6 * MIB, 4, 1),
            kind("other", "other", "Isolated Web Co", "/usr/lib/firefox/firefox -contentproc -isForBrowser -prefsLen 31234 "
                    + "-parentBuildID 20251120 -appDir /usr/lib/firefox/browser 4812 true tab", 1000, "alice",
                    180 * MIB, 28, 25),
            kind("other", "other", "firefox", "/usr/lib/firefox/firefox", 1000, "alice", 600 * MIB, 90, 2),
            kind("other", "other", "gnome-shell", "/usr/bin/gnome-shell", 1000, "alice", 350 * MIB, 24, 1),
            kind("other", "other", "Xwayland", "/usr/bin/Xwayland :0 -rootless -noreset -accessx", 1000, "alice", 90 * MIB, 8, 1),
            kind("other", "other", "pipewire", "/usr/bin/pipewire", 1000, "alice", 15 * MIB, 3, 2),
            kind("other", "other", "code", "/usr/share/code/code --type=renderer --enable-crash-reporter", 1000, "alice",
                    250 * MIB, 20, 6),
            kind("other", "other", "bash", "-bash", 1000, "alice", 5 * MIB, 1, 12),
            kind("other", "other", "tmux: server", "tmux new -s work", 1000, "alice", 6 * MIB, 1, 2),
            kind("other", "other", "weird (name) S 1", "./weird (name) S 1 --odd", 1000, "alice", 2 * MIB, 1, 1),
            kind("db", "postgres", "postgres", "postgres: 16/main: checkpointer", 113, "postgres", 60 * MIB, 1, 8),
            kind("db", "mysql", "mysqld", "/usr/sbin/mysqld", 114, "mysql", 400 * MIB, 38, 1),
            kind("cache", "redis", "redis-server", "/usr/bin/redis-server 127.0.0.1:6379", 115, "redis", 30 * MIB, 5, 1),
            kind("web", "nginx", "nginx", "nginx: worker process", 33, "www-data", 12 * MIB, 1, 5),
            kind("web", "tomcat", "java", "/usr/bin/java -Xmx2g org.apache.catalina.startup.Bootstrap start",
                    997, "tomcat", 1200 * MIB, 60, 1),
            kind("container", "containerd", "containerd", "/usr/bin/containerd", 0, "root", 50 * MIB, 14, 1),
            kind("container", "docker", "dockerd", "/usr/bin/dockerd -H fd://", 0, "root", 90 * MIB, 20, 1),
            kind("runtime", "python", "python3", "python3 -m http.server 8000", 1000, "alice", 25 * MIB, 1, 3),
            kind("runtime", "nodejs", "node", "node /srv/app/server.js", 1000, "alice", 120 * MIB, 11, 3),
            kind("monitoring", "node_exporter", "node_exporter", "/usr/bin/node_exporter", 65534, "nobody", 20 * MIB, 6, 1));

    private static final int TOTAL_WEIGHT = KINDS.stream().mapToInt(Kind::weight).sum();

    private SyntheticSnapshots() {}

    private static Kind kind(String group, String subgroup, String name, String cmdline, int uid, String user,
            long typicalRss, int threads, int weight) {
        return new Kind(new GroupKey(group, subgroup), name, cmdline, uid, user, typicalRss, threads, weight);
    }

    /** A snapshot of {@code processes} processes (pid 1 is {@code systemd}), sequence 1. */
    public static Snapshot generate(int processes, long seed) {
        if (processes < 0) {
            throw new IllegalArgumentException("process count must be 0 or more, got " + processes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<ProcessSample> out = new ArrayList<>(processes);
        int pid = 1;
        for (int i = 0; i < processes; i++) {
            Kind kind = i == 0 ? init() : pick(random);
            int ppid = i == 0 ? 0 : out.get(random.nextInt(Math.min(out.size(), 50))).pid();
            out.add(process(pid, ppid, kind, random));
            pid += 1 + random.nextInt(6);
        }
        return new Snapshot(1, TAKEN_AT, SOURCE, out, system(random), CollectionStats.NONE);
    }

    private static Kind init() {
        return kind("system", "systemd", "systemd", "/sbin/init splash", 0, "root", 14 * MIB, 1, 0);
    }

    private static Kind pick(SplittableRandom random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (Kind k : KINDS) {
            ticket -= k.weight();
            if (ticket < 0) {
                return k;
            }
        }
        throw new AssertionError("weights");
    }

    private static ProcessSample process(int pid, int ppid, Kind kind, SplittableRandom random) {
        boolean kernel = kind.cmdline().isEmpty();
        long rss = kernel ? 0 : Math.max(512 * KIB, Math.min(3 * GIB, (long) (kind.typicalRss() * logFactor(random))));
        rss -= rss % 4096;
        ProcessSample.Builder b = ProcessSample.builder(pid, kind.name())
                .ppid(ppid).cmdline(kind.cmdline()).uid(kind.uid()).user(kind.user())
                .state(state(random)).threads(kind.threads() + (kind.threads() > 1 ? random.nextInt(kind.threads()) : 0))
                .startTime(TAKEN_AT.minus(Duration.ofSeconds(random.nextLong(1, 10 * 86_400L))))
                .rssBytes(rss).group(kind.group())
                .matchedRule(kind.group().isOther() ? "" : "name = " + kind.name())
                .cpuPercent(Math.floor(random.nextDouble() * random.nextDouble() * (kernel ? 2 : 40) * 10) / 10)
                .cpuTimeSeconds(Math.floor(random.nextDouble(0, 50_000) * random.nextDouble()) / 100);
        long anon = rss / 10 * (5 + random.nextInt(4));
        long shmem = rss / 50 * random.nextInt(3);
        long swap = random.nextInt(4) == 0 ? (random.nextLong(0, 64 * MIB) & ~4095L) : 0;
        MemoryBreakdown status = MemoryBreakdown.UNKNOWN.withStatus(OptionalLong.of(anon),
                OptionalLong.of(rss - anon - shmem), OptionalLong.of(shmem), OptionalLong.of(swap));
        boolean unreadable = !kernel && kind.uid() != 1000 && random.nextInt(3) == 0;
        if (unreadable) {
            return b.memory(status).build();
        }
        long pss = (long) (rss * random.nextDouble(0.55, 0.98));
        long uss = (long) (pss * random.nextDouble(0.6, 1.0));
        long pssShmem = shmem / 2;
        long pssAnon = Math.min(anon, pss - pssShmem);
        return b.pssBytes(pss).ussBytes(uss)
                .memory(status.withRollup(OptionalLong.of(pssAnon), OptionalLong.of(pss - pssAnon - pssShmem),
                        OptionalLong.of(pssShmem), OptionalLong.of(swap / 2)))
                .build();
    }

    /** A factor between 1/8 and 8, log-uniform, so sizes spread over orders of magnitude. */
    private static double logFactor(SplittableRandom random) {
        return Math.pow(2, random.nextDouble(-3, 3));
    }

    private static char state(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 90 ? 'S' : r < 96 ? 'R' : r < 98 ? 'I' : r < 99 ? 'D' : 'Z';
    }

    private static SystemSample system(SplittableRandom random) {
        Map<String, Double> cpu = new TreeMap<>();
        double total = 0;
        for (int i = 0; i < 8; i++) {
            double busy = Math.floor(random.nextDouble(0, 0.6) * 1000) / 1000;
            cpu.put("cpu" + i, busy);
            total += busy;
        }
        cpu.put("cpu", Math.floor(total / 8 * 1000) / 1000);
        return new SystemSample(OptionalLong.of(32 * GIB), OptionalLong.of(19 * GIB), OptionalLong.of(8 * GIB),
                OptionalLong.of(7 * GIB), OptionalDouble.of(1.42), OptionalDouble.of(1.18), OptionalDouble.of(0.97),
                cpu, 8);
    }
}
