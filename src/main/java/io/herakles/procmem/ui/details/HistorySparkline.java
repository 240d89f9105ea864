package io.herakles.procmem.ui.details;

import io.herakles.procmem.ui.common.CanvasRegion;
import io.herakles.procmem.ui.common.FigureHelp;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.theme.Palette;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * One process's history since first seen, in two panels that share the time axis: RSS, PSS and
 * USS as lines on a byte scale labelled with its minimum and maximum, and below it CPU as an area
 * on its own percent scale (of one core) labelled 0 and its top — so CPU is never painted over
 * memory and no height reads without a number. Absent PSS/USS points break their line instead of
 * dropping to zero. The legend above is made of labels that wrap, never cut, each with the
 * current value and a tooltip saying what the figure is.
 *
 * <p>With fewer than two points there is nothing to draw; the panel says why (the message comes
 * from the view-model: "Collecting history…" live, "No history in a snapshot file" for a file).
 * FX thread only.
 */
public final class HistorySparkline extends VBox {

    static final Color RSS = Color.web("#4e79a7");
    static final Color PSS = Color.web("#f28e2b");
    static final Color USS = Color.web("#59a14f");
    static final Color CPU = Color.web("#e15759");
    private static final Font FONT = Font.font(10.5);
    /** Room on the left of both panels for the scale labels. */
    static final double GUTTER = 60;
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Label rssItem = legendItem(RSS, FigureHelp.RSS);
    private final Label pssItem = legendItem(PSS, FigureHelp.PSS);
    private final Label ussItem = legendItem(USS, FigureHelp.USS);
    private final Label cpuItem = legendItem(CPU, FigureHelp.CPU_PERCENT);
    private final Label since = new Label();
    private final Panel memoryPanel = new Panel(this::paintMemory);
    private final Panel cpuPanel = new Panel(this::paintCpu);
    private List<HistoryPoint> points = List.of();
    private Palette palette = Palette.DARK;
    private String message = "";

    public HistorySparkline() {
        super(4);
        getStyleClass().add("history-sparkline");
        setPadding(new Insets(4, 4, 3, 4));
        FlowPane legend = new FlowPane(12, 2, rssItem, pssItem, ussItem, cpuItem);
        since.setMinWidth(Region.USE_PREF_SIZE);
        memoryPanel.setMinHeight(44);
        memoryPanel.setPrefHeight(64);
        cpuPanel.setMinHeight(26);
        cpuPanel.setPrefHeight(36);
        setPrefWidth(320);
        getChildren().addAll(legend, memoryPanel, cpuPanel, since);
        applyFrame();
        setAccessibleRoleDescription("line chart");
        show();
    }

    /** Shows {@code newPoints} (oldest first); with fewer than two, {@code whyNoChart} is shown instead of the chart. */
    /** Draws in the light or dark look (surface, grid and scale text; the series colours stay). */
    public void setPalette(Palette newPalette) {
        palette = newPalette;
        applyFrame();
        memoryPanel.redraw();
        cpuPanel.redraw();
    }

    public void setPoints(List<HistoryPoint> newPoints, String whyNoChart) {
        String newMessage = whyNoChart == null ? "" : whyNoChart;
        if (newPoints.equals(points) && newMessage.equals(message)) {
            return; // the same history again (selection re-shown, paused) draws nothing
        }
        points = List.copyOf(newPoints);
        message = newMessage;
        show();
    }

    /** Shows {@code newPoints} with no message. */
    public void setPoints(List<HistoryPoint> newPoints) {
        setPoints(newPoints, "");
    }

