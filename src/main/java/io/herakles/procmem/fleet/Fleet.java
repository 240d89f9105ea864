package io.herakles.procmem.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Every host's memory as Prometheus last saw it: immutable records, hosts sorted by instance then
 * job, each host's subgroups by USS, largest first. Figures Prometheus has no series for are
 * absent, not zero.
 *
 * @param source the Prometheus base URL (no credentials)
 * @param at     when the queries ran
 * @param hosts  every exporter that reported in the last hour
 */
public record Fleet(String source, Instant at, List<Host> hosts) {

    public Fleet {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        hosts = List.copyOf(hosts);
    }

    /**
     * One exporter.
     *
     * @param job         the scrape job
     * @param instance    the target ({@code host:port})
     * @param labels      every other target label seen on its {@code up} series (for filters)
     * @param up          1 when the last scrape worked, 0 when it failed; absent when unknown
     * @param processes   processes in its last snapshot
     * @param memoryTotal bytes of RAM; absent when the exporter does not report system memory
     * @param memoryUsed  total minus available; absent as above
     * @param cpuCores    CPU in cores busy (sum of its processes); absent when not reported
     * @param subgroups   bytes per subgroup, largest USS first
     * @param grew1h      the subgroup whose USS grew most in the last hour
     * @param grew24h     the same over 24 hours
     */
    public record Host(String job, String instance, Map<String, String> labels, OptionalDouble up, long processes,
            OptionalLong memoryTotal, OptionalLong memoryUsed, OptionalDouble cpuCores, List<Subgroup> subgroups,
            Optional<Growth> grew1h, Optional<Growth> grew24h) {

        public Host {
            labels = Map.copyOf(labels);
            subgroups = List.copyOf(subgroups);
        }

        /** Summed over every subgroup; absent when no subgroup reports it. */
        public OptionalLong total(Kind kind) {
            long sum = 0;
            boolean any = false;
            for (Subgroup s : subgroups) {
                OptionalLong v = s.bytes(kind);
                if (v.isPresent()) {
                    sum += v.getAsLong();
                    any = true;
                }
            }
            return any ? OptionalLong.of(sum) : OptionalLong.empty();
        }
    }

    /** Bytes of one subgroup on one host. */
    public record Subgroup(String group, String subgroup, OptionalLong uss, OptionalLong pss, OptionalLong rss) {
        public OptionalLong bytes(Kind kind) {
            return switch (kind) {
                case USS -> uss;
                case PSS -> pss;
                case RSS -> rss;
            };
        }
    }

    /** A subgroup's growth over a range, in bytes (negative = shrank). */
    public record Growth(String group, String subgroup, double bytes) {}

    /** Which memory figure. */
    public enum Kind { USS, PSS, RSS }
}
