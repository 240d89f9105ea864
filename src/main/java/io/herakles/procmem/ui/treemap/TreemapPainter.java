package io.herakles.procmem.ui.treemap;

import io.herakles.procmem.ui.common.Formats;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import io.herakles.procmem.ui.theme.Contrast;
import io.herakles.procmem.ui.theme.Palette;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws laid-out cells onto a canvas: one fill and one outline per box, titles on groups and
 * subgroups, name and size on processes where they fit. No nodes per cell, so 5,000 processes
 * cost 5,000 rectangle fills. FX thread only.
 */
final class TreemapPainter {

    private Palette palette = Palette.DARK;
    /** The processes a filter keeps; null = all. The others are drawn faded, without text. */
    private java.util.function.Predicate<io.herakles.procmem.model.ProcessSample> filter;
    private static final Font LABEL = Font.font(11);
    private static final Font TITLE = Font.font("System", javafx.scene.text.FontWeight.BOLD, 11);
    private static final double LINE = 13;

    private static final int SHADES = 8;

    /** Shades per group, computed once: deriving a colour per cell per frame showed in profiles. */
    private final java.util.Map<String, Color[]> shadesByGroup = new java.util.HashMap<>();

    /** Text colours per shade, computed with the shades. */
    private final java.util.Map<String, Color[]> textByGroup = new java.util.HashMap<>();

    /** The fills of a group's process boxes: {@value #SHADES} shades of its colour, the same in both looks. */
    static Color[] shades(String group) {
        Color base = GroupPalette.color(group);
        Color[] out = new Color[SHADES];
        for (int i = 0; i < SHADES; i++) {
            out[i] = base.deriveColor(0, 1, 0.88 + 0.12 * i / (SHADES - 1), 1);
        }
        return out;
    }

    /**
     * The fill of a group or subgroup box: a deep tone of the group's colour on the dark surface,
     * a pale tint on the light one, so the process boxes inside stand out in both.
     */
    static Color containerFill(String group, TreemapNode.Kind kind, Palette palette) {
        Color base = GroupPalette.color(group);
        boolean isGroup = kind == TreemapNode.Kind.GROUP;
        return palette.dark()
                ? base.deriveColor(0, 0.8, isGroup ? 0.45 : 0.6, 1)
                : base.interpolate(Color.WHITE, isGroup ? 0.7 : 0.5);
    }

    /** The look to draw in; forgets nothing but the cached text colours. */
    void setPalette(Palette palette) {
        this.palette = palette;
    }

    void setFilter(java.util.function.Predicate<io.herakles.procmem.model.ProcessSample> filter) {
        this.filter = filter;
    }

    /** Whether {@code node} is drawn as matching the filter (every process while none is set). */
    boolean matches(TreemapNode node) {
        return filter == null || node.kind() != TreemapNode.Kind.PROCESS || filter.test(node.sample());
    }

    Palette palette() {
        return palette;
    }

    /** Paints {@code cells}; returns the cell of the selected process (outlined), or null when it has none. */
    TreemapCell paint(GraphicsContext g, double width, double height, List<TreemapCell> cells, int selectedPid,
            String emptyMessage) {
        g.setFill(palette.surface());
        g.fillRect(0, 0, width, height);
        if (cells.isEmpty()) {
            g.setFill(palette.text());
            g.setFont(LABEL);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyMessage, width / 2, height / 2);
            return null;
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        TreemapCell selected = null;
        for (TreemapCell c : cells) {
            if (c.node().kind() == TreemapNode.Kind.PROCESS) {
                paintProcess(g, c);
                if (c.node().pid() == selectedPid) {
                    selected = c;
                }
            } else {
                paintContainer(g, c);
            }
        }
        if (selected != null) {
            Rect r = selected.rect();
            g.setStroke(palette.selection());
            g.setLineWidth(2.5);
            g.strokeRect(r.x() + 1.25, r.y() + 1.25, Math.max(0, r.width() - 2.5), Math.max(0, r.height() - 2.5));
        }
        return selected;
    }

    private void paintContainer(GraphicsContext g, TreemapCell c) {
        Rect r = c.rect();
        Color fill = containerFill(c.node().group(), c.node().kind(), palette);
        g.setFill(fill);
        g.fillRect(r.x(), r.y(), r.width(), r.height());
        g.setStroke(palette.outline());
        g.strokeRect(r.x() + 0.5, r.y() + 0.5, Math.max(0, r.width() - 1), Math.max(0, r.height() - 1));
        Rect inner = TreemapModel.innerArea(r);
        if (inner.y() > r.y() + TreemapModel.PADDING + 1) {
            // a title row was reserved: name and size of the group/subgroup
            String title = TreemapText.fit(c.node().label() + "  " + Formats.bytes(c.node().bytes()),
                    r.width() - 6);
            g.setFill(Contrast.textOn(fill));
            g.setFont(TITLE);
            g.fillText(title, r.x() + 3, r.y() + 2);
        }
    }

    /** Black or white text, whichever reads better on {@code fill} (WCAG contrast at least 4.5:1). */
    static Color textOn(Color fill) {
        return Contrast.textOn(fill);
    }

    private static Color[] textColours(String group) {
        Color[] shades = shades(group);
        Color[] out = new Color[shades.length];
        for (int i = 0; i < shades.length; i++) {
            out[i] = textOn(shades[i]);
        }
        return out;
    }

    private void paintProcess(GraphicsContext g, TreemapCell c) {
        Rect r = c.rect();
        // a slight, stable per-pid variation separates neighbours of the same colour
        Color[] shades = shadesByGroup.computeIfAbsent(c.node().group(), TreemapPainter::shades);
        int shade = (int) ((c.node().pid() * 2654435761L >>> 8) & (SHADES - 1));
        boolean matching = matches(c.node());
        // a process the filter leaves out fades into the surface and loses its text
        g.setFill(matching ? shades[shade] : shades[shade].interpolate(palette.surface(), 0.8));
        g.fillRect(r.x(), r.y(), r.width(), r.height());
        if (r.width() >= 3 && r.height() >= 3) {
            g.setStroke(palette.outline());
            g.strokeRect(r.x() + 0.5, r.y() + 0.5, r.width() - 1, r.height() - 1);
        }
        if (matching && r.height() >= LINE + 2 && r.width() >= 24) {
            String name = TreemapText.fit(c.node().label(), r.width() - 6);
            if (!name.isEmpty()) {
                g.setFill(textByGroup.computeIfAbsent(c.node().group(), TreemapPainter::textColours)[shade]);
                g.setFont(LABEL);
                g.fillText(name, r.x() + 3, r.y() + 2);
                if (r.height() >= 2 * LINE + 3) {
                    g.fillText(TreemapText.fit(Formats.bytes(c.node().bytes()), r.width() - 6),
                            r.x() + 3, r.y() + 2 + LINE);
                }
            }
        }
    }
}
