package io.herakles.procmem.ui.charts;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import eu.hansolo.tilesfx.chart.ChartData;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.FigureHelp;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.theme.Palette;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;

/**
 * The header row of TilesFX tiles: memory used of total (gauge), whole-machine CPU over the last
 * minutes (smooth area chart), the top processes by the chosen memory metric (a leaderboard in a custom tile),
 * and the process count with how many have PSS/USS readable.
 *
 * <p>Call {@link #update} once per snapshot. The tiles keep their nodes; only values that changed
 * are set (a TilesFX setter redraws its tile even when the value is the same), so a refresh every
 * second is cheap. While the tiles are folded into one line ({@link #fit}) only that line and the
 * CPU history are kept up to date; the tiles catch up when they unfold. Every tile is built with
 * {@code animated(false)}: a new value is drawn once, with no timeline running between snapshots.
 * FX thread only.
 */
public class HeaderTilesView extends HBox {

    /** Leaderboard length. */
    public static final int TOP_N = 5;
    /** CPU points kept in the area chart (one per snapshot: five minutes at 1 s). */
    static final int CPU_POINTS = 300;

    private static final double TILE_WIDTH = 230;
    /** Why a user process may have no PSS/USS, on the process-count tile. */
    static final String READABLE_HELP = "PSS and USS come from a process's smaps_rollup, which only its owner, "
            + "root or a holder of cap_sys_ptrace may read; a process that exits while it is read has none either. "
            + "Kernel threads have no user memory at all, so they are counted apart.";

    /** What a tile says for a figure the snapshot does not have. */
    static final String NOT_AVAILABLE = "n/a";
    private static final double TILE_HEIGHT = 170;
    private static final double COMPACT_HEIGHT = 112;

    private final Tile memoryTile;
    private final Tile cpuTile;
    private final Tile topTile;
    private final Tile countTile;
    private final LeaderboardPane leaderboard = new LeaderboardPane(TOP_N);
    /** What the tiles say, on one line, for a window too small for them. */
    private final Label folded = new Label(Formats.ABSENT);
    private final Tooltip cpuHelp = new Tooltip(cpuHelp(0));
    private HeaderFigures last;
    private java.time.Instant lastCpuAt;
    /** The last {@link #CPU_POINTS} CPU readings, oldest first, kept while the tiles are folded too. */
    private final ArrayDeque<ChartData> cpuHistory = new ArrayDeque<>();
    /** Whether the tiles show {@link #last} and {@link #cpuHistory}; false while folded and updated. */
    private boolean tilesCurrent = true;

    public HeaderTilesView() {
        super(8);
        getStyleClass().add("header-tiles");
        setPadding(new Insets(8));
        memoryTile = TileBuilder.create().skinType(Tile.SkinType.GAUGE)
                .prefSize(TILE_WIDTH, TILE_HEIGHT).title("Memory used").unit("%")
                .minValue(0).maxValue(100).decimals(1).thresholdVisible(false).animated(false)
                .text(Formats.ABSENT).build();
        cpuTile = TileBuilder.create().skinType(Tile.SkinType.SMOOTH_AREA_CHART)
                .prefSize(TILE_WIDTH * 1.4, TILE_HEIGHT).title(cpuTitle(0)).unit("%")
                .minValue(0).maxValue(100).decimals(1).smoothing(true).animated(false)
                .text(cpuText(0)).build();
        Tooltip.install(cpuTile, cpuHelp);
        Tooltip readableHelp = new Tooltip(READABLE_HELP);
        readableHelp.setWrapText(true);
        readableHelp.setMaxWidth(360);
        topTile = TileBuilder.create().skinType(Tile.SkinType.CUSTOM)
                .prefSize(TILE_WIDTH * 1.3, TILE_HEIGHT).title("Top processes by RSS")
                .graphic(leaderboard).animated(false).build();
        countTile = TileBuilder.create().skinType(Tile.SkinType.NUMBER)
                .prefSize(TILE_WIDTH * 0.9, TILE_HEIGHT).title("Processes").decimals(0)
                .description("").text(Formats.ABSENT).animated(false).build();
        Tooltip.install(countTile, readableHelp);
        for (Tile t : List.of(memoryTile, cpuTile, topTile, countTile)) {
            HBox.setHgrow(t, Priority.SOMETIMES);
            t.setMaxWidth(Double.MAX_VALUE);
        }
        folded.setId("headerSummary");
        folded.getStyleClass().add("header-summary");
        folded.setMaxWidth(Double.MAX_VALUE);
        folded.setVisible(false);
        folded.setManaged(false);
        Tooltip foldedHelp = new Tooltip("The header tiles, folded into one line because the window is small: "
                + "make it wider than 1280 px or higher than 800 px to see them");
        foldedHelp.setWrapText(true);
        foldedHelp.setMaxWidth(360);
        folded.setTooltip(foldedHelp);
        HBox.setHgrow(folded, Priority.ALWAYS);
        getChildren().addAll(memoryTile, cpuTile, topTile, countTile, folded);
    }

