package io.herakles.procmem.export.snapshot;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Hand-made snapshots for the tests of this package. */
final class Samples {

    static final Instant TAKEN_AT = Instant.parse("2025-12-01T10:00:00Z");

    private Samples() {}

    /** A fully known process. */
    static ProcessSample postgres() {
        return ProcessSample.builder(1203, "postgres")
                .ppid(1).cmdline("/usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main")
                .uid(113).user("postgres").state('S').threads(1)
                .startTime(Instant.parse("2025-12-01T08:15:42.250Z"))
                .rssBytes(536_870_912L).pssBytes(469_762_048L).ussBytes(402_653_184L)
                .memory(new MemoryBreakdown(OptionalLong.of(300_000_000L), OptionalLong.of(200_000_000L),
                        OptionalLong.of(36_870_912L), OptionalLong.of(0), OptionalLong.of(280_000_000L),
                        OptionalLong.of(150_000_000L), OptionalLong.of(39_762_048L), OptionalLong.of(0)))
                .cpuPercent(2.5).cpuTimeSeconds(1234.5)
                .group(new GroupKey("db", "postgres")).matchedRule("name = postgres")
                .build();
    }

    /** A process of another user: PSS/USS and the smaps parts unreadable, most extras unknown. */
    static ProcessSample unreadable() {
        return ProcessSample.builder(77, "sshd")
                .rssBytes(8_388_608L)
                .memory(MemoryBreakdown.UNKNOWN.withStatus(OptionalLong.of(4_000_000L),
                        OptionalLong.of(4_388_608L), OptionalLong.of(0), OptionalLong.empty()))
                .cpuPercent(0.0).cpuTimeSeconds(0.01)
                .build();
    }

    /** Names that break naive writers: quotes, backslashes, newline, parentheses, non-BMP, U+FFFD. */
    static List<ProcessSample> awkwardNames() {
        String[] names = {
            "say \"hi\"", "back\\slash\\", "two\nlines\ttab", "evil) S 1 (x", "emoji \uD83D\uDE00 \uD834\uDD1E",
            "bad \uFFFD\uFFFD bytes", "", "ünïcødé ₠ ✓", "ctl \u0001\u001f\u007f"
        };
        List<ProcessSample> out = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(ProcessSample.builder(5000 + i, names[i])
                    .cmdline(names[i] + " --flag=\"" + names[i] + "\"")
                    .user(names[i])
                    .rssBytes(1_000_000L + i)
                    .pssBytes(900_000L).ussBytes(OptionalLong.empty())
                    .cpuPercent(0.1 * i).cpuTimeSeconds(1.0 / 3.0)
                    .group(new GroupKey("grp \"" + i + "\"", "sub\\" + names[i]))
                    .matchedRule("cmdline ~ " + names[i])
                    .build());
        }
        return out;
    }

    static SystemSample system() {
        return new SystemSample(OptionalLong.of(16_000_000_000L), OptionalLong.of(9_000_000_000L),
                OptionalLong.of(2_000_000_000L), OptionalLong.empty(),
                OptionalDouble.of(0.52), OptionalDouble.of(0.61), OptionalDouble.empty(),
                Map.of("cpu", 0.125, "cpu0", 0.25, "cpu1", 0.0), 2);
    }

    static Snapshot snapshot(List<ProcessSample> processes) {
        return new Snapshot(42, TAKEN_AT, "/proc", processes, system(), CollectionStats.NONE);
    }

    static String toJson(Snapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotJsonWriter.write(snapshot, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
