package io.herakles.procmem.ui.treemap;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The treemap's view-model: the group → subgroup → process hierarchy of one snapshot sized by one
 * {@link MemoryMetric}, the zoom path, and the laid-out cells for a given size. No JavaFX; not
 * thread-safe (the view uses it on the FX thread only). The same work can be done on another
 * thread with {@link TreemapFrame#compute} and shown here with {@link #show}.
 *
 * <p>Processes whose value for the metric is absent (PSS/USS unreadable) take no area; they are
 * counted in {@link TreemapNode#excluded()} so the view can say how many were left out.
 */
public final class TreemapModel {

    /** Gap between a box and the boxes inside it (pixels). */
    static final double PADDING = 1.5;
    /** Room for a group/subgroup title above its children (pixels), when the box is tall enough. */
    static final double HEADER = 15;

    private static final Comparator<TreemapNode> LARGEST_FIRST = Comparator
            .comparingLong(TreemapNode::bytes).reversed()
            .thenComparing(TreemapNode::label)
            .thenComparingInt(TreemapNode::pid);

    private TreemapNode root = emptyRoot();
    private MemoryMetric metric = MemoryMetric.RSS;
    private Snapshot snapshot;
    private ZoomPath zoom = ZoomPath.ROOT;
    private List<TreemapCell> cells = List.of();
    /** Only these processes get boxes (null: all); the filter's "hide" mode. */
    private Predicate<ProcessSample> keep;

    /** Rebuilds the hierarchy from {@code snapshot} (null shows nothing). Keeps the zoom path. */
    public void setSnapshot(Snapshot snapshot) {
        this.snapshot = snapshot;
        rebuild();
    }

    /** Rebuilds the hierarchy sized by {@code metric}. */
    public void setMetric(MemoryMetric metric) {
        this.metric = Objects.requireNonNull(metric, "metric");
        rebuild();
    }

    /**
     * Gives boxes only to the processes {@code keepOrNull} accepts (null: every process), so a
     * filter can hide what it leaves out rather than fade it. Rebuilds the hierarchy.
     */
    public void setKeep(Predicate<ProcessSample> keepOrNull) {
        keep = keepOrNull;
        rebuild();
    }

    public MemoryMetric metric() {
        return metric;
    }

    /** The whole hierarchy (root node). */
    public TreemapNode root() {
        return root;
    }

    /** The zoom path as asked for; see {@link #effectiveZoom()} for what is shown. */
    public ZoomPath zoom() {
        return zoom;
    }

    /** Zooms to {@code path} (a path that does not exist now shows its nearest existing ancestor). */
    public void zoomTo(ZoomPath path) {
        zoom = Objects.requireNonNull(path, "path");
    }

    /** Zooms one level out; at the root nothing changes. */
    public void zoomOut() {
        zoom = effectiveZoom().parent();
    }

    /**
     * Zooms into the group or subgroup one level below the current zoom that contains
     * {@code cell}'s node. Returns false (and changes nothing) when there is nothing deeper.
     */
    public boolean zoomInto(TreemapNode node) {
        ZoomPath current = effectiveZoom();
        ZoomPath target = switch (current.depth()) {
            case 0 -> node.kind() == TreemapNode.Kind.ROOT ? current : ZoomPath.group(node.group());
            case 1 -> node.kind() == TreemapNode.Kind.SUBGROUP || node.kind() == TreemapNode.Kind.PROCESS
                    ? ZoomPath.subgroup(node.group(), node.subgroup()) : current;
            default -> current;
        };
        if (target.equals(current)) {
            return false;
        }
        zoom = target;
        return true;
    }

    /** The deepest prefix of the zoom path that exists in the current hierarchy. */
    public ZoomPath effectiveZoom() {
        return effectiveZoom(root, zoom);
    }

    /** The node shown as the whole area (the root or the zoomed group/subgroup). */
    public TreemapNode zoomNode() {
        return zoomNode(root, zoom);
    }

    /**
     * Lays out the zoomed node's contents in a {@code width} × {@code height} area. Parents come
     * before their children in the result (draw order); siblings never overlap.
     */
    public List<TreemapCell> layout(double width, double height) {
        cells = layout(root, zoom, width, height);
        return cells;
    }

    /**
     * Shows a frame prepared elsewhere (off the FX thread) instead of building and laying out here,
     * when it was prepared for this model's metric and zoom and for a {@code width} × {@code height}
     * area, with every process (no {@link #setKeep}). Returns false, changing nothing, when it was not.
     */
    public boolean show(TreemapFrame frame, double width, double height) {
        if (keep != null || !frame.params().equals(new TreemapFrame.Params(metric, zoom, width, height))) {
            return false;
        }
        snapshot = frame.snapshot();
        root = frame.root();
        cells = frame.cells();
        return true;
    }

    /** The deepest prefix of {@code zoom} that exists below {@code root}. Pure. */
    static ZoomPath effectiveZoom(TreemapNode root, ZoomPath zoom) {
        ZoomPath shown = ZoomPath.ROOT;
        TreemapNode node = root;
        for (String segment : zoom.segments()) {
            Optional<TreemapNode> child = childNamed(node, segment);
            if (child.isEmpty()) {
                break;
            }
            node = child.get();
            shown = shown.child(segment);
        }
        return shown;
    }

    /** The node below {@code root} shown as the whole area for {@code zoom}. Pure. */
    static TreemapNode zoomNode(TreemapNode root, ZoomPath zoom) {
        TreemapNode node = root;
        for (String segment : effectiveZoom(root, zoom).segments()) {
            node = childNamed(node, segment).orElseThrow();
        }
        return node;
    }

    /** The cells of {@code root} zoomed to {@code zoom} in a {@code width} × {@code height} area. Pure. */
    static List<TreemapCell> layout(TreemapNode root, ZoomPath zoom, double width, double height) {
        List<TreemapCell> out = new ArrayList<>(root.processes() + 64);
        layoutChildren(zoomNode(root, zoom), new Rect(0, 0, Math.max(0, width), Math.max(0, height)), 0, out);
        return out;
    }

    /** The cells of the last {@link #layout} call. */
    public List<TreemapCell> cells() {
        return cells;
    }

    /** The innermost cell of the last layout containing the point. */
    public Optional<TreemapCell> cellAt(double x, double y) {
        // children follow their parents and siblings do not overlap: the last hit is the innermost
        for (int i = cells.size() - 1; i >= 0; i--) {
            TreemapCell c = cells.get(i);
            if (c.rect().contains(x, y)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The cell of process {@code pid} in the last layout, if it got one. */
    public Optional<TreemapCell> cellOf(int pid) {
        for (TreemapCell c : cells) {
            if (c.node().kind() == TreemapNode.Kind.PROCESS && c.node().pid() == pid) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static void layoutChildren(TreemapNode parent, Rect area, int depth, List<TreemapCell> out) {
        List<TreemapNode> children = parent.children();
        if (children.isEmpty() || area.width() < 1 || area.height() < 1) {
            return;
        }
        double[] weights = new double[children.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = children.get(i).bytes();
        }
        Rect[] rects = TreemapLayout.squarify(weights, area);
        for (int i = 0; i < rects.length; i++) {
            TreemapNode child = children.get(i);
            if (rects[i].area() <= 0) {
                continue;
            }
            out.add(new TreemapCell(child, rects[i], depth));
            if (child.kind() != TreemapNode.Kind.PROCESS) {
                layoutChildren(child, innerArea(rects[i]), depth + 1, out);
            }
        }
    }

    /** The area inside a group/subgroup box left for its children: padding, and a title row if it fits. */
    static Rect innerArea(Rect box) {
        Rect inner = box.inset(PADDING);
        if (inner.height() > 3 * HEADER && inner.width() > 3 * HEADER) {
            return new Rect(inner.x(), inner.y() + HEADER, inner.width(), inner.height() - HEADER);
        }
        return inner;
    }

    private void rebuild() {
        root = snapshot == null ? emptyRoot()
                : build(keep == null ? snapshot.processes() : snapshot.processes().stream().filter(keep).toList(), metric);
        cells = List.of();
    }

    /** Builds the hierarchy of {@code processes} sized by {@code metric}. */
    public static TreemapNode build(List<ProcessSample> processes, MemoryMetric metric) {
        // hashed per process (5,000 a tick), sorted by name once per group: the same order a
        // TreeMap gives, so ties in size still break the same way
        Map<GroupKey, List<ProcessSample>> bySubgroup = new HashMap<>();
        for (ProcessSample p : processes) {
            bySubgroup.computeIfAbsent(p.group(), k -> new ArrayList<>()).add(p);
        }
        Map<String, List<TreemapNode>> subsByGroup = new TreeMap<>();
        List<GroupKey> keys = new ArrayList<>(bySubgroup.keySet());
        keys.sort(Comparator.comparing(GroupKey::group).thenComparing(GroupKey::subgroup));
        for (GroupKey key : keys) {
            subsByGroup.computeIfAbsent(key.group(), g -> new ArrayList<>())
                    .add(subgroupNode(key.group(), key.subgroup(), bySubgroup.get(key), metric));
        }
        List<TreemapNode> groups = new ArrayList<>(subsByGroup.size());
        subsByGroup.forEach((group, subs) -> groups.add(parentNode(TreemapNode.Kind.GROUP, group, group, "", subs)));
        return parentNode(TreemapNode.Kind.ROOT, "All", "", "", groups);
    }

    private static TreemapNode subgroupNode(String group, String subgroup, List<ProcessSample> members,
            MemoryMetric metric) {
        List<TreemapNode> leaves = new ArrayList<>(members.size());
        int excluded = 0;
        for (ProcessSample p : members) {
            OptionalLong v = p.bytes(metric);
            if (v.isEmpty()) {
                excluded++;
                continue;
            }
            leaves.add(new TreemapNode(TreemapNode.Kind.PROCESS, p.name(), group, subgroup,
                    Math.max(0, v.getAsLong()), 1, 0, p, List.of()));
        }
        leaves.sort(LARGEST_FIRST);
        long sum = leaves.stream().mapToLong(TreemapNode::bytes).sum();
        return new TreemapNode(TreemapNode.Kind.SUBGROUP, subgroup, group, subgroup, sum, leaves.size(),
                excluded, null, leaves);
    }

    private static TreemapNode parentNode(TreemapNode.Kind kind, String label, String group, String subgroup,
            List<TreemapNode> children) {
        children.sort(LARGEST_FIRST);
        long sum = 0;
        int count = 0;
        int excluded = 0;
        for (TreemapNode c : children) {
            sum += c.bytes();
            count += c.processes();
            excluded += c.excluded();
        }
        return new TreemapNode(kind, label, group, subgroup, sum, count, excluded, null, children);
    }

    private static Optional<TreemapNode> childNamed(TreemapNode node, String segment) {
        for (TreemapNode c : node.children()) {
            String name = c.kind() == TreemapNode.Kind.GROUP ? c.group() : c.subgroup();
            if (c.kind() != TreemapNode.Kind.PROCESS && name.equals(segment)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static TreemapNode emptyRoot() {
        return new TreemapNode(TreemapNode.Kind.ROOT, "All", "", "", 0, 0, 0, null, List.of());
    }
}