    private void show() {
        HistoryPoint last = points.isEmpty() ? null : points.get(points.size() - 1);
        // without a point the legend only names the lines
        rssItem.setText(last == null ? "RSS" : "RSS " + Formats.bytes(last.rssBytes()));
        pssItem.setText(last == null ? "PSS" : "PSS " + Formats.bytes(last.pssBytes()));
        ussItem.setText(last == null ? "USS" : "USS " + Formats.bytes(last.ussBytes()));
        cpuItem.setText(last == null ? "CPU (" + FigureHelp.CPU_BASE + ")"
                : "CPU " + Formats.percent(last.cpuPercent()) + " " + FigureHelp.ONE_CORE);
        if (points.size() >= 2) {
            HistoryPoint first = points.get(0);
            since.setText("since " + SINCE.format(first.time().atZone(ZoneId.systemDefault())) + " ("
                    + Formats.duration(Duration.between(first.time(), last.time())) + ")");
        } else {
            since.setText("");
        }
        setAccessibleText(points.size() < 2 ? "History: " + message
                : "History " + since.getText() + ": " + String.join(", ", rssItem.getText(), pssItem.getText(),
                        ussItem.getText(), cpuItem.getText()) + " now");
        since.setManaged(!since.getText().isEmpty());
        since.setVisible(since.isManaged());
        memoryPanel.redraw();
        cpuPanel.redraw();
    }

    // ---- memory panel ----

    private void paintMemory(GraphicsContext g, double w, double h) {
        background(g, w, h);
        if (points.size() < 2) {
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(message, 6, h / 2);
            return;
        }
        long[] range = memoryRange(points);
        double top = 6;
        double plotH = Math.max(1, h - 12);
        scaleLabels(g, Formats.bytes(range[1]), Formats.bytes(range[0]), top, plotH);
        double[] xs = xs(w);
        paintLine(g, xs, p -> OptionalLong.of(p.rssBytes()), RSS, top, plotH, range);
        paintLine(g, xs, HistoryPoint::ussBytes, USS, top, plotH, range);
        paintLine(g, xs, HistoryPoint::pssBytes, PSS, top, plotH, range);
        g.setLineDashes(null);
    }

