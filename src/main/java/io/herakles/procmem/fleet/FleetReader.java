package io.herakles.procmem.fleet;

import io.herakles.procmem.fleet.PrometheusClient.Sample;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a {@link Fleet} with the {@link FleetQueries}: one instant query per figure, joined by
 * {@code job} and {@code instance}. A Prometheus without a single herakles series is a
 * {@link FleetException} ("no herakles metrics found; is the exporter scraped?"). Stateless apart
 * from its client; thread-safe.
 */
public final class FleetReader {

    public static final String NO_METRICS = "no herakles metrics found; is the exporter scraped?";

    private final PrometheusClient client;
    private final FleetQueries queries;
    private final Clock clock;

    private final Set<Fleet.Kind> kinds;

    /** Reads every figure, USS, PSS and RSS per subgroup (the fleet command). */
    public FleetReader(PrometheusClient client, FleetQueries queries) {
        this(client, queries, EnumSet.allOf(Fleet.Kind.class), Clock.systemUTC());
    }

    /**
     * Reads the subgroups' bytes only for {@code kinds} (the others are absent): each kind is a query
     * of one series per host and subgroup, 150,000 at 1,000 hosts, so the desktop asks only for
     * what it shows.
     */
    public FleetReader(PrometheusClient client, FleetQueries queries, Set<Fleet.Kind> kinds) {
        this(client, queries, kinds, Clock.systemUTC());
    }

    FleetReader(PrometheusClient client, FleetQueries queries, Clock clock) {
        this(client, queries, EnumSet.allOf(Fleet.Kind.class), clock);
    }

    private FleetReader(PrometheusClient client, FleetQueries queries, Set<Fleet.Kind> kinds, Clock clock) {
        this.client = client;
        this.queries = queries;
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(Fleet.Kind.class) : EnumSet.copyOf(kinds);
        this.clock = clock;
    }

    private record Key(String job, String instance) {
        static Key of(Sample s) {
            return new Key(s.label("job"), s.label("instance"));
        }
    }

    private record SubKey(String group, String subgroup) {}

    public Fleet read() throws FleetException {
        List<Sample> hosts = client.vector(queries.hosts());
        if (hosts.isEmpty()) {
            throw new FleetException(NO_METRICS);
        }
        Map<Key, Sample> up = byHost(client.vector(queries.up()));
        Map<Key, Double> total = values(client.vector(queries.memoryTotal()));
        Map<Key, Double> available = values(client.vector(queries.memoryAvailable()));
        Map<Key, Double> cpu = values(client.vector(queries.cpuCores()));
        Map<Key, Map<SubKey, long[]>> subgroups = new HashMap<>();
        // a series at a time as the answer streams in (150,000 per kind at 1,000 hosts), each label
        // text kept once: the three kinds name the same hosts, groups and subgroups
        Map<String, String> texts = new HashMap<>();
        Fleet.Kind[] kinds = Fleet.Kind.values();
        for (int k = 0; k < kinds.length; k++) {
            if (!this.kinds.contains(kinds[k])) {
                continue;
            }
            int kind = k;
            client.vector(queries.subgroups(kinds[k].name().toLowerCase(java.util.Locale.ROOT)), s -> {
                Key host = new Key(once(texts, s.label("job")), once(texts, s.label("instance")));
                long[] bytes = subgroups.computeIfAbsent(host, x -> new TreeMap<>(
                        Comparator.comparing(SubKey::group).thenComparing(SubKey::subgroup)))
                        .computeIfAbsent(new SubKey(once(texts, s.label("group")), once(texts, s.label("subgroup"))),
                                x -> new long[] {-1, -1, -1});
                bytes[kind] = Math.round(s.value());
            });
        }
        Map<Key, Fleet.Growth> grew1h = growth(client.vector(queries.grewMost("1h")));
        Map<Key, Fleet.Growth> grew24h = growth(client.vector(queries.grewMost("24h")));
        Map<Key, String> exporters = exporterUrls();

        List<Fleet.Host> out = new ArrayList<>();
        for (Sample h : hosts) {
            Key key = Key.of(h);
            Optional<Sample> upSample = Optional.ofNullable(up.get(key));
            Map<String, String> labels = new TreeMap<>(upSample.map(Sample::labels).orElse(Map.of()));
            labels.remove("__name__");
            OptionalLong memTotal = bytes(total.get(key));
            OptionalLong memUsed = total.containsKey(key) && available.containsKey(key)
                    ? OptionalLong.of(Math.round(total.get(key) - available.get(key))) : OptionalLong.empty();
            out.add(new Fleet.Host(key.job(), key.instance(), labels,
                    upSample.map(s -> OptionalDouble.of(s.value())).orElse(OptionalDouble.empty()),
                    Math.round(h.value()), memTotal, memUsed,
                    cpu.containsKey(key) ? OptionalDouble.of(cpu.get(key)) : OptionalDouble.empty(),
                    subgroupList(subgroups.getOrDefault(key, Map.of())),
                    Optional.ofNullable(grew1h.get(key)), Optional.ofNullable(grew24h.get(key)),
                    exporters.getOrDefault(key, Fleet.Host.guessedExporterUrl(key.instance()))));
        }
        out.sort(Comparator.comparing(Fleet.Host::instance).thenComparing(Fleet.Host::job));
        return new Fleet(client.target().base().toString(), clock.instant(), out);
    }

    /**
     * Where each target's exporter answers, from the URLs Prometheus scrapes. A server without
     * {@code /api/v1/targets} (a query-only front end) leaves every host at its guessed URL.
     */
    private Map<Key, String> exporterUrls() {
        Map<Key, String> out = new HashMap<>();
        try {
            for (PrometheusClient.ScrapeTarget t : client.activeTargets()) {
                out.put(new Key(t.job(), t.instance()), Fleet.Host.exporterBase(t.scrapeUrl()));
            }
        } catch (FleetException e) {
            // unknown, not wrong: the figures came from the query API, which answered
        }
        return out;
    }

    private static String once(Map<String, String> texts, String s) {
        String kept = texts.putIfAbsent(s, s);
        return kept == null ? s : kept;
    }

    private static List<Fleet.Subgroup> subgroupList(Map<SubKey, long[]> bySubgroup) {
        List<Fleet.Subgroup> list = new ArrayList<>();
        bySubgroup.forEach((k, b) -> list.add(new Fleet.Subgroup(k.group(), k.subgroup(), bytes(b[0]), bytes(b[1]),
                bytes(b[2]))));
        list.sort(Comparator.comparingLong((Fleet.Subgroup s) -> s.uss().orElse(s.rss().orElse(0))).reversed());
        return list;
    }

    private static OptionalLong bytes(long v) {
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private static OptionalLong bytes(Double v) {
        return v == null || v.isNaN() ? OptionalLong.empty() : OptionalLong.of(Math.round(v));
    }

    private static Map<Key, Sample> byHost(List<Sample> samples) {
        Map<Key, Sample> out = new HashMap<>();
        samples.forEach(s -> out.put(Key.of(s), s));
        return out;
    }

    private static Map<Key, Double> values(List<Sample> samples) {
        Map<Key, Double> out = new HashMap<>();
        samples.forEach(s -> out.put(Key.of(s), s.value()));
        return out;
    }

    private static Map<Key, Fleet.Growth> growth(List<Sample> samples) {
        Map<Key, Fleet.Growth> out = new HashMap<>();
        for (Sample s : samples) {
            if (!Double.isNaN(s.value())) {
                out.put(Key.of(s), new Fleet.Growth(s.label("group"), s.label("subgroup"), s.value()));
            }
        }
        return out;
    }
}
