package io.herakles.procmem.ui.treemap;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.theme.Palette;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * Treemap of group → subgroup → process memory, area by the chosen {@link MemoryMetric}, colour by
 * group. A breadcrumb on top zooms out, a status line below says what sizes the boxes and how many
 * processes were left out for lack of a value. Drawn on one {@link Canvas}: a new snapshot costs
 * one layout and one repaint, never a node per process.
 *
 * <p>Mouse: click selects a process (calls {@link #setOnProcessSelected}); double-click zooms into
 * the group or subgroup under the pointer; right-click, Escape or Backspace zooms out; hovering
 * shows the numbers.
 *
 * <p>FX thread only. Usable on its own: give it snapshots and listen for selections.
 */
public class TreemapView extends Region {

    /** The empty treemap says what it is for until the first snapshot arrives. */
    static final String WAITING = "Waiting for the first snapshot \u2014 each box will be a process, sized by its memory and grouped";
    static final String KEYS_HELP = "Process memory as boxes. Arrow keys move between processes, "
            + "Enter zooms into the selected one's group, Escape zooms out.";
    /** Said after the status line while the filter hides boxes, so nobody takes the rest for gone. */
    public static final String HIDDEN_NOTE = " \u00b7 only processes matching the filter";
    private static final double BREADCRUMB_HEIGHT = 26;
    private static final double STATUS_HEIGHT = 20;

    private final TreemapModel model = new TreemapModel();
    private final TreemapPainter painter = new TreemapPainter();
    private final ObjectProperty<MemoryMetric> metric =
            new SimpleObjectProperty<>(this, "metric", MemoryMetric.RSS);
    private final ReadOnlyObjectWrapper<ZoomPath> zoom = new ReadOnlyObjectWrapper<>(this, "zoom", ZoomPath.ROOT);
    private final ReadOnlyObjectWrapper<TreemapFrame.Params> frameParams = new ReadOnlyObjectWrapper<>(this,
            "frameParams", new TreemapFrame.Params(MemoryMetric.RSS, ZoomPath.ROOT, 0, 0));
    private final Canvas canvas = new Canvas();
    private final HBox breadcrumb = new HBox(2);
    private final Label status = new Label();
    private final Tooltip statusTooltip = new Tooltip();
    private final Tooltip tooltip = new Tooltip();
    private final Rectangle hoverBox = new Rectangle();
    private IntConsumer onProcessSelected = pid -> { };
    private int selectedPid = -1;
    private TreemapNode hovered;
    private boolean hasSnapshot;
    /** False while the view is off screen (its tab not selected): snapshots wait in {@link #pending}. */
    private boolean drawing = true;
    private boolean stale;
    private Snapshot pending;
    private TreemapFrame pendingFrame;
    private boolean tooltipInstalled;
    private Predicate<ProcessSample> filter;
    /** What the model keeps now (null: every process). */
    private Predicate<ProcessSample> kept;
    private final BooleanProperty hideFiltered = new SimpleBooleanProperty(this, "hideFiltered", false);

    public TreemapView() {
        getStyleClass().add("treemap-view");
        setMinSize(120, 120);
        setPrefSize(640, 420);
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        breadcrumb.setPadding(new Insets(2, 6, 2, 6));
        breadcrumb.getStyleClass().add("treemap-breadcrumb");
        status.setPadding(new Insets(2, 6, 2, 6));
        status.getStyleClass().add("treemap-status");
        status.setTooltip(statusTooltip);
        hoverBox.setManaged(false);
        hoverBox.setMouseTransparent(true);
        hoverBox.setFill(null);
        hoverBox.setStroke(Color.web("#ffffff", 0.8));
        hoverBox.setVisible(false);
        getChildren().addAll(breadcrumb, canvas, status, hoverBox);
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setShowDuration(Duration.seconds(30));
        metric.addListener((obs, old, now) -> {
            model.setMetric(now == null ? MemoryMetric.RSS : now);
            relayout();
        });
        hideFiltered.addListener((obs, old, hide) -> applyFilter());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hovered = null;
            hoverBox.setVisible(false);
        });
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        setAccessibleRoleDescription("treemap");
        setAccessibleHelp(KEYS_HELP);
        rebuildBreadcrumb();
        relayout();
    }

    /** Shows {@code snapshot}: rebuilds the hierarchy and repaints. Null shows nothing. */
    public void setSnapshot(Snapshot snapshot) {
        setSnapshot(snapshot, null);
    }

    /**
     * Shows {@code snapshot} using {@code prepared} (computed off the FX thread) when it is a frame
     * of that snapshot laid out for the current {@link #frameParamsProperty()}: then only the
     * canvas is repainted. Otherwise (null, or prepared for other parameters) builds and lays out
     * here, like {@link #setSnapshot(Snapshot)}.
     */
    public void setSnapshot(Snapshot snapshot, TreemapFrame prepared) {
        if (!drawing) {
            // off screen: building and painting 5,000 boxes nobody sees is wasted; keep the latest
            pending = snapshot;
            pendingFrame = prepared;
            stale = true;
            return;
        }
        hasSnapshot = snapshot != null;
        if (prepared != null && prepared.snapshot() == snapshot
                && model.show(prepared, canvas.getWidth(), canvas.getHeight())) {
            refreshShown();
            return;
        }
        model.setSnapshot(snapshot);
        relayout();
    }

    /**
     * Whether the treemap is on screen. While it is not, {@link #setSnapshot} only keeps the
     * latest snapshot; turning drawing back on shows it.
     */
    public void setDrawing(boolean on) {
        drawing = on;
        if (on && stale) {
            stale = false;
            Snapshot latest = pending;
            TreemapFrame latestFrame = pendingFrame;
            pending = null;
            pendingFrame = null;
            setSnapshot(latest, latestFrame);
        }
    }

    /**
     * What a {@link TreemapFrame} must be laid out for to be shown as it is: the metric, the zoom
     * path and the canvas size. Changes only when one of them does (a resize, a zoom, a metric
     * switch), so a preparer on another thread can keep a copy.
     */
    public ReadOnlyObjectProperty<TreemapFrame.Params> frameParamsProperty() {
        return frameParams.getReadOnlyProperty();
    }

    /** The memory metric that sizes the boxes (USS, PSS or RSS; default RSS, which is always readable). */
    public ObjectProperty<MemoryMetric> metricProperty() {
        return metric;
    }

    /** Where the treemap is zoomed to (as shown: a path that vanished falls back to its parent). */
    public ReadOnlyObjectProperty<ZoomPath> zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** Zooms to {@code path} (the breadcrumb and double-click do this too). */
    public void zoomTo(ZoomPath path) {
        model.zoomTo(path);
        relayout();
    }

    /** Called with the pid when the user clicks a process box. */
    public void setOnProcessSelected(IntConsumer pidConsumer) {
        onProcessSelected = pidConsumer == null ? pid -> { } : pidConsumer;
    }

    /** Highlights the box of {@code pid} (-1 for none); does not call the selection callback. */
    public void selectPid(int pid) {
        if (pid != selectedPid) {
            selectedPid = pid;
            repaint();
        }
    }

    /**
     * Fades the processes {@code filter} leaves out (null: none), so the same filter as the table's
     * shows where its processes sit in the whole; with {@link #hideFilteredProperty()} on, they get no
     * box at all and the matching ones fill the area.
     */
    public void setFilter(Predicate<ProcessSample> filter) {
        this.filter = filter;
        applyFilter();
    }

    /** Whether the processes the filter leaves out are hidden (true) or faded (false, the default). */
    public BooleanProperty hideFilteredProperty() {
        return hideFiltered;
    }

    private void applyFilter() {
        boolean hide = hideFiltered.get() && filter != null;
        painter.setFilter(hide ? null : filter);
        Predicate<ProcessSample> keep = hide ? filter : null;
        if (keep != kept) {
            kept = keep;
            model.setKeep(keep);
            relayout();
        } else {
            repaint(); // fading is only drawing: no new hierarchy for each key typed in the filter
        }
    }

    /** Whether the box of {@code pid} is drawn as matching the filter; false when it has no box. */
    public boolean drawnAsMatching(int pid) {
        return model.cellOf(pid).map(c -> painter.matches(c.node())).orElse(false);
    }

    /** Draws in the light or dark look. */
    public void setPalette(Palette palette) {
        painter.setPalette(palette);
        repaint();
    }

    /** The highlighted pid, -1 when none. */
    public int selectedPid() {
        return selectedPid;
    }

    /** The view-model (hierarchy, zoom, laid-out cells); for reading, and for tests. */
    public TreemapModel model() {
        return model;
    }

    /** The drawing surface (for tests that click at a cell's position). */
    public Canvas canvas() {
        return canvas;
    }

    /** The hover tooltip (for tests). */
    Tooltip tooltip() {
        return tooltip;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double x = snappedLeftInset();
        double y = snappedTopInset();
        breadcrumb.resizeRelocate(x, y, w, BREADCRUMB_HEIGHT);
        double canvasHeight = Math.max(0, h - BREADCRUMB_HEIGHT - STATUS_HEIGHT);
        canvas.relocate(x, y + BREADCRUMB_HEIGHT);
        status.resizeRelocate(x, y + BREADCRUMB_HEIGHT + canvasHeight, w, STATUS_HEIGHT);
        if (canvas.getWidth() != Math.floor(w) || canvas.getHeight() != Math.floor(canvasHeight)) {
            canvas.setWidth(Math.floor(Math.max(0, w)));
            canvas.setHeight(Math.floor(canvasHeight));
            relayout();
        }
    }

    private void relayout() {
        model.layout(canvas.getWidth(), canvas.getHeight());
        refreshShown();
    }

    /** Everything after a layout: zoom and breadcrumb, status line, canvas, tooltip, frame parameters. */
    private void refreshShown() {
        frameParams.set(new TreemapFrame.Params(model.metric(), model.zoom(), canvas.getWidth(), canvas.getHeight()));
        ZoomPath shown = model.effectiveZoom();
        if (!shown.equals(zoom.get())) {
            zoom.set(shown);
            rebuildBreadcrumb();
        }
        status.setText(hasSnapshot ? TreemapText.status(model.zoomNode(), model.metric())
                + (hideFiltered.get() && filter != null ? HIDDEN_NOTE : "") : "");
        statusTooltip.setText(hasSnapshot ? TreemapText.statusTooltip(model.zoomNode(), model.metric()) : "");
        repaint();
        refreshTooltip();
    }

    private void repaint() {
        // the painter finds the selected process's box as it paints: no second walk over 5,000 boxes
        describeSelection(painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
                model.cells(), selectedPid, hasSnapshot ? emptyMessage() : WAITING));
    }

    private String emptyMessage() {
        return model.metric() == MemoryMetric.RSS || model.zoomNode().excluded() == 0
                ? "No processes to show"
                : "No " + model.metric() + " values readable (needs root or ptrace access); RSS is always known";
    }

    /** Arrows move the selection between process boxes, Enter zooms in, Escape or Backspace out. */
    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.ESCAPE || code == KeyCode.BACK_SPACE) {
            model.zoomOut();
            relayout();
            e.consume();
            return;
        }
        Optional<TreemapCell> selected = model.cellOf(selectedPid);
        if (code == KeyCode.ENTER) {
            if (selected.isPresent() && model.zoomInto(selected.get().node())) {
                relayout();
            }
            e.consume();
            return;
        }
        TreemapKeys.Direction direction = switch (code) {
            case LEFT, KP_LEFT -> TreemapKeys.Direction.LEFT;
            case RIGHT, KP_RIGHT -> TreemapKeys.Direction.RIGHT;
            case UP, KP_UP -> TreemapKeys.Direction.UP;
            case DOWN, KP_DOWN -> TreemapKeys.Direction.DOWN;
            default -> null;
        };
        if (direction == null) {
            return;
        }
        TreemapKeys.next(model.cells(), selected.orElse(null), direction).ifPresent(cell -> {
            selectPid(cell.node().pid());
            onProcessSelected.accept(cell.node().pid());
        });
        e.consume(); // the arrows never leave the treemap (Tab does)
    }

    /** What a screen reader says for the selection: "postgres, 836 MiB USS"; the zoom level when none. */
    private void describeSelection(TreemapCell selected) {
        setAccessibleText(selected != null ? TreemapText.spoken(selected.node(), model.metric())
                : "Treemap of " + TreemapText.status(model.zoomNode(), model.metric()));
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() == MouseButton.SECONDARY) {
            model.zoomOut();
            relayout();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Optional<TreemapCell> hit = model.cellAt(e.getX(), e.getY());
        if (hit.isEmpty()) {
            return;
        }
        TreemapNode node = hit.get().node();
        if (e.getClickCount() >= 2) {
            if (model.zoomInto(node)) {
                relayout();
            }
        } else if (node.kind() == TreemapNode.Kind.PROCESS) {
            requestFocus();
            selectPid(node.pid());
            onProcessSelected.accept(node.pid());
        }
    }

    private void hover(double x, double y) {
        Optional<TreemapCell> cell = model.cellAt(x, y);
        TreemapNode node = cell.map(TreemapCell::node).orElse(null);
        if (node != hovered) {
            hovered = node;
            showTooltipFor(node);
            outline(cell.orElse(null));
        }
    }

    /** One outline node moved over the hovered box: no canvas repaint on mouse moves. */
    private void outline(TreemapCell cell) {
        if (cell == null || cell.rect().width() < 3 || cell.rect().height() < 3) {
            hoverBox.setVisible(false);
            return;
        }
        Rect r = cell.rect();
        hoverBox.setX(canvas.getLayoutX() + r.x() + 0.5);
        hoverBox.setY(canvas.getLayoutY() + r.y() + 0.5);
        hoverBox.setWidth(r.width() - 1);
        hoverBox.setHeight(r.height() - 1);
        hoverBox.setVisible(true);
    }

    /** An empty tooltip would still pop up as a blank box: take it off where there is nothing to say. */
    private void showTooltipFor(TreemapNode node) {
        if (node == null) {
            tooltip.hide();
            if (tooltipInstalled) {
                Tooltip.uninstall(canvas, tooltip);
                tooltipInstalled = false;
            }
            return;
        }
        tooltip.setText(TreemapText.tooltip(node, model.metric()));
        if (!tooltipInstalled) {
            Tooltip.install(canvas, tooltip);
            tooltipInstalled = true;
        }
    }

    /** After a relayout the node under the pointer carries new numbers: refresh a visible tooltip. */
    private void refreshTooltip() {
        if (hovered == null) {
            return;
        }
        Optional<TreemapCell> same = findSame(hovered);
        hovered = same.map(TreemapCell::node).orElse(null);
        showTooltipFor(hovered);
        outline(same.orElse(null));
    }

    private Optional<TreemapCell> findSame(TreemapNode node) {
        if (node.kind() == TreemapNode.Kind.PROCESS) {
            return model.cellOf(node.pid());
        }
        List<TreemapCell> cells = model.cells();
        for (TreemapCell c : cells) {
            TreemapNode n = c.node();
            if (n.kind() == node.kind() && n.group().equals(node.group()) && n.subgroup().equals(node.subgroup())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private void rebuildBreadcrumb() {
        breadcrumb.getChildren().clear();
        ZoomPath path = zoom.get();
        for (int depth = 0; depth <= path.depth(); depth++) {
            ZoomPath target = path.prefix(depth);
            String text = depth == 0 ? "All groups" : path.segments().get(depth - 1);
            if (depth > 0) {
                breadcrumb.getChildren().add(new Label("\u203a"));
            }
            if (depth == path.depth()) {
                Label current = new Label(text);
                current.setStyle("-fx-font-weight: bold;");
                breadcrumb.getChildren().add(current);
            } else {
                Hyperlink link = new Hyperlink(text);
                link.setOnAction(e -> zoomTo(target));
                breadcrumb.getChildren().add(link);
            }
        }
    }
}
