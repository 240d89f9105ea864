package io.herakles.procmem.ui.fleet;

import io.herakles.procmem.fleet.Fleet.Point;
import io.herakles.procmem.ui.common.CanvasRegion;
import io.herakles.procmem.ui.common.Formats;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The selected host's memory in use over the last day, from a Prometheus range query: one line,
 * its lowest and highest value on the left, the time span below. Says what it waits for, or why
 * there is nothing, in place of the line. FX thread only.
 */
final class FleetTrendView extends CanvasRegion {

    static final String PICK_ONE = "Select a host to see its memory in use over the last 24 h";
    private static final Color LINE = Color.web("#4e79a7");
    private static final Font FONT = Font.font(10.5);
    private static final double GUTTER = 64;

    private String title = "";
    private List<Point> points = List.of();
    private String message = PICK_ONE;

    FleetTrendView() {
        setId("fleetTrend");
        setMinHeight(70);
        setPrefHeight(96);
        setAccessibleRoleDescription("line chart");
        setAccessibleText(PICK_ONE);
    }

    /** Shows {@code message} instead of a line (loading, no data, an error). */
    void showMessage(String newTitle, String newMessage) {
        title = newTitle;
        points = List.of();
        message = newMessage;
        setAccessibleText(newTitle.isEmpty() ? newMessage : newTitle + ": " + newMessage);
        repaint();
    }

    /** Shows {@code newPoints} (oldest first) under {@code newTitle}. */
    void showPoints(String newTitle, List<Point> newPoints) {
        if (newPoints.size() < 2) {
            showMessage(newTitle, "no memory figures in the last 24 h (is herakles_system_memory_* exported?)");
            return;
        }
        title = newTitle;
        points = List.copyOf(newPoints);
        message = "";
        double[] range = range(points);
        setAccessibleText(newTitle + ": from " + Formats.bytes((long) points.get(0).value()) + " to "
                + Formats.bytes((long) points.get(points.size() - 1).value()) + ", lowest "
                + Formats.bytes((long) range[0]) + ", highest " + Formats.bytes((long) range[1]));
        repaint();
    }

    /** The points shown (tests). */
    List<Point> points() {
        return points;
    }

    /** The message shown instead of a line, empty while a line is drawn (tests). */
    String message() {
        return message;
    }

    static double[] range(List<Point> points) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            min = Math.min(min, p.value());
            max = Math.max(max, p.value());
        }
        return new double[] {min, max};
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.clearRect(0, 0, w, h);
        g.setFont(FONT);
        g.setFill(Color.GRAY);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(title, 4, 2);
        if (points.size() < 2) {
            g.setTextBaseline(VPos.CENTER);
            g.fillText(message, 4, h / 2 + 6);
            return;
        }
        double top = 18;
        double bottom = h - 14;
        double[] range = range(points);
        double span = Math.max(1, range[1] - range[0]);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Formats.bytes((long) range[1]), GUTTER - 6, top - 4);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(Formats.bytes((long) range[0]), GUTTER - 6, bottom + 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Formats.time(points.get(0).at()), GUTTER, h);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Formats.time(points.get(points.size() - 1).at()), w - 4, h);
        long t0 = points.get(0).at().toEpochMilli();
        double tSpan = Math.max(1, points.get(points.size() - 1).at().toEpochMilli() - t0);
        double plotW = Math.max(1, w - GUTTER - 4);
        g.setStroke(LINE);
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = GUTTER + plotW * (p.at().toEpochMilli() - t0) / tSpan;
            double y = bottom - (bottom - top) * (p.value() - range[0]) / span;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }
}
