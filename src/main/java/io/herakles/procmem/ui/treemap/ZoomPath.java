package io.herakles.procmem.ui.treemap;

import java.util.List;
import java.util.Objects;

/**
 * Where the treemap is zoomed to: the root ({@code []}), a group ({@code [db]}) or a subgroup
 * ({@code [db, postgres]}). Immutable.
 *
 * @param segments group, then subgroup; at most two
 */
public record ZoomPath(List<String> segments) {

    public static final ZoomPath ROOT = new ZoomPath(List.of());

    public ZoomPath {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        if (segments.size() > 2) {
            throw new IllegalArgumentException("zoom path deeper than group/subgroup: " + segments);
        }
    }

    public static ZoomPath group(String group) {
        return new ZoomPath(List.of(group));
    }

    public static ZoomPath subgroup(String group, String subgroup) {
        return new ZoomPath(List.of(group, subgroup));
    }

    public int depth() {
        return segments.size();
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** One level up; the root stays the root. */
    public ZoomPath parent() {
        return isRoot() ? this : new ZoomPath(segments.subList(0, segments.size() - 1));
    }

    /** The first {@code depth} segments (a breadcrumb step). */
    public ZoomPath prefix(int depth) {
        return new ZoomPath(segments.subList(0, Math.max(0, Math.min(depth, segments.size()))));
    }

    /** This path one level deeper. */
    public ZoomPath child(String segment) {
        return new ZoomPath(java.util.stream.Stream.concat(segments.stream(), java.util.stream.Stream.of(segment))
                .toList());
    }

    @Override
    public String toString() {
        return isRoot() ? "All" : "All / " + String.join(" / ", segments);
    }
}
