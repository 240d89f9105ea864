package io.herakles.procmem.ui.compare;

import io.herakles.procmem.analysis.DiffRow;
import io.herakles.procmem.analysis.SnapshotDiff;
import io.herakles.procmem.ui.common.CanvasRegion;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.treemap.BoxText;
import io.herakles.procmem.ui.treemap.Rect;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A diff as a treemap: subgroups hold their processes, each sized by the larger of before and after
 * and coloured by what happened to it: grew (red, deeper the more it grew relative to its size),
 * shrank (green, likewise), new (blue), gone (grey), unchanged or unknown (pale). The tooltip gives
 * before → after; {@link #legend()} explains the colours. FX thread only.
 */
public final class GrowthTreemap extends CanvasRegion {

    static final Color GREW = Color.web("#d1495b");
    static final Color SHRANK = Color.web("#2e933c");
    static final Color NEW = Color.web("#3a6ea5");
    static final Color GONE = Color.web("#8d8d8d");
    static final Color SAME = Color.web("#e4e1d8");
    private static final Color FRAME = Color.web("#2b2f36");

    private final SnapshotDiff diff;
    private final Tooltip tip = new Tooltip();
    private List<GrowthTreemapLayout.Cell> cells = List.of();

    public GrowthTreemap(SnapshotDiff diff) {
        this.diff = diff;
        setId("growthTreemap");
        setMinSize(200, 150);
        setPrefSize(880, 360);
        setAccessibleRoleDescription("treemap");
        setAccessibleText(spoken(diff));
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> cellAt(e.getX(), e.getY()).ifPresent(c -> tip.setText(describe(c))));
    }

    /** The colour of a row: its status, the growth's depth scaled by how much it changed relative to its size. */
    static Color color(DiffRow r) {
        return switch (r.status()) {
            case GREW -> SAME.interpolate(GREW, depth(r));
            case SHRANK -> SAME.interpolate(SHRANK, depth(r));
            case NEW -> NEW;
            case GONE -> GONE;
            default -> SAME;
        };
    }

    /** Barely tinted for a change of a few bytes, full for a doubling or halving (or more). */
    private static double depth(DiffRow r) {
        long size = GrowthTreemapLayout.size(r);
        long delta = Math.abs(r.delta().orElse(0));
        double share = size == 0 ? 0 : (double) delta / size;
        return 0.15 + 0.85 * Math.min(1, share * 2);
    }

    /** The key to the colours, for under the treemap. */
    public static HBox legend() {
        HBox box = new HBox(14, swatch(GREW, "grew"), swatch(SHRANK, "shrank"), swatch(NEW, "new"),
                swatch(GONE, "gone"), swatch(SAME, "unchanged / unknown"));
        Label key = new Label("· deeper = larger change for its size · area = the larger of before and after");
        key.setMinWidth(0); // the note gives way on a narrow window, the colours' names do not
        box.getChildren().add(key);
        box.setId("growthLegend");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 6, 4, 6));
        return box;
    }

    private static Label swatch(Color color, String text) {
        Rectangle r = new Rectangle(12, 12, color);
        r.setStroke(FRAME);
        Label l = new Label(text, r);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("growth-legend-item");
        return l;
    }

    /** The boxes drawn last (tests). */
    List<GrowthTreemapLayout.Cell> cells() {
        return cells;
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        cells = GrowthTreemapLayout.layout(diff.rows(), new Rect(0, 0, width, height));
        g.clearRect(0, 0, width, height);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        for (GrowthTreemapLayout.Cell c : cells) {
            Rect r = c.rect();
            if (c.isSubgroup()) {
                g.setFill(FRAME);
                g.fillRect(r.x(), r.y(), r.width(), r.height());
                text(g, c.label() + "  " + Formats.bytes(c.size()), r, Color.WHITE);
            } else {
                g.setFill(color(c.row()));
                g.fillRect(r.x(), r.y(), r.width(), r.height());
                g.setStroke(FRAME);
                g.strokeRect(r.x(), r.y(), r.width(), r.height());
                text(g, c.label() + " " + signedMib(c.row()), r, Color.BLACK);
            }
        }
    }

    /** A box's name where it has room for one. */
    private static void text(GraphicsContext g, String s, Rect r, Color color) {
        if (r.width() >= 40 && r.height() >= 14) {
            BoxText.draw(g, s, r, color);
        }
    }

    private Optional<GrowthTreemapLayout.Cell> cellAt(double x, double y) {
        GrowthTreemapLayout.Cell found = null;
        for (GrowthTreemapLayout.Cell c : cells) {
            if (c.rect().contains(x, y)) {
                found = c; // the row inside its subgroup comes last
            }
        }
        return Optional.ofNullable(found);
    }

    static String describe(GrowthTreemapLayout.Cell c) {
        if (c.isSubgroup()) {
            return c.label() + " — " + Formats.bytes(c.size());
        }
        DiffRow r = c.row();
        return r.label() + " (" + r.group() + ") — " + r.status().name().toLowerCase(Locale.ROOT) + ": "
                + r.before().stream().mapToObj(Formats::bytes).findFirst().orElse("—") + " → "
                + r.after().stream().mapToObj(Formats::bytes).findFirst().orElse("—") + " (" + signedMib(r) + ")";
    }

    private static String signedMib(DiffRow r) {
        return r.delta().isPresent() ? String.format(Locale.ROOT, "%+.1f MiB", r.delta().getAsLong() / (1024.0 * 1024.0)) : "";
    }

    /** What the treemap says to a screen reader: counts per status and the largest growth. */
    static String spoken(SnapshotDiff diff) {
        String largest = diff.rows().stream().filter(r -> r.status() == DiffRow.Status.GREW || r.status() == DiffRow.Status.NEW)
                .max(Comparator.comparingLong(r -> r.delta().orElse(0)))
                .map(r -> ", largest growth " + r.label() + " " + signedMib(r)).orElse("");
        return "Growth treemap: " + diff.count(DiffRow.Status.GREW) + " grew, " + diff.count(DiffRow.Status.SHRANK)
                + " shrank, " + diff.count(DiffRow.Status.NEW) + " new, " + diff.count(DiffRow.Status.GONE) + " gone"
                + largest;
    }
}
