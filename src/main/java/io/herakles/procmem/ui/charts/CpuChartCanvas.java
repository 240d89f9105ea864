package io.herakles.procmem.ui.charts;

import io.herakles.procmem.ui.common.CanvasRegion;
import io.herakles.procmem.ui.theme.Palette;
import io.herakles.procmem.ui.treemap.GroupPalette;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws {@link GroupCpuHistory.ChartData} on one canvas: stacked areas (or lines) per group in
 * the group's colour, a y axis in percent of one core with "nice" steps, and a time axis ending at
 * "now"; hovering names the values at that time. One canvas and no chart nodes, so 900 samples ×
 * 8 series redraw cheaply every second.
 * FX thread only.
 */
final class CpuChartCanvas extends CanvasRegion {

    private static final Color REST = Color.web("#5f6368");
    private static final Font FONT = Font.font(10.5);
    private static final double LEFT = 44;
    static final String COLLECTING = "Collecting CPU samples\u2026 this chart shows CPU per group over time";
    static final String NO_HISTORY_IN_FILE = "No CPU history in a snapshot file: it holds one moment.";
    private static final double BOTTOM = 18;
    private static final double TOP = 8;
    private static final double RIGHT = 8;

    private final Tooltip tooltip = new Tooltip();
    private Palette palette = Palette.DARK;
    private GroupCpuHistory.ChartData data;
    private boolean stacked = true;
    /** Whether the data comes from a snapshot file: one moment, drawn as bars, never "collecting". */
    private boolean fromFile;