    /**
     * Refreshes every tile from {@code snapshot}; the leaderboard ranks by {@code metric}. Calling
     * it again with the same snapshot (say, after a metric change) re-ranks without adding a CPU point.
     */
    public void update(Snapshot snapshot, MemoryMetric metric) {
        update(snapshot, HeaderFigures.of(snapshot, metric, TOP_N));
    }

    /**
     * As {@link #update(Snapshot, MemoryMetric)} with the figures already computed (off the FX
     * thread, with {@code HeaderFigures.of(snapshot, metric, TOP_N)}).
     */
    public void update(Snapshot snapshot, HeaderFigures f) {
        last = f;
        folded.setText(f.oneLine());
        // the same snapshot again (e.g. only the metric changed) must not add a second CPU point
        ChartData point = null;
        if (f.cpuPercent().isPresent() && !snapshot.takenAt().equals(lastCpuAt)) {
            point = new ChartData("", f.cpuPercent().getAsDouble(), snapshot.takenAt());
            cpuHistory.addLast(point);
            if (cpuHistory.size() > CPU_POINTS) {
                cpuHistory.removeFirst();
            }
            lastCpuAt = snapshot.takenAt();
        }
        if (isFolded()) {
            tilesCurrent = false; // nobody sees the tiles: they catch up when they unfold
            return;
        }
        if (!tilesCurrent) {
            showCpuHistory();
            tilesCurrent = true;
        } else if (point != null) {
            appendCpu(point);
        }
        showOnTiles(f);
    }

    /** Sets what changed on the tiles (all but the CPU points). */
    private void showOnTiles(HeaderFigures f) {
        // unknown is not 0 %: hide the number rather than show an empty gauge as a reading
        boolean memoryKnown = f.memoryUsedPercent().isPresent();
        if (memoryTile.isValueVisible() != memoryKnown) {
            memoryTile.setValueVisible(memoryKnown);
        }
        memoryTile.setValue(f.memoryUsedPercent().orElse(0));
        setUnit(memoryTile, memoryKnown ? "%" : ""); // a bare "%" would read as a value
        setText(memoryTile, f.memoryText());
        // the GAUGE skin does not draw its text: the title carries "used of total"
        setTitle(memoryTile, memoryKnown ? "Memory " + f.memoryText() : "Memory used: " + NOT_AVAILABLE);
        // no system CPU in this snapshot (a file without it, the first tick): say so, not 0.0 %
        boolean cpuKnown = f.cpuPercent().isPresent();
        if (cpuTile.isValueVisible() != cpuKnown) {
            cpuTile.setValueVisible(cpuKnown);
        }
        setUnit(cpuTile, cpuKnown ? "%" : NOT_AVAILABLE);
        if (!cpuTitle(f.cpuCount()).equals(cpuTile.getTitle())) {
            // the area-chart skin draws the title but not the text: the base goes in the title
            cpuTile.setTitle(cpuTitle(f.cpuCount()));
            cpuTile.setText(cpuText(f.cpuCount()));
            cpuHelp.setText(cpuHelp(f.cpuCount()));
        }
        updateLeaders(f);
        countTile.setValue(f.processes());
        setText(countTile, f.readableText());
    }

    private static void setUnit(Tile tile, String unit) {
        if (!unit.equals(tile.getUnit())) {
            tile.setUnit(unit);
        }
    }

    private static void setText(Tile tile, String text) {
        if (!text.equals(tile.getText())) {
            tile.setText(text);
        }
    }

    private static void setTitle(Tile tile, String title) {
        if (!title.equals(tile.getTitle())) {
            tile.setTitle(title);
        }
    }

