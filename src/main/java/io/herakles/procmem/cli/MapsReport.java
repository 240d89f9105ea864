package io.herakles.procmem.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.model.maps.Mapping;
import io.herakles.procmem.model.maps.MappingFigure;
import io.herakles.procmem.model.maps.MappingGroup;
import io.herakles.procmem.model.maps.MappingSizes;
import io.herakles.procmem.model.maps.ProcessMaps;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** How {@code maps PID} prints one process's mappings: a text table or JSON. */
final class MapsReport {

    /** The figures the text table shows, in column order (USS is computed, after PSS). */
    private static final MappingFigure[] COLUMNS = {MappingFigure.SIZE, MappingFigure.RSS, MappingFigure.PSS,
        null, MappingFigure.SWAP, MappingFigure.SWAP_PSS, MappingFigure.LOCKED, MappingFigure.ANON_HUGE_PAGES};
    private static final String[] HEADINGS = {"SIZE", "RSS", "PSS", "USS", "SWAP", "SWAPPSS", "LOCKED", "THP"};
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MapsReport() {}

    static String headline(ProcessMaps maps, String name) {
        MappingSizes t = maps.totals();
        return String.format(Locale.ROOT, "pid %d (%s): %d mappings, RSS %s, PSS %s, USS %s, swap %s", maps.pid(),
                ByteText.printable(name), maps.mappings().size(), ByteText.of(t.rss()), ByteText.of(t.pss()),
                ByteText.of(t.uss()), ByteText.of(t.swap()));
    }

    /** Every mapping in address order. */
    static void mappingsText(ProcessMaps maps, String name, PrintStream out) {
        out.println(headline(maps, name));
        out.printf(Locale.ROOT, "%-33s %-5s %-14s%s  %s%n", "ADDRESS", "PERMS", "KIND", headings(), "PATH");
        for (Mapping m : maps.mappings()) {
            out.printf(Locale.ROOT, "%-33s %-5s %-14s%s  %s%n", m.addressRange(), m.perms(), m.kind().label(),
                    figures(m.sizes()), ByteText.printable(m.path()));
        }
        out.printf(Locale.ROOT, "%-33s %-5s %-14s%s%n", "TOTAL", "", "", figures(maps.totals()));
    }

    /** Groups (by path or kind), largest PSS first. */
    static void groupsText(ProcessMaps maps, String name, List<MappingGroup> groups, PrintStream out) {
        out.println(headline(maps, name));
        out.printf(Locale.ROOT, "%-14s %5s%s  %s%n", "KIND", "MAPS", headings(), "NAME");
        for (MappingGroup g : groups) {
            out.printf(Locale.ROOT, "%-14s %5d%s  %s%n", g.kind().label(), g.mappings(), figures(g.sizes()),
                    ByteText.printable(g.name()));
        }
        out.printf(Locale.ROOT, "%-14s %5d%s%n", "TOTAL", maps.mappings().size(), figures(maps.totals()));
    }

    private static String headings() {
        StringBuilder sb = new StringBuilder();
        for (String h : HEADINGS) {
            sb.append(String.format(Locale.ROOT, " %10s", h));
        }
        return sb.toString();
    }

    private static String figures(MappingSizes s) {
        StringBuilder sb = new StringBuilder();
        for (MappingFigure f : COLUMNS) {
            String v;
            if (f == null) {
                v = ByteText.of(s.uss());
            } else {
                OptionalLong x = s.get(f);
                v = x.isPresent() ? ByteText.of(x.getAsLong()) : "-";
            }
            sb.append(String.format(Locale.ROOT, " %10s", v));
        }
        return sb.toString();
    }

    static ObjectNode mappingsJson(ProcessMaps maps, String name) {
        ObjectNode root = head(maps, name);
        ArrayNode list = root.putArray("mappings");
        for (Mapping m : maps.mappings()) {
            ObjectNode o = list.addObject();
            o.put("start", Long.toHexString(m.start()));
            o.put("end", Long.toHexString(m.end()));
            o.put("perms", m.perms());
            o.put("offset", m.offset());
            o.put("device", m.device());
            o.put("inode", m.inode());
            o.put("path", m.path());
            o.put("kind", m.kind().label());
            sizes(o, m.sizes());
        }
        return root;
    }

    static ObjectNode groupsJson(ProcessMaps maps, String name, String by, List<MappingGroup> groups) {
        ObjectNode root = head(maps, name);
        root.put("grouped_by", by);
        ArrayNode list = root.putArray("groups");
        for (MappingGroup g : groups) {
            ObjectNode o = list.addObject();
            o.put("name", g.name());
            o.put("kind", g.kind().label());
            o.put("mappings", g.mappings());
            sizes(o, g.sizes());
        }
        return root;
    }

    private static ObjectNode head(ProcessMaps maps, String name) {
        ObjectNode root = JSON.objectNode();
        root.put("pid", maps.pid());
        root.put("name", name);
        sizes(root.putObject("totals"), maps.totals());
        return root;
    }

    /** Every figure as {@code <key>_bytes}, null when the kernel did not print it; plus {@code uss_bytes}. */
    private static void sizes(ObjectNode o, MappingSizes s) {
        for (MappingFigure f : MappingFigure.values()) {
            String key = jsonKey(f);
            OptionalLong v = s.get(f);
            if (v.isPresent()) {
                o.put(key, v.getAsLong());
            } else {
                o.putNull(key);
            }
            if (f == MappingFigure.PSS) {
                o.put("uss_bytes", s.uss());
            }
        }
    }

    static String jsonKey(MappingFigure f) {
        return f.name().toLowerCase(Locale.ROOT) + "_bytes";
    }
}