    /** {min, max} of every known RSS/PSS/USS value: the memory panel's scale. */
    static long[] memoryRange(List<HistoryPoint> points) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (HistoryPoint p : points) {
            for (OptionalLong v : List.of(OptionalLong.of(p.rssBytes()), p.pssBytes(), p.ussBytes())) {
                if (v.isPresent()) {
                    min = Math.min(min, v.getAsLong());
                    max = Math.max(max, v.getAsLong());
                }
            }
        }
        return new long[] {min == Long.MAX_VALUE ? 0 : min, max};
    }

    private void paintLine(GraphicsContext g, double[] xs, Function<HistoryPoint, OptionalLong> value, Color colour,
            double top, double plotH, long[] range) {
        g.setStroke(colour);
        g.setLineWidth(1.5);
        // PSS often lies on USS or RSS: dashed, it stays visible on top of either
        g.setLineDashes(colour == PSS ? new double[] {5, 3} : null);
        double span = range[1] - range[0];
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < xs.length; i++) {
            OptionalLong v = value.apply(points.get(i));
            if (v.isEmpty()) {
                drawing = false;
                continue;
            }
            // a flat history (min = max) is drawn through the middle
            double share = span <= 0 ? 0.5 : (v.getAsLong() - range[0]) / span;
            double y = top + plotH - plotH * share;
            if (drawing) {
                g.lineTo(xs[i], y);
            } else {
                g.moveTo(xs[i], y);
                drawing = true;
            }
        }
        g.stroke();
    }

    // ---- CPU panel ----

    private void paintCpu(GraphicsContext g, double w, double h) {
        background(g, w, h);
        if (points.size() < 2) {
            return;
        }
        double scaleTop = cpuScaleTop(points);
        double top = 5;
        double plotH = Math.max(1, h - 9);
        scaleLabels(g, Formats.percent(scaleTop), "0 %", top, plotH);
        double[] xs = xs(w);
        g.beginPath();
        g.moveTo(xs[0], top + plotH);
        for (int i = 0; i < xs.length; i++) {
            double share = Math.min(1, points.get(i).cpuPercent() / scaleTop);
            g.lineTo(xs[i], top + plotH - plotH * share);
        }
        g.lineTo(xs[xs.length - 1], top + plotH);
        g.closePath();
        g.setFill(CPU.deriveColor(0, 1, 1, 0.45));
        g.fill();
        g.setStroke(CPU);
        g.setLineWidth(1.2);
        g.stroke();
    }

    /** The CPU panel's top: the peak rounded up to 1, 2 or 5 × 10^k percent, at least 1 %. */
    static double cpuScaleTop(List<HistoryPoint> points) {
        double max = 0;
        for (HistoryPoint p : points) {
            max = Math.max(max, p.cpuPercent());
        }
        double x = Math.max(1, max);
        double magnitude = Math.pow(10, Math.floor(Math.log10(x)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= x - 1e-9) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    // ---- shared ----

    private void background(GraphicsContext g, double w, double h) {
        g.setFill(palette.surface());
        g.fillRect(0, 0, w, h);
        g.setFont(FONT);
    }

    /** The scale's top and bottom values in the gutter, with faint lines across the plot. */
    private void scaleLabels(GraphicsContext g, String topText, String bottomText, double top, double plotH) {
        double w = g.getCanvas().getWidth();
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.strokeLine(GUTTER, Math.round(top) + 0.5, w, Math.round(top) + 0.5);
        g.strokeLine(GUTTER, Math.round(top + plotH) + 0.5, w, Math.round(top + plotH) + 0.5);
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(topText, GUTTER - 4, top + 2);
        g.fillText(bottomText, GUTTER - 4, top + plotH - 2);
    }

    /** X positions of the points: time-proportional across the plot right of the gutter. */
    private double[] xs(double w) {
        long t0 = points.get(0).time().toEpochMilli();
        double span = Math.max(1, points.get(points.size() - 1).time().toEpochMilli() - t0);
        double plotW = Math.max(1, w - GUTTER - 3);
        double[] xs = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = GUTTER + plotW * (points.get(i).time().toEpochMilli() - t0) / span;
        }
        return xs;
    }

    /** The frame, legend and "since" line in the palette's surface and text colours. */
    private void applyFrame() {
        setStyle("-fx-background-color: " + Palette.css(palette.surface()) + "; -fx-border-color: " + Palette.css(palette.grid()) + ";");
        String legendStyle = "-fx-text-fill: " + Palette.css(palette.text()) + "; -fx-font-size: 10.5px;";
        for (Label l : List.of(rssItem, pssItem, ussItem, cpuItem)) {
            l.setStyle(legendStyle);
        }
        since.setStyle("-fx-text-fill: " + Palette.css(palette.mutedText()) + "; -fx-font-size: 10.5px;");
    }

    private static Label legendItem(Color colour, String help) {
        Label l = new Label("", new Rectangle(8, 8, colour));
        // the legend wraps rather than cut a value short
        l.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip(help);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        l.setTooltip(tip);
        return l;
    }

    /** The points shown (for tests). */
    List<HistoryPoint> points() {
        return points;
    }

    /** The message shown instead of a chart (for tests); empty when the chart is drawn. */
    String message() {
        return points.size() < 2 ? message : "";
    }

    /** The legend's texts (for tests). */
    List<String> legendTexts() {
        List<String> out = new ArrayList<>();
        for (Label l : List.of(rssItem, pssItem, ussItem, cpuItem)) {
            out.add(l.getText());
        }
        return out;
    }

    /** A canvas panel painted by a method of the sparkline. */
    private static final class Panel extends CanvasRegion {

        interface Painter {
            void paint(GraphicsContext g, double w, double h);
        }

        private final Painter painter;

        Panel(Painter painter) {
            this.painter = painter;
            setMinWidth(120);
        }

        void redraw() {
            repaint();
        }

        @Override
        protected void paint(GraphicsContext g, double width, double height) {
            painter.paint(g, width, height);
        }
    }
}