    CpuChartCanvas() {
        setMinSize(160, 100);
        setPrefSize(600, 220);
        tooltip.setShowDelay(javafx.util.Duration.millis(200));
        Tooltip.install(canvas(), tooltip);
        canvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX()));
    }

    /** Names the values under the pointer: the sample nearest to the pointer's time. */
    private void hover(double x) {
        tooltip.setText(describeAt(x));
    }

    /** Tooltip text for canvas position {@code x} (empty when there is nothing to say). */
    String describeAt(double x) {
        if (data == null || data.size() == 0) {
            return "No samples yet";
        }
        double plotW = Math.max(1, canvas().getWidth() - LEFT - RIGHT);
        double fromRight = Math.max(0, Math.min(plotW, LEFT + plotW - x));
        long t = data.end().toEpochMilli() - Math.round(fromRight / plotW * data.window().toMillis());
        return data.describe(data.indexNear(t));
    }

    void setData(GroupCpuHistory.ChartData newData) {
        data = newData;
        repaint();
    }

    /** The sentence drawn instead of a time chart, empty when one is drawn. */
    String message() {
        if (fromFile) {
            return NO_HISTORY_IN_FILE;
        }
        return data == null || data.size() < 2 ? COLLECTING : "";
    }

    void setFromFile(boolean file) {
        fromFile = file;
        repaint();
    }

    /** Draws in the light or dark look (background, grid and text; the group colours stay). */
    void setPalette(Palette newPalette) {
        palette = newPalette;
        repaint();
    }

    void setStacked(boolean value) {
        stacked = value;
        repaint();
    }

    static Color colour(String group) {
        return GroupCpuHistory.REST.equals(group) ? REST : GroupPalette.color(group);
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFill(palette.surface());
        g.fillRect(0, 0, w, h);
        g.setFont(FONT);
        double plotW = Math.max(1, w - LEFT - RIGHT);
        double plotH = Math.max(1, h - TOP - BOTTOM);
        double yMax = niceCeiling(data == null ? 0 : (stacked ? data.maxStacked() : maxSingle(data)));
        if (!fromFile) {
            paintAxes(g, plotW, plotH, yMax);
        }
        if (fromFile) {
            paintFileSample(g, w, h);
            return;
        }
        if (data == null || data.size() < 2) {
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(COLLECTING, LEFT + plotW / 2, TOP + plotH / 2);
            return;
        }
        double[] xs = new double[data.size()];
        long end = data.end().toEpochMilli();
        double span = data.window().toMillis();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = LEFT + plotW - plotW * (end - data.time(i)) / span;
        }
        if (stacked) {
            paintStacked(g, xs, plotH, yMax);
        } else {
            paintLines(g, xs, plotH, yMax);
        }
    }

    /**
     * A snapshot file holds one moment: say that there is no history, and show that moment's CPU
     * per group as labelled bars (the file's own values) instead of a time axis.
     */
    private void paintFileSample(GraphicsContext g, double w, double h) {
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(NO_HISTORY_IN_FILE, 10, 8);
        List<String> lines = fileSampleLines(data);
        if (lines.isEmpty()) {
            g.fillText("No process used CPU in the sample it holds.", 10, 26);
            return;
        }
        g.fillText("CPU by group when it was taken (% of one core):", 10, 26);
        double max = 0;
        for (GroupCpuHistory.Series s : data.series()) {
            max = Math.max(max, s.at(data.size() - 1));
        }
        double barLeft = 150;
        double barMax = Math.max(20, w - barLeft - 80);
        double rowH = 18;
        double y = 46;
        for (int i = 0; i < data.series().size() && y + rowH <= h; i++, y += rowH) {
            GroupCpuHistory.Series s = data.series().get(i);
            double v = s.at(data.size() - 1);
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(s.group(), 10, y + 2);
            g.setFill(colour(s.group()));
            g.fillRect(barLeft, y + 2, Math.max(1, barMax * v / Math.max(max, 1e-9)), rowH - 6);
            g.setFill(palette.text());
            g.fillText(String.format(Locale.ROOT, "%.1f %%", v), barLeft + barMax * v / Math.max(max, 1e-9) + 6, y + 2);
        }
    }

    /** "group  12.3 %" for each series at the last sample; empty when there is none (for tests and the bars). */
    static List<String> fileSampleLines(GroupCpuHistory.ChartData d) {
        if (d == null || d.size() == 0) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (GroupCpuHistory.Series s : d.series()) {
            out.add(s.group() + "  " + String.format(Locale.ROOT, "%.1f %%", s.at(d.size() - 1)));
        }
        return out;
    }

    private void paintStacked(GraphicsContext g, double[] xs, double plotH, double yMax) {
        double[] base = new double[xs.length];
        for (GroupCpuHistory.Series s : data.series()) {
            double[] top = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                top[i] = base[i] + s.at(i);
            }
            g.setFill(colour(s.group()).deriveColor(0, 1, 1, 0.85));
            g.beginPath();
            g.moveTo(xs[0], y(top[0], plotH, yMax));
            for (int i = 1; i < xs.length; i++) {
                g.lineTo(xs[i], y(top[i], plotH, yMax));
            }
            for (int i = xs.length - 1; i >= 0; i--) {
                g.lineTo(xs[i], y(base[i], plotH, yMax));
            }
            g.closePath();
            g.fill();
            base = top;
        }
    }

    private void paintLines(GraphicsContext g, double[] xs, double plotH, double yMax) {
        g.setLineWidth(1.6);
        for (GroupCpuHistory.Series s : data.series()) {
            g.setStroke(colour(s.group()));
            g.beginPath();
            g.moveTo(xs[0], y(s.at(0), plotH, yMax));
            for (int i = 1; i < xs.length; i++) {
                g.lineTo(xs[i], y(s.at(i), plotH, yMax));
            }
            g.stroke();
        }
    }

    private void paintAxes(GraphicsContext g, double plotW, double plotH, double yMax) {
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k <= 4; k++) {
            double v = yMax * k / 4;
            double y = Math.round(y(v, plotH, yMax)) + 0.5;
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.fillText(String.format(Locale.ROOT, "%.0f%%", v), LEFT - 4, y);
        }
        if (data == null) {
            return;
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        long seconds = data.window().toSeconds();
        for (int k = 0; k <= 4; k++) {
            double x = LEFT + plotW * k / 4;
            g.fillText(agoLabel(seconds * (4 - k) / 4), Math.min(x, LEFT + plotW - 10), TOP + plotH + 3);
        }
    }

    /** Time-axis text: "now", "-45s", "-5m", "-11m 15s". */
    static String agoLabel(long secondsAgo) {
        if (secondsAgo <= 0) {
            return "now";
        }
        if (secondsAgo % 60 == 0) {
            return "-" + secondsAgo / 60 + "m";
        }
        if (secondsAgo < 120) {
            return "-" + secondsAgo + "s";
        }
        return "-" + secondsAgo / 60 + "m " + secondsAgo % 60 + "s";
    }

    private static double y(double value, double plotH, double yMax) {
        return TOP + plotH - plotH * Math.min(value, yMax) / yMax;
    }

    private static double maxSingle(GroupCpuHistory.ChartData d) {
        double max = 0;
        List<GroupCpuHistory.Series> series = d.series();
        for (GroupCpuHistory.Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                max = Math.max(max, s.at(i));
            }
        }
        return max;
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code v}, at least 10 (percent). */
    static double niceCeiling(double v) {
        double x = Math.max(10, v);
        double magnitude = Math.pow(10, Math.floor(Math.log10(x)));
        // finer steps than 1-2-5 (a 210 % peak gets a 300 % axis, not 500 % with the data in its bottom
        // 40 %), each divisible into the four whole-number gridline steps the axis draws
        for (double step : new double[] {1, 2, 3, 4, 6, 8, 10}) {
            if (step * magnitude >= x - 1e-9) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
