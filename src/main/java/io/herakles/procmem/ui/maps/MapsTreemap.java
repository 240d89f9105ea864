package io.herakles.procmem.ui.maps;

import io.herakles.procmem.model.maps.Mapping;
import io.herakles.procmem.ui.common.CanvasRegion;
import io.herakles.procmem.ui.common.Spoken;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.treemap.GroupPalette;
import io.herakles.procmem.ui.treemap.Rect;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws {@link MapsTreemapLayout} on one canvas: kinds in their group colours, paths as darker
 * boxes inside, names where they fit; hovering shows the path and its PSS. FX thread only.
 */
public final class MapsTreemap extends CanvasRegion {

    private static final Font FONT = Font.font(10);
    private final Tooltip tooltip = new Tooltip();
    private List<Mapping> mappings = List.of();
    private List<MapsTreemapLayout.Cell> cells = List.of();

    public MapsTreemap() {
        getStyleClass().add("maps-treemap");
        setMinSize(80, 60);
        setPrefSize(320, 160);
        Tooltip.install(canvas(), tooltip);
        canvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        setAccessibleRoleDescription("treemap");
        setAccessibleText(SPOKEN_EMPTY);
    }

    static final String SPOKEN_EMPTY = "Memory maps treemap: no mappings";

    /** Shows these mappings (empty draws an empty box). */
    public void setMappings(List<Mapping> now) {
        mappings = List.copyOf(now);
        repaint();
    }

    /** The boxes drawn last (tests). */
    public List<MapsTreemapLayout.Cell> cells() {
        return cells;
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        g.clearRect(0, 0, width, height);
        cells = MapsTreemapLayout.layout(mappings, new Rect(0, 0, width, height));
        List<MapsTreemapLayout.Cell> kinds = cells.stream().filter(MapsTreemapLayout.Cell::isKind).toList();
        setAccessibleText(kinds.isEmpty() ? SPOKEN_EMPTY : "Memory maps by kind, PSS: "
                + Spoken.largest(kinds, MapsTreemapLayout.Cell::name, MapsTreemapLayout.Cell::bytes, 4));
        g.setFont(FONT);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (MapsTreemapLayout.Cell c : cells) {
            Rect r = c.rect();
            Color base = GroupPalette.color(c.kind().label());
            g.setFill(c.isKind() ? base.darker() : base);
            g.fillRect(r.x(), r.y(), r.width(), r.height());
            g.setStroke(Color.web("#1e1e1e"));
            g.strokeRect(r.x() + 0.5, r.y() + 0.5, Math.max(0, r.width() - 1), Math.max(0, r.height() - 1));
            if (r.width() > 40 && r.height() > MapsTreemapLayout.CAPTION) {
                g.setFill(Color.WHITE);
                String label = c.isKind() ? c.name() : shortName(c.name());
                g.fillText(label, r.x() + 3, r.y() + 1, r.width() - 6);
            }
        }
    }

    private void hover(double x, double y) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            MapsTreemapLayout.Cell c = cells.get(i);
            if (c.rect().contains(x, y)) {
                tooltip.setText(c.name() + "\nPSS " + Formats.bytes(c.bytes()));
                return;
            }
        }
        tooltip.setText("");
    }

    static String shortName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 || slash == path.length() - 1 ? path : path.substring(slash + 1);
    }
}
