package io.herakles.procmem.ui.treemap;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.ui.common.FigureHelp;
import io.herakles.procmem.ui.common.Formats;
import java.util.Locale;

/**
 * The words of the treemap: tooltips, the status line, labels cut to fit. Pure and stateless
 * (no JavaFX), so tested without a window.
 */
public final class TreemapText {

    /** Approximate advance of one character of the 11 px label font (pixels); cheap fitting without measuring. */
    static final double CHAR_WIDTH = 6.2;

    private TreemapText() {}

    /** Tooltip text of a box. */
    public static String tooltip(TreemapNode node, MemoryMetric metric) {
        if (node.kind() == TreemapNode.Kind.PROCESS) {
            return processTooltip(node.sample(), metric);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(node.kind() == TreemapNode.Kind.SUBGROUP ? node.group() + "/" + node.subgroup() : node.label());
        sb.append('\n').append(metric).append(' ').append(Formats.bytes(node.bytes()))
                .append(" in ").append(count(node.processes(), "process", "processes"));
        if (node.excluded() > 0) {
            sb.append('\n').append(excludedNote(node.excluded(), metric));
        }
        sb.append("\nDouble-click to zoom in");
        return sb.toString();
    }

    private static String processTooltip(ProcessSample p, MemoryMetric metric) {
        return p.name() + " (pid " + p.pid() + ")"
                + "\n" + p.group()
                + "\nUSS " + Formats.bytes(p.ussBytes())
                + "   PSS " + Formats.bytes(p.pssBytes())
                + "   RSS " + Formats.bytes(p.rssBytes())
                + "\nCPU " + Formats.percent(p.cpuPercent()) + " " + FigureHelp.ONE_CORE
                + "\nSized by " + metric + "; click to select";
    }

    /** What a screen reader says for a box: "postgres, 836 MiB USS" ("—" when unreadable). */
    public static String spoken(TreemapNode node, MemoryMetric metric) {
        String name = node.kind() == TreemapNode.Kind.PROCESS ? node.sample().name() : node.label();
        return name + ", " + Formats.bytes(node.bytes()) + " " + metric;
    }

    /** The line under the treemap: what sizes the boxes and what was left out. */
    public static String status(TreemapNode zoomNode, MemoryMetric metric) {
        String s = "Area: " + metric + " \u00b7 " + Formats.bytes(zoomNode.bytes()) + " in "
                + count(zoomNode.processes(), "process", "processes");
        if (zoomNode.excluded() > 0) {
            // short enough for the line under a 500 px treemap; the tooltip carries the long form
            s += " \u00b7 " + count(zoomNode.excluded(), "hidden", "hidden") + " (" + metric + " unreadable)";
        }
        return s;
    }

    /** The status line's tooltip: the status with the excluded processes explained in full. */
    public static String statusTooltip(TreemapNode zoomNode, MemoryMetric metric) {
        String s = "Boxes are sized by " + metric + ": " + Formats.bytes(zoomNode.bytes()) + " in "
                + count(zoomNode.processes(), "process", "processes");
        if (zoomNode.excluded() > 0) {
            s += "\n" + excludedNote(zoomNode.excluded(), metric)
                    + ": their " + metric + " needs more access (run as root to see it)";
        }
        return s;
    }

    /** "12 processes without USS left out (unreadable)". */
    public static String excludedNote(int excluded, MemoryMetric metric) {
        return count(excluded, "process", "processes") + " without " + metric + " left out (unreadable)";
    }

    /**
     * {@code text} cut to fit {@code width} pixels, with an ellipsis when cut; empty when not even
     * two characters fit.
     */
    public static String fit(String text, double width) {
        int max = (int) Math.floor(width / CHAR_WIDTH);
        if (max < 2) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "\u2026";
    }

    static String count(int n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
