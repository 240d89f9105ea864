package io.herakles.procmem.ui.prefs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.model.MemoryMetric;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The preferences file's JSON: {@link #toJson} writes every remembered value, {@link #parse} reads
 * key by key. A key that is unknown (a newer version's) is skipped silently; a known key with a
 * value of the wrong type or out of range is skipped with one line to {@code problems} naming the
 * key and the value; the other keys still apply. Only text that is not a JSON object at all is
 * refused as a whole ({@link CorruptPrefsException}). Pure.
 */
public final class PrefsFile {

    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    static final Duration MAX_INTERVAL = Duration.ofHours(1);
    static final Duration MAX_CPU_WINDOW = Duration.ofMinutes(15);
    /** A divider nearer an edge than this hides a pane: such a value is not restored. */
    static final double DIVIDER_MARGIN = 0.05;
    static final double MAX_WINDOW_SIDE = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The whole file is not a JSON object. */
    public static final class CorruptPrefsException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptPrefsException(String message) {
            super(message);
        }
    }

    private PrefsFile() {}

    /** The JSON text of {@code prefs} (only what is remembered; nulls are left out). */
    public static String toJson(DesktopPrefs prefs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", DesktopPrefs.VERSION);
        if (prefs.window() != null) {
            WindowBounds w = prefs.window();
            ObjectNode window = root.putObject("window");
            window.put("x", w.x()).put("y", w.y()).put("width", w.width()).put("height", w.height())
                    .put("maximized", w.maximized());
        }
        putIfSet(root, "mainDivider", prefs.mainDivider());
        putIfSet(root, "sideDivider", prefs.sideDivider());
        if (!prefs.columns().isEmpty()) {
            ArrayNode columns = root.putArray("columns");
            prefs.columns().forEach(c -> columns.addObject().put("id", c.id()).put("visible", c.visible())
                    .put("width", c.width()));
        }
        if (!prefs.sort().isEmpty()) {
            ArrayNode sort = root.putArray("sort");
            prefs.sort().forEach(s -> sort.addObject().put("id", s.id()).put("ascending", s.ascending()));
        }
        if (prefs.metric() != null) {
            root.put("metric", prefs.metric().name());
        }
        if (prefs.interval() != null) {
            root.put("intervalMillis", prefs.interval().toMillis());
        }
        if (prefs.cpuWindow() != null) {
            root.put("cpuWindowSeconds", prefs.cpuWindow().toSeconds());
        }
        if (prefs.cpuStacked() != null) {
            root.put("cpuStacked", prefs.cpuStacked());
        }
        if (prefs.treemapHidesFiltered() != null) {
            root.put("treemapHidesFiltered", prefs.treemapHidesFiltered());
        }
        if (prefs.tab() != null) {
            root.put("tab", prefs.tab());
        }
        if (prefs.theme() != null) {
            root.put("theme", prefs.theme().name().toLowerCase(Locale.ROOT));
        }
        if (prefs.lastFolder() != null) {
            root.put("lastFolder", prefs.lastFolder().toString());
        }
        if (!prefs.recentFiles().isEmpty()) {
            ArrayNode recent = root.putArray("recentFiles");
            prefs.recentFiles().forEach(p -> recent.add(p.toString()));
        }
        putUrls(root, "recentExporters", prefs.recentExporters());
        putUrls(root, "recentPrometheus", prefs.recentPrometheus());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preferences JSON", e); // a tree of plain values always writes
        }
    }

    /** Written cleaned once more: whatever a list holds, no credentials reach the file. */
    private static void putUrls(ObjectNode root, String key, List<String> urls) {
        if (!urls.isEmpty()) {
            ArrayNode list = root.putArray(key);
            urls.forEach(u -> RecentConnections.clean(u).ifPresent(list::add));
        }
    }

    private static void putIfSet(ObjectNode root, String key, Double value) {
        if (value != null) {
            root.put(key, value);
        }
    }

    /**
     * Reads {@code text} key by key. {@code problems} gets one line per known key whose value is
     * ignored ("{@code metric: "XSS" is not USS, PSS or RSS}").
     */
    public static DesktopPrefs parse(String text, Consumer<String> problems) throws CorruptPrefsException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CorruptPrefsException("not JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new CorruptPrefsException("not a JSON object");
        }
        Reader r = new Reader(root, problems);
        return new DesktopPrefs(r.window(), r.divider("mainDivider"), r.divider("sideDivider"), r.columns(),
                r.sort(), r.metric(), r.interval(), r.cpuWindow(), r.bool("cpuStacked"), r.bool("treemapHidesFiltered"), r.text("tab"), r.theme(),
                r.path("lastFolder"), r.recentFiles(), r.urls("recentExporters"), r.urls("recentPrometheus"));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Reads one known key at a time; a bad value is reported and read as absent. */
    private static final class Reader {
        private final JsonNode root;
        private final Consumer<String> problems;

        Reader(JsonNode root, Consumer<String> problems) {
            this.root = root;
            this.problems = problems;
        }

        private JsonNode get(String key) {
            JsonNode node = root.get(key);
            return node == null || node.isNull() ? null : node;
        }

        private <T> T bad(String key, JsonNode value, String why) {
            problems.accept(key + ": " + value + " " + why + "; ignored");
            return null;
        }

        WindowBounds window() {
            JsonNode w = get("window");
            if (w == null) {
                return null;
            }
            if (!w.isObject()) {
                return bad("window", w, "is not an object");
            }
            double[] v = new double[4];
            String[] keys = {"x", "y", "width", "height"};
            for (int i = 0; i < 4; i++) {
                JsonNode n = w.get(keys[i]);
                if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())
                        || Math.abs(n.asDouble()) > MAX_WINDOW_SIDE) {
                    return bad("window." + keys[i], n, "is not a number of pixels");
                }
                v[i] = n.asDouble();
            }
            if (v[2] < 1 || v[3] < 1) {
                return bad("window", w, "has no area");
            }
            JsonNode max = w.get("maximized");
            return new WindowBounds(v[0], v[1], v[2], v[3], max != null && max.isBoolean() && max.asBoolean());
        }

        Double divider(String key) {
            JsonNode n = get(key);
            if (n == null) {
                return null;
            }
            if (!n.isNumber() || !(n.asDouble() >= DIVIDER_MARGIN && n.asDouble() <= 1 - DIVIDER_MARGIN)) {
                return bad(key, n, "is not between " + DIVIDER_MARGIN + " and " + (1 - DIVIDER_MARGIN));
            }
            return n.asDouble();
        }

        List<ColumnPref> columns() {
            JsonNode n = get("columns");
            if (n == null) {
                return List.of();
            }
            if (!n.isArray()) {
                bad("columns", n, "is not a list");
                return List.of();
            }
            List<ColumnPref> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode c : n) {
                JsonNode id = c.get("id");
                JsonNode width = c.get("width");
                JsonNode visible = c.get("visible");
                if (id == null || !id.isTextual() || width == null || !width.isNumber()
                        || !(width.asDouble() >= 1 && width.asDouble() <= MAX_WINDOW_SIDE)
                        || (visible != null && !visible.isBoolean()) || !seen.add(id.asText())) {
                    bad("columns", c, "is not a column (id, visible, width > 0), or repeats one");
                    continue;
                }
                out.add(new ColumnPref(id.asText(), visible == null || visible.asBoolean(), width.asDouble()));
            }
            return out;
        }

        List<SortPref> sort() {
            JsonNode n = get("sort");
            if (n == null) {
                return List.of();
            }
            if (!n.isArray()) {
                bad("sort", n, "is not a list");
                return List.of();
            }
            List<SortPref> out = new ArrayList<>();
            for (JsonNode s : n) {
                JsonNode id = s.get("id");
                JsonNode ascending = s.get("ascending");
                if (id == null || !id.isTextual() || ascending == null || !ascending.isBoolean()) {
                    bad("sort", s, "is not a sort key (id, ascending)");
                    continue;
                }
                out.add(new SortPref(id.asText(), ascending.asBoolean()));
            }
            return out;
        }

        MemoryMetric metric() {
            JsonNode n = get("metric");
            if (n == null) {
                return null;
            }
            for (MemoryMetric m : MemoryMetric.values()) {
                if (n.isTextual() && m.name().equalsIgnoreCase(n.asText())) {
                    return m;
                }
            }
            return bad("metric", n, "is not USS, PSS or RSS");
        }

        Duration interval() {
            JsonNode n = get("intervalMillis");
            if (n == null) {
                return null;
            }
            if (!n.canConvertToLong() || !n.isIntegralNumber()) {
                return bad("intervalMillis", n, "is not a whole number of milliseconds");
            }
            Duration d = Duration.ofMillis(n.asLong());
            if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
                return bad("intervalMillis", n, "is not between 100 ms and 1 h");
            }
            return d;
        }

        Duration cpuWindow() {
            JsonNode n = get("cpuWindowSeconds");
            if (n == null) {
                return null;
            }
            if (!n.isIntegralNumber() || n.asLong() < 60 || n.asLong() > MAX_CPU_WINDOW.toSeconds()) {
                return bad("cpuWindowSeconds", n, "is not between 60 and 900 seconds");
            }
            return Duration.ofSeconds(n.asLong());
        }

        Boolean bool(String key) {
            JsonNode n = get(key);
            if (n == null) {
                return null;
            }
            return n.isBoolean() ? n.asBoolean() : bad(key, n, "is not true or false");
        }

        String text(String key) {
            JsonNode n = get(key);
            if (n == null) {
                return null;
            }
            return n.isTextual() && !n.asText().isBlank() ? n.asText() : bad(key, n, "is not a name");
        }

        ThemeChoice theme() {
            JsonNode n = get("theme");
            if (n == null) {
                return null;
            }
            for (ThemeChoice t : ThemeChoice.values()) {
                if (n.isTextual() && t.name().equalsIgnoreCase(n.asText())) {
                    return t;
                }
            }
            return bad("theme", n, "is not system, light or dark");
        }

        Path path(String key) {
            JsonNode n = get(key);
            if (n == null) {
                return null;
            }
            Path p = toPath(n);
            return p != null ? p : bad(key, n, "is not an absolute path");
        }

        List<Path> recentFiles() {
            JsonNode n = get("recentFiles");
            if (n == null) {
                return List.of();
            }
            if (!n.isArray()) {
                bad("recentFiles", n, "is not a list");
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            for (JsonNode f : n) {
                Path p = toPath(f);
                if (p == null) {
                    bad("recentFiles", f, "is not an absolute path");
                } else if (out.size() < RecentFiles.MAX && !out.contains(p)) {
                    out.add(p);
                }
            }
            return out;
        }

        /** A list of recent URLs; an entry that is not a clean http(s) URL (one with credentials included) is dropped. */
        List<String> urls(String key) {
            JsonNode n = get(key);
            if (n == null) {
                return List.of();
            }
            if (!n.isArray()) {
                bad(key, n, "is not a list");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            int index = 0;
            for (JsonNode u : n) {
                index++;
                Optional<String> url = u.isTextual() ? RecentConnections.clean(u.asText()) : Optional.empty();
                if (url.isEmpty() || !url.get().equals(u.asText())) {
                    // the value is not repeated: it may hold a password someone typed into the file
                    problems.accept(key + ": entry " + index + " is not an http(s) URL without credentials; ignored");
                } else if (out.size() < RecentConnections.MAX && !out.contains(url.get())) {
                    out.add(url.get());
                }
            }
            return out;
        }

        private static Path toPath(JsonNode n) {
            if (!n.isTextual()) {
                return null;
            }
            try {
                Path p = Path.of(n.asText());
                return p.isAbsolute() ? p.normalize() : null;
            } catch (InvalidPathException e) {
                return null;
            }
        }
    }
}
