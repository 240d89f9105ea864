package io.herakles.procmem.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.SharedMapping;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** How {@code maps --all} prints the mappings shared across processes: text lines or JSON. */
final class SharedMapsReport {

    /** Processes named on a text line before "+N more". */
    private static final int NAMED = 6;

    private SharedMapsReport() {}

    static void text(SharedMemoryReport r, int top, PrintStream out) {
        out.println(summary(r));
        for (SharedMapping s : r.top(top)) {
            out.printf(Locale.ROOT, "%s: %d processes, RSS %s, PSS %s%s  (%s, %s)%n", ByteText.printable(baseName(s.path())),
                    s.processes(), ByteText.of(s.rss()), ByteText.of(s.pss()),
                    s.swap() > 0 ? ", swap " + ByteText.of(s.swap()) : "", s.kind().label(),
                    ByteText.printable(s.path()));
            out.println("    " + users(s.users()));
        }
        if (top > 0 && r.shared().size() > top) {
            out.println("… " + (r.shared().size() - top) + " more (--top 0 lists all)");
        }
    }

    static String summary(SharedMemoryReport r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%d files and segments mapped by 2 or more processes; %d processes scanned in %d ms",
                r.shared().size(), r.scanned(), r.elapsed().toMillis()));
        if (r.denied() > 0) {
            sb.append("; ").append(r.denied()).append(" not readable (").append(ProcessMaps.DENIED_HINT).append(')');
        }
        if (r.gone() > 0) {
            sb.append("; ").append(r.gone()).append(" exited during the scan");
        }
        return sb.toString();
    }

    private static String users(List<SharedMapping.User> users) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(NAMED, users.size()); i++) {
            SharedMapping.User u = users.get(i);
            sb.append(i == 0 ? "" : ", ").append(ByteText.printable(u.name())).append(' ').append(u.pid());
        }
        if (users.size() > NAMED) {
            sb.append(", +").append(users.size() - NAMED).append(" more");
        }
        return sb.toString();
    }

    /** The last path element ("libjvm.so"), the whole text when there is no slash. */
    static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 || slash == path.length() - 1 ? path : path.substring(slash + 1);
    }

    static ObjectNode json(SharedMemoryReport r, int top) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("scanned", r.scanned());
        root.put("denied", r.denied());
        root.put("gone", r.gone());
        root.put("cancelled", r.cancelled());
        root.put("elapsed_ms", r.elapsed().toNanos() / 1e6);
        root.put("shared_total", r.shared().size());
        ArrayNode list = root.putArray("shared");
        for (SharedMapping s : r.top(top)) {
            ObjectNode o = list.addObject();
            o.put("path", s.path());
            o.put("kind", s.kind().label());
            o.put("processes", s.processes());
            o.put("rss_bytes", s.rss());
            o.put("pss_bytes", s.pss());
            o.put("swap_bytes", s.swap());
            ArrayNode users = o.putArray("users");
            for (SharedMapping.User u : s.users()) {
                users.addObject().put("pid", u.pid()).put("name", u.name()).put("rss_bytes", u.rss())
                        .put("pss_bytes", u.pss());
            }
        }
        return root;
    }
}
