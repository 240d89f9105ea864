package io.herakles.procmem.fleet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A {@link Fleet} for scripts and terminals: JSON (every host with its totals and its largest
 * {@code top} subgroups; absent figures are {@code null}) or two text tables (hosts, then the
 * largest subgroups of each). Stateless.
 */
public final class FleetReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FleetReport() {}

    public static void json(Fleet fleet, int top, Writer out) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("prometheus", fleet.source());
            g.writeStringField("queried_at", fleet.at().toString());
            g.writeArrayFieldStart("hosts");
            for (Fleet.Host h : fleet.hosts()) {
                g.writeStartObject();
                g.writeStringField("instance", h.instance());
                g.writeStringField("job", h.job());
                g.writeStringField("exporter_url", h.exporterUrl());
                g.writeObjectFieldStart("labels");
                for (Map.Entry<String, String> e : h.labels().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                number(g, "up", h.up());
                g.writeNumberField("processes", h.processes());
                number(g, "memory_total_bytes", h.memoryTotal());
                number(g, "memory_used_bytes", h.memoryUsed());
                number(g, "cpu_cores", h.cpuCores());
                number(g, "uss_bytes", h.total(Fleet.Kind.USS));
                number(g, "pss_bytes", h.total(Fleet.Kind.PSS));
                number(g, "rss_bytes", h.total(Fleet.Kind.RSS));
                growth(g, "grew_most_1h", h.grew1h());
                growth(g, "grew_most_24h", h.grew24h());
                g.writeNumberField("subgroup_count", h.subgroups().size());
                g.writeArrayFieldStart("subgroups");
                for (Fleet.Subgroup s : h.subgroups().subList(0, Math.min(top, h.subgroups().size()))) {
                    g.writeStartObject();
                    g.writeStringField("group", s.group());
                    g.writeStringField("subgroup", s.subgroup());
                    number(g, "uss_bytes", s.uss());
                    number(g, "pss_bytes", s.pss());
                    number(g, "rss_bytes", s.rss());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static void number(JsonGenerator g, String field, OptionalLong v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(field, v.getAsLong());
        } else {
            g.writeNullField(field);
        }
    }

    private static void number(JsonGenerator g, String field, OptionalDouble v) throws IOException {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
            g.writeNumberField(field, v.getAsDouble());
        } else {
            g.writeNullField(field);
        }
    }

    private static void growth(JsonGenerator g, String field, Optional<Fleet.Growth> growth) throws IOException {
        if (growth.isEmpty()) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("group", growth.get().group());
        g.writeStringField("subgroup", growth.get().subgroup());
        g.writeNumberField("bytes", Math.round(growth.get().bytes()));
        g.writeEndObject();
    }

    /** The host table, then the largest {@code top} subgroups of each host. */
    public static String text(Fleet fleet, int top) {
        StringBuilder b = new StringBuilder();
        String hostFormat = "%-24s %-12s %-4s %8s %21s %7s %10s  %-28s %-28s%n";
        b.append(String.format(Locale.ROOT, hostFormat, "INSTANCE", "JOB", "UP", "PROCS", "MEM USED / TOTAL", "CPU",
                "USS", "GREW MOST 1H", "GREW MOST 24H"));
        for (Fleet.Host h : fleet.hosts()) {
            String mem = bytes(h.memoryUsed()) + " / " + bytes(h.memoryTotal());
            b.append(String.format(Locale.ROOT, hostFormat, h.instance(), h.job(),
                    h.up().isPresent() ? (h.up().getAsDouble() == 1 ? "yes" : "NO") : "—", h.processes(), mem,
                    h.cpuCores().isPresent() ? String.format(Locale.ROOT, "%.2f", h.cpuCores().getAsDouble()) : "—",
                    bytes(h.total(Fleet.Kind.USS)), growth(h.grew1h()), growth(h.grew24h())));
        }
        b.append('\n');
        String subFormat = "%-24s %-32s %10s %10s %10s%n";
        b.append(String.format(Locale.ROOT, subFormat, "INSTANCE", "GROUP/SUBGROUP", "USS", "PSS", "RSS"));
        for (Fleet.Host h : fleet.hosts()) {
            List<Fleet.Subgroup> shown = h.subgroups().subList(0, Math.min(top, h.subgroups().size()));
            for (Fleet.Subgroup s : shown) {
                b.append(String.format(Locale.ROOT, subFormat, h.instance(), s.group() + "/" + s.subgroup(),
                        bytes(s.uss()), bytes(s.pss()), bytes(s.rss())));
            }
        }
        return b.toString();
    }

    private static String growth(Optional<Fleet.Growth> g) {
        return g.map(x -> x.group() + "/" + x.subgroup() + " " + (x.bytes() >= 0 ? "+" : "-")
                + bytes(OptionalLong.of(Math.round(Math.abs(x.bytes()))))).orElse("—");
    }

    /** Binary units, one decimal: {@code 1.5 GiB}; "—" when absent. */
    static String bytes(OptionalLong v) {
        if (v.isEmpty()) {
            return "—";
        }
        double x = v.getAsLong();
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int u = 0;
        while (Math.abs(x) >= 1024 && u < units.length - 1) {
            x /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%d B", v.getAsLong()) : String.format(Locale.ROOT, "%.1f %s", x, units[u]);
    }

    /** For callers that cannot throw: JSON into a string. */
    public static String json(Fleet fleet, int top) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            json(fleet, top, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
