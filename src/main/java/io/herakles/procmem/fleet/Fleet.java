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
     * @param exporterUrl where its exporter answers: the base of the URL Prometheus scrapes (scheme and
     *                    path included, from {@code /api/v1/targets}), else {@code http://INSTANCE}
     */
    public record Host(String job, String instance, Map<String, String> labels, OptionalDouble up, long processes,
            OptionalLong memoryTotal, OptionalLong memoryUsed, OptionalDouble cpuCores, List<Subgroup> subgroups,
            Optional<Growth> grew1h, Optional<Growth> grew24h, String exporterUrl) {

        public Host {
            labels = Map.copyOf(labels);
            subgroups = List.copyOf(subgroups);
            Objects.requireNonNull(exporterUrl, "exporterUrl");
        }

        /** The host without a known scrape URL: its exporter is taken to answer plain HTTP at the instance. */
        public static String guessedExporterUrl(String instance) {
            return "http://" + instance;
        }

        /**
         * The exporter's base from the URL Prometheus scrapes: {@code https://db1:9215/metrics?x=1} →
         * {@code https://db1:9215/}; a path ending in {@code metrics} loses that segment, the query goes.
         */
        public static String exporterBase(String scrapeUrl) {
            String noQuery = scrapeUrl.replaceFirst("[?#].*$", "");
            return noQuery.endsWith("/metrics") ? noQuery.substring(0, noQuery.length() - "metrics".length()) : noQuery;
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

    /** One point of a series over time (a range query's), e.g. a host's memory in use. */
    public record Point(Instant at, double value) {}

    /** Which memory figure. */
    public enum Kind { USS, PSS, RSS }
}