    /** The CPU tile's title, with what the percentage is a share of: "System CPU (% of all 4 cores)". */
    static String cpuTitle(int cpuCount) {
        return "System CPU (% " + FigureHelp.allCores(cpuCount) + ")";
    }

    /** The CPU tile's caption: what 100 % means, and the time span. */
    static String cpuText(int cpuCount) {
        return "% " + FigureHelp.allCores(cpuCount) + " \u00b7 last " + CPU_POINTS / 60 + " minutes";
    }

    private static String cpuHelp(int cpuCount) {
        return "Whole-machine CPU busy as a share " + FigureHelp.allCores(cpuCount)
                + ": 100 % is every core busy. The table's CPU % is " + FigureHelp.ONE_CORE + ".";
    }

    /**
     * Fits the header to the window: full tiles when it is wide and high; lower tiles when it is
     * narrow (below about 1280 px) or low (below about 800 px); and when it is both, the tiles fold
     * into one line of text, so a 1024×700 window keeps its rows for the table.
     */
    public void fit(boolean narrow, boolean low) {
        boolean fold = narrow && low;
        double height = narrow || low ? COMPACT_HEIGHT : TILE_HEIGHT;
        for (Tile t : List.of(memoryTile, cpuTile, topTile, countTile)) {
            t.setPrefHeight(height);
            t.setMinHeight(height);
            t.setMaxHeight(height);
            t.setVisible(!fold);
            t.setManaged(!fold);
        }
        folded.setVisible(fold);
        folded.setManaged(fold);
        if (!fold && !tilesCurrent && last != null) {
            showCpuHistory();
            showOnTiles(last);
            tilesCurrent = true;
        }
        setPadding(fold ? new Insets(2, 8, 2, 8) : new Insets(narrow || low ? 4 : 8));
    }

    /** Whether the tiles are folded into one line (see {@link #fit}). */
    public boolean isFolded() {
        return folded.isVisible();
    }

    /** The one line the tiles fold into (for tests). */
    public String foldedText() {
        return folded.getText();
    }

    /** Draws the tiles in the light or dark look. */
    public void setPalette(Palette palette) {
        for (Tile t : List.of(memoryTile, cpuTile, topTile, countTile)) {
            t.setBackgroundColor(palette.tile());
            t.setForegroundColor(palette.tileText());
            t.setTitleColor(palette.tileText());
            t.setTextColor(palette.mutedText());
            t.setValueColor(palette.tileText());
            t.setUnitColor(palette.tileText());
            t.setDescriptionColor(palette.mutedText());
            t.setBarBackgroundColor(palette.dark() ? Tile.BACKGROUND.brighter() : Color.web("#d0d7de"));
        }
        leaderboard.setTextColor(palette.tileText());
    }

    /** The figures of the last update (for tests and for other views that want the same numbers). */
    public HeaderFigures lastFigures() {
        return last;
    }

    /** The tiles, left to right: memory, CPU, top processes, process count. */
    public List<Tile> tiles() {
        return List.of(memoryTile, cpuTile, topTile, countTile);
    }

    /** Shows {@link #cpuHistory} on the CPU tile at once (after the tiles were folded). */
    private void showCpuHistory() {
        if (cpuHistory.isEmpty()) {
            return;
        }
        List<ChartData> points = new ArrayList<>(cpuHistory);
        ChartData first = points.get(0);
        // the smoothed chart needs three points (TilesFX asserts it) and its skin shows the last
        // point, not setValue: the first value is repeated so that the tile shows it at once
        while (points.size() < 3) {
            points.add(0, new ChartData("", first.getValue(), first.getTimestamp()));
        }
        cpuTile.setChartData(points);
        cpuTile.setValue(cpuHistory.getLast().getValue());
    }

    /** Adds {@code point} (already the newest of {@link #cpuHistory}) to the CPU tile. */
    private void appendCpu(ChartData point) {
        int shown = cpuTile.getChartData().size();
        if (shown >= 3 && shown < CPU_POINTS) {
            cpuTile.addChartData(point);
            cpuTile.setValue(point.getValue());
        } else {
            // the first point (padded to three), or full: the history in ONE list change, one redraw
            showCpuHistory();
        }
    }

    private void updateLeaders(HeaderFigures f) {
        setTitle(topTile, "Top processes by " + f.metric());
        leaderboard.show(f.top());
    }

    /** The leaderboard rows as shown, "name (pid)  value" (for tests). */
    List<String> leaderboardRows() {
        return leaderboard.rows();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
