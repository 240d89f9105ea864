package io.herakles.procmem.ui.details;

import io.herakles.procmem.ui.common.CanvasRegion;
import io.herakles.procmem.ui.common.Formats;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A small chart of one process's history since first seen: RSS, PSS and USS as lines on a shared
 * byte scale, CPU as a shaded area on its own percent scale. Absent PSS/USS points break their
 * line instead of dropping to zero. One canvas, redrawn on {@link #setPoints}. FX thread only.
 */
public final class HistorySparkline extends CanvasRegion {

    static final Color RSS = Color.web("#4e79a7");
    static final Color PSS = Color.web("#f28e2b");
    static final Color USS = Color.web("#59a14f");
    static final Color CPU = Color.web("#e15759", 0.35);
    private static final Color BACKGROUND = Color.web("#1f2326");
    private static final Color TEXT = Color.web("#d8d8d8");
    private static final Font FONT = Font.font(10.5);
    private static final double LEGEND = 16;
    /** Measures legend texts (four per repaint) so the items never overlap. */
    private static final Text MEASURE = new Text();

    static {
        MEASURE.setFont(FONT);
    }
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private List<HistoryPoint> points = List.of();

    public HistorySparkline() {
        getStyleClass().add("history-sparkline");
        setMinHeight(90);
        setPrefHeight(110);
        setPrefWidth(320);
    }

    /** Shows {@code newPoints} (oldest first). */
    public void setPoints(List<HistoryPoint> newPoints) {
        if (!newPoints.equals(points)) { // the same history again (selection re-shown, paused) draws nothing
            points = List.copyOf(newPoints);
            repaint();
        }
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.setFont(FONT);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        if (points.size() < 2) {
            g.setFill(TEXT);
            g.fillText(points.isEmpty() ? "No history yet" : "Collecting history\u2026", 6, 4);
            return;
        }
        double top = 2 * LEGEND + 4; // legend line, then the "since … · max …" line, then the plot
        double plotH = Math.max(1, h - top - 4);
        long t0 = points.get(0).time().toEpochMilli();
        double span = Math.max(1, points.get(points.size() - 1).time().toEpochMilli() - t0);
        double maxBytes = 1;
        double maxCpu = 100;
        for (HistoryPoint p : points) {
            maxBytes = Math.max(maxBytes, p.rssBytes());
            maxBytes = Math.max(maxBytes, p.pssBytes().orElse(0));
            maxBytes = Math.max(maxBytes, p.ussBytes().orElse(0));
            maxCpu = Math.max(maxCpu, p.cpuPercent());
        }
        double[] xs = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 2 + (w - 4) * (points.get(i).time().toEpochMilli() - t0) / span;
        }
        paintCpu(g, xs, top, plotH, maxCpu);
        paintLine(g, xs, p -> OptionalLong.of(p.rssBytes()), RSS, top, plotH, maxBytes);
        paintLine(g, xs, HistoryPoint::pssBytes, PSS, top, plotH, maxBytes);
        paintLine(g, xs, HistoryPoint::ussBytes, USS, top, plotH, maxBytes);
        paintLegend(g, points.get(points.size() - 1), maxBytes);
    }

    private void paintCpu(GraphicsContext g, double[] xs, double top, double plotH, double maxCpu) {
        g.setFill(CPU);
        g.beginPath();
        g.moveTo(xs[0], top + plotH);
        for (int i = 0; i < xs.length; i++) {
            g.lineTo(xs[i], top + plotH - plotH * points.get(i).cpuPercent() / maxCpu);
        }
        g.lineTo(xs[xs.length - 1], top + plotH);
        g.closePath();
        g.fill();
    }

    private void paintLine(GraphicsContext g, double[] xs, Function<HistoryPoint, OptionalLong> value, Color colour,
            double top, double plotH, double maxBytes) {
        g.setStroke(colour);
        g.setLineWidth(1.5);
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < xs.length; i++) {
            OptionalLong v = value.apply(points.get(i));
            if (v.isEmpty()) {
                drawing = false;
                continue;
            }
            double y = top + plotH - plotH * v.getAsLong() / maxBytes;
            if (drawing) {
                g.lineTo(xs[i], y);
            } else {
                g.moveTo(xs[i], y);
                drawing = true;
            }
        }
        g.stroke();
    }

    private void paintLegend(GraphicsContext g, HistoryPoint last, double maxBytes) {
        double x = 6;
        x = legendItem(g, x, RSS, "RSS " + Formats.bytes(last.rssBytes()));
        x = legendItem(g, x, PSS, "PSS " + Formats.bytes(last.pssBytes()));
        x = legendItem(g, x, USS, "USS " + Formats.bytes(last.ussBytes()));
        x = legendItem(g, x, CPU.deriveColor(0, 1, 1, 1 / CPU.getOpacity()), "CPU " + Formats.percent(last.cpuPercent()));
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        HistoryPoint first = points.get(0);
        String since = "since " + SINCE.format(first.time().atZone(ZoneId.systemDefault())) + " ("
                + Formats.duration(Duration.between(first.time(), last.time())) + ")";
        g.fillText(since + " \u00b7 max " + Formats.bytes((long) maxBytes), canvas().getWidth() - 4, LEGEND + 2);
        g.setTextAlign(TextAlignment.LEFT);
    }

    private static double legendItem(GraphicsContext g, double x, Color colour, String text) {
        g.setFill(colour);
        g.fillRect(x, 5, 8, 8);
        g.setFill(TEXT);
        g.fillText(text, x + 11, 3);
        MEASURE.setText(text);
        return x + 11 + MEASURE.getLayoutBounds().getWidth() + 10;
    }

    /** The points shown (for tests). */
    List<HistoryPoint> points() {
        return points;
    }
}
