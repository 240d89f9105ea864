package io.herakles.procmem.ui.fleet;

import io.herakles.procmem.fleet.Fleet;
import io.herakles.procmem.ui.common.CanvasRegion;
import io.herakles.procmem.ui.common.Spoken;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.treemap.GroupPalette;
import io.herakles.procmem.ui.treemap.Rect;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The fleet treemap: hosts with a title strip, their groups in the group colours of the process
 * treemap, subgroups inside. Double-click a host → {@code onOpenHost}; the tooltip names the cell
 * and its size. FX thread only.
 */
final class FleetTreemapView extends CanvasRegion {

    private final FleetViewModel model;
    private final Tooltip tip = new Tooltip();
    private List<FleetCell> cells = List.of();
    private Consumer<Fleet.Host> onOpenHost = host -> { };

    FleetTreemapView(FleetViewModel model) {
        this.model = model;
        setId("fleetTreemap");
        setMinSize(200, 150);
        setAccessibleRoleDescription("treemap");
        setAccessibleHelp("Hosts sized by their processes' memory; double-click a host to attach to its exporter");
        model.shownHostsProperty().addListener((obs, old, now) -> repaint());
        model.kindProperty().addListener((obs, old, now) -> repaint());
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> cellAt(e.getX(), e.getY()).ifPresent(c -> tip.setText(c.instance()
                + (c.group().isEmpty() ? "" : " · " + c.group() + (c.depth() == 2 ? "/" + c.label() : ""))
                + " — " + Formats.bytes(c.bytes()))));
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                cellAt(e.getX(), e.getY()).flatMap(c -> hostOf(c.instance())).ifPresent(onOpenHost);
            }
        });
    }

    void setOnOpenHost(Consumer<Fleet.Host> action) {
        this.onOpenHost = action;
    }

    private java.util.Optional<Fleet.Host> hostOf(String instance) {
        return model.shownHostsProperty().get().stream().filter(h -> h.instance().equals(instance)).findFirst();
    }

    /** The cells drawn last (tests). */
    List<FleetCell> cells() {
        return cells;
    }

    private java.util.Optional<FleetCell> cellAt(double x, double y) {
        FleetCell found = null;
        for (FleetCell c : cells) {
            if (c.rect().contains(x, y)) {
                found = c; // deepest last
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        g.clearRect(0, 0, width, height);
        List<Fleet.Host> hosts = model.shownHostsProperty().get();
        cells = FleetTreemapLayout.layout(hosts, model.kindProperty().get(), new Rect(0, 0, width, height));
        List<FleetCell> shownHosts = cells.stream().filter(c -> c.depth() == 0).toList();
        setAccessibleText("Fleet treemap by " + model.kindProperty().get() + ": " + shownHosts.size() + " hosts"
                + (shownHosts.isEmpty() ? "" : ", largest " + Spoken.largest(shownHosts, FleetCell::label, FleetCell::bytes, 3)));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(11));
        for (FleetCell c : cells) {
            Rect r = c.rect();
            switch (c.depth()) {
                case 0 -> {
                    g.setFill(Color.web("#2b2f36"));
                    g.fillRect(r.x(), r.y(), r.width(), r.height());
                    text(g, c.label() + "  " + Formats.bytes(c.bytes()), r, Color.WHITE);
                }
                case 1 -> {
                    g.setFill(GroupPalette.color(c.group()).deriveColor(0, 1, 1, 0.35));
                    g.fillRect(r.x(), r.y(), r.width(), r.height());
                }
                default -> {
                    g.setFill(GroupPalette.color(c.group()));
                    g.fillRect(r.x(), r.y(), r.width(), r.height());
                    g.setStroke(Color.web("#ffffff", 0.6));
                    g.strokeRect(r.x(), r.y(), r.width(), r.height());
                    text(g, c.group() + "/" + c.label(), r, Color.BLACK);
                }
            }
        }
    }

    private static void text(GraphicsContext g, String s, Rect r, Color color) {
        if (r.width() < 40 || r.height() < 14) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(r.x(), r.y(), r.width(), r.height());
        g.clip();
        g.setFill(color);
        g.fillText(s, r.x() + 3, r.y() + 2);
        g.restore();
    }
}
