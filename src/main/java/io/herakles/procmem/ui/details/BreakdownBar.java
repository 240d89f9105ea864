package io.herakles.procmem.ui.details;

import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.ui.common.CanvasRegion;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.theme.Palette;
import java.util.OptionalLong;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A stacked bar of resident anonymous / file-backed / shared memory plus swap, widths proportional
 * to bytes; unknown parts are left out (and read "—" in the rows beside it). FX thread only.
 */
public final class BreakdownBar extends CanvasRegion {

    static final Color ANON = Color.web("#4e79a7");
    static final Color FILE = Color.web("#76b7b2");
    static final Color SHMEM = Color.web("#b07aa1");
    static final Color SWAP = Color.web("#e15759");

    private MemoryBreakdown parts = MemoryBreakdown.UNKNOWN;

    public BreakdownBar() {
        getStyleClass().add("breakdown-bar");
        setMinHeight(14);
        setPrefHeight(14);
        setPrefWidth(320);
        setAccessibleRoleDescription("bar chart");
        setAccessibleText(spoken(parts));
    }

    /** "Resident anonymous 120 MiB, file-backed 30.0 MiB, shared 2.00 MiB; swap 0 B" — "—" for unknown parts. */
    static String spoken(MemoryBreakdown m) {
        return "Resident anonymous " + Formats.bytes(m.rssAnon()) + ", file-backed " + Formats.bytes(m.rssFile())
                + ", shared " + Formats.bytes(m.rssShmem()) + "; swap " + Formats.bytes(m.swap());
    }

    private Color empty = Palette.DARK.grid();

    /** Draws the part no figure covers in the light or dark look. */
    public void setPalette(Palette palette) {
        empty = palette.grid();
        repaint();
    }

    /** Shows {@code breakdown}. */
    public void setBreakdown(MemoryBreakdown breakdown) {
        MemoryBreakdown next = breakdown == null ? MemoryBreakdown.UNKNOWN : breakdown;
        if (!next.equals(parts)) { // a quiet tick draws nothing
            parts = next;
            setAccessibleText(spoken(parts));
            repaint();
        }
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFill(empty);
        g.fillRect(0, 0, w, h);
        OptionalLong[] values = {parts.rssAnon(), parts.rssFile(), parts.rssShmem(), parts.swap()};
        Color[] colours = {ANON, FILE, SHMEM, SWAP};
        double total = 0;
        for (OptionalLong v : values) {
            total += Math.max(0, v.orElse(0));
        }
        if (total <= 0) {
            return;
        }
        double x = 0;
        for (int i = 0; i < values.length; i++) {
            double part = w * Math.max(0, values[i].orElse(0)) / total;
            g.setFill(colours[i]);
            g.fillRect(x, 0, part, h);
            x += part;
        }
    }
}
