package io.herakles.procmem.ui.fleet;

import io.herakles.procmem.fleet.Fleet;
import io.herakles.procmem.ui.common.CanvasRegion;
import io.herakles.procmem.ui.common.Spoken;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.treemap.BoxText;
import io.herakles.procmem.ui.treemap.GroupPalette;
import io.herakles.procmem.ui.treemap.Rect;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * and its size.
 *
 * <p>A fleet of 1,000 hosts × 150 subgroups is 150,000 boxes: they are laid out on a thread of
 * their own ({@value #LAYOUT_THREAD}) whenever the hosts, the metric or the size change, and the FX
 * thread only draws the result: hosts and groups filled, subgroups outlined and named only where
 * they are at least {@value #MIN_SUBGROUP} px each way. Until a layout is ready the previous drawing
 * stays. FX thread only, apart from the layout.
 */
final class FleetTreemapView extends CanvasRegion {

    static final String LAYOUT_THREAD = "fleet-layout";

    /** What a layout was made for, and its cells. */
    record Laid(List<Fleet.Host> hosts, Fleet.Kind kind, double width, double height, List<FleetCell> cells,
            Drawing drawing) {
        boolean isFor(List<Fleet.Host> h, Fleet.Kind k, double w, double hh) {
            return hosts == h && kind == k && width == w && height == hh;
        }
    }

    /**
     * What the FX thread draws of a layout, prepared with it on {@value #LAYOUT_THREAD}: the cells
     * that are drawn (hosts, groups, and subgroups big enough to be told apart: a few thousand of
     * 150,000 at 1,000 hosts), the text of each (null: none, too small), and what the treemap says
     * to a screen reader. The FX thread then only issues the drawing commands.
     */
    record Drawing(List<FleetCell> drawn, List<String> texts, String spoken) {
        static final Drawing NONE = new Drawing(List.of(), List.of(), "");

        static Drawing of(List<FleetCell> cells, Fleet.Kind kind) {
            List<FleetCell> drawn = new java.util.ArrayList<>();
            List<String> texts = new java.util.ArrayList<>();
            List<FleetCell> hosts = new java.util.ArrayList<>();
            for (FleetCell c : cells) {
                Rect r = c.rect();
                boolean roomForText = r.width() >= 40 && r.height() >= 14;
                switch (c.depth()) {
                    case 0 -> {
                        hosts.add(c);
                        drawn.add(c);
                        texts.add(roomForText ? c.label() + "  " + Formats.bytes(c.bytes()) : null);
                    }
                    case 1 -> {
                        drawn.add(c);
                        texts.add(null);
                    }
                    default -> {
                        if (r.width() >= MIN_SUBGROUP && r.height() >= MIN_SUBGROUP) {
                            drawn.add(c);
                            texts.add(roomForText ? c.group() + "/" + c.label() : null);
                        }
                    }
                }
            }
            String spoken = "Fleet treemap by " + kind + ": " + hosts.size() + " hosts"
                    + (hosts.isEmpty() ? "" : ", largest " + Spoken.largest(hosts, FleetCell::label, FleetCell::bytes, 3));
            return new Drawing(List.copyOf(drawn), java.util.Collections.unmodifiableList(texts), spoken);
        }
    }

    private final FleetViewModel model;
    private final Tooltip tip = new Tooltip();
    private final ExecutorService layouts = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, LAYOUT_THREAD);
        t.setDaemon(true);
        return t;
    });
    private List<FleetCell> cells = List.of();
    private Laid laid = new Laid(List.of(), Fleet.Kind.USS, 0, 0, List.of(), Drawing.NONE);
    /** The inputs of the layout in progress, null when none is. */
    private Laid asked;
    private Consumer<Fleet.Host> onOpenHost = host -> { };

    private final Executor fxHop;

    FleetTreemapView(FleetViewModel model) {
        this(model, FxExecutor.fx());
    }

    /** @param fxHop the way back onto the FX thread with a finished layout */
    FleetTreemapView(FleetViewModel model, Executor fxHop) {
        this.model = model;
        this.fxHop = fxHop;
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

    /** Lays out on {@value #LAYOUT_THREAD}, then asks for a repaint; a newer request makes an older result moot. */
    private void layOutElsewhere(List<Fleet.Host> hosts, Fleet.Kind kind, double width, double height) {
        if (asked != null && asked.isFor(hosts, kind, width, height)) {
            return;
        }
        Laid request = new Laid(hosts, kind, width, height, List.of(), Drawing.NONE);
        asked = request;
        layouts.execute(() -> {
            List<FleetCell> result = FleetTreemapLayout.layout(hosts, kind, new Rect(0, 0, width, height));
            Drawing drawing = Drawing.of(result, kind);
            fxHop.execute(() -> {
                if (asked == request) {
                    asked = null;
                    laid = new Laid(hosts, kind, width, height, result, drawing);
                    repaint();
                }
            });
        });
    }

    /**
     * Whether the drawing shows the current hosts, metric and size (tests and the benchmark). Hosts
     * are compared by value: a fleet read again without a change fires no change and keeps its drawing.
     */
    boolean upToDate() {
        return laid.hosts().equals(model.shownHostsProperty().get()) && laid.kind() == model.kindProperty().get()
                && laid.width() == Math.floor(getWidth()) && laid.height() == Math.floor(getHeight())
                && cells == laid.cells();
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        List<Fleet.Host> hosts = model.shownHostsProperty().get();
        Fleet.Kind kind = model.kindProperty().get();
        if (!laid.isFor(hosts, kind, width, height)) {
            layOutElsewhere(hosts, kind, width, height);
            return; // the previous drawing stays until the new layout is ready
        }
        g.clearRect(0, 0, width, height);
        cells = laid.cells();
        Drawing drawing = laid.drawing();
        setAccessibleText(drawing.spoken());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(11));
        // each setFill/setStroke is a command in the canvas buffer: set them only when they change
        // (text() restores what it changes)
        g.setStroke(OUTLINE);
        Color fill = null;
        List<FleetCell> drawn = drawing.drawn();
        for (int i = 0; i < drawn.size(); i++) {
            FleetCell c = drawn.get(i);
            Rect r = c.rect();
            String text = drawing.texts().get(i);
            switch (c.depth()) {
                case 0 -> {
                    if (fill != HOST) {
                        g.setFill(HOST);
                        fill = HOST;
                    }
                    g.fillRect(r.x(), r.y(), r.width(), r.height());
                    text(g, text, r, Color.WHITE);
                }
                case 1 -> {
                    Color group = GroupPalette.color(c.group());
                    if (fill != group) {
                        g.setFill(group);
                        fill = group;
                    }
                    g.fillRect(r.x(), r.y(), r.width(), r.height());
                }
                default -> {
                    // the group is filled in its colour already: a subgroup adds only its outline and name
                    g.strokeRect(r.x(), r.y(), r.width(), r.height());
                    text(g, text, r, Color.BLACK);
                }
            }
        }
    }

    private static final Color HOST = Color.web("#2b2f36");
    private static final Color OUTLINE = Color.web("#ffffff", 0.6);
    /** A subgroup narrower or lower than this (px) is not outlined: its group's colour stands for it. */
    static final double MIN_SUBGROUP = 4;

    /** Draws {@code s} clipped to {@code r}; nothing when {@code s} is null (no room, see {@link Drawing}). */
    private static void text(GraphicsContext g, String s, Rect r, Color color) {
        if (s != null) {
            BoxText.draw(g, s, r, color);
        }
    }
}
