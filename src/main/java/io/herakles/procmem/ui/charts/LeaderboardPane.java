package io.herakles.procmem.ui.charts;

import eu.hansolo.tilesfx.Tile;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.theme.Palette;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;

/**
 * The ranked rows inside the "Top processes" tile: rank, a swatch in the group's colour, name and
 * pid, the value with its unit ("1.50 GiB"). A fixed set of labels whose texts change in place, so a
 * refresh every second creates no nodes. (TilesFX's own leaderboard skin sorts its item nodes in a
 * ListView and showed only the first row after in-place updates, and cannot print units.)
 * FX thread only.
 */
final class LeaderboardPane extends GridPane {

    private final List<Label> names = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final List<Rectangle> swatches = new ArrayList<>();

    LeaderboardPane(int rows) {
        setHgap(6);
        setVgap(3);
        ColumnConstraints rank = new ColumnConstraints();
        ColumnConstraints swatch = new ColumnConstraints();
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(Priority.ALWAYS);
        name.setFillWidth(true);
        ColumnConstraints value = new ColumnConstraints();
        value.setHalignment(javafx.geometry.HPos.RIGHT);
        getColumnConstraints().addAll(rank, swatch, name, value);
        for (int i = 0; i < rows; i++) {
            Label r = label((i + 1) + ".");
            Rectangle s = new Rectangle(8, 8, Color.TRANSPARENT);
            Label n = label("");
            n.setMaxWidth(Double.MAX_VALUE);
            Label v = label("");
            v.setAlignment(Pos.CENTER_RIGHT);
            addRow(i, r, s, n, v);
            names.add(n);
            values.add(v);
            swatches.add(s);
        }
    }

    /**
     * Shows {@code entries} (largest first); rows beyond them are hidden, rank number included, so a
     * short list (e.g. not root: few processes with USS) does not look like empty slots.
     */
    void show(List<HeaderFigures.TopEntry> entries) {
        for (int i = 0; i < names.size(); i++) {
            boolean has = i < entries.size();
            for (javafx.scene.Node cell : rowCells(i)) {
                cell.setVisible(has);
            }
            // an equal text set again still lays the label out: set only what changed
            setText(names.get(i), has ? entries.get(i).label() : "");
            setText(values.get(i), has ? Formats.bytes(entries.get(i).bytes()) : "");
            swatches.get(i).setFill(has ? io.herakles.procmem.ui.treemap.GroupPalette.color(entries.get(i).group())
                    : Color.TRANSPARENT);
        }
    }

    private List<javafx.scene.Node> rowCells(int row) {
        List<javafx.scene.Node> cells = new ArrayList<>(4);
        for (javafx.scene.Node n : getChildren()) {
            Integer r = getRowIndex(n);
            if (r != null && r == row) {
                cells.add(n);
            }
        }
        return cells;
    }

    /** The texts of the rows, "name (pid)  value" each (for tests). */
    List<String> rows() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).getText().isEmpty()) {
                out.add(names.get(i).getText() + "  " + values.get(i).getText());
            }
        }
        return out;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setStyle(textStyle(Tile.FOREGROUND));
        l.setFont(Font.font(12));
        return l;
    }

    /**
     * Inline, because the app's theme would otherwise colour these labels for the window, not for
     * the tile they sit on; an inline style outranks every stylesheet.
     */
    private static String textStyle(Color c) {
        return "-fx-text-fill: " + Palette.css(c) + ";";
    }

    /** The colour of every text in the board (the tile's text colour). */
    void setTextColor(Color c) {
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof Label l) {
                l.setStyle(textStyle(c));
            }
        }
    }

    private static void setText(javafx.scene.control.Labeled label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }
}
