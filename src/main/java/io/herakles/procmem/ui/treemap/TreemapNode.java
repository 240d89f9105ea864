package io.herakles.procmem.ui.treemap;

import io.herakles.procmem.model.ProcessSample;
import java.util.List;
import java.util.Objects;

/**
 * One box of the treemap hierarchy: the root, a group, a subgroup or a process. Immutable.
 *
 * @param kind      which level this is
 * @param label     text to draw: "All", the group, the subgroup or the process name
 * @param group     group name (colour key); empty for the root
 * @param subgroup  subgroup name; empty for the root and groups
 * @param bytes     the chosen metric summed over the processes that have it (bytes)
 * @param processes processes counted in {@code bytes}
 * @param excluded  processes below this node left out because the metric is absent for them
 * @param sample    the process, for {@link Kind#PROCESS} nodes; null otherwise
 * @param children  sub-boxes, largest first; empty for processes
 */
public record TreemapNode(
        Kind kind,
        String label,
        String group,
        String subgroup,
        long bytes,
        int processes,
        int excluded,
        ProcessSample sample,
        List<TreemapNode> children) {

    /** Levels of the hierarchy. */
    public enum Kind { ROOT, GROUP, SUBGROUP, PROCESS }

    public TreemapNode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(subgroup, "subgroup");
        children = List.copyOf(children);
    }

    /** The process id, or -1 for non-process nodes. */
    public int pid() {
        return sample == null ? -1 : sample.pid();
    }

    /** The zoom path that shows this node's contents (empty path for root and processes' parents). */
    public ZoomPath zoomPath() {
        return switch (kind) {
            case ROOT, PROCESS -> ZoomPath.ROOT;
            case GROUP -> ZoomPath.group(group);
            case SUBGROUP -> ZoomPath.subgroup(group, subgroup);
        };
    }
}
