package io.herakles.procmem.ui.processes;

import java.util.function.BiConsumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.EventTarget;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The process table's context menu and its keys: right-click, the Menu key or Shift+F10 open the
 * menu; Delete asks to terminate and Shift+Delete to kill the selected process.
 *
 * <p>What the menu acts on is captured as a {@link ProcessTarget} at the moment it opens — the
 * process under the pointer, or the selected one when opened from the keyboard — and never read
 * from a row afterwards: every refresh reuses and re-sorts the rows, so by the time an item is
 * chosen the row under the menu may show another process or none. For the same reason there is one
 * menu anchored to the table, not one per row. Its accelerators are shown in the menu but handled
 * here, on the table only, so Delete in the filter field still deletes text. FX thread only.
 */
final class ProcessContextMenu {

    static final KeyCombination TERMINATE_KEY = new KeyCodeCombination(KeyCode.DELETE);
    static final KeyCombination KILL_KEY = new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination SHIFT_F10 = new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination MENU_KEY = new KeyCodeCombination(KeyCode.CONTEXT_MENU);

    private final TableView<ProcessRow> table;
    private final ObservableBooleanValue signalsDisabled;
    private final MenuItem heading = new MenuItem();
    private final ContextMenu menu;
    private BiConsumer<ProcessTarget, ProcessSignal> onSignal = (target, signal) -> { };
    /** What the open (or last opened) menu acts on. */
    private ProcessTarget target;

    /** @param signalsDisabled true while signals make no sense (a snapshot file is shown) */
    ProcessContextMenu(TableView<ProcessRow> table, ObservableBooleanValue signalsDisabled) {
        this.table = table;
        this.signalsDisabled = signalsDisabled;
        heading.setId("menuTarget");
        heading.setDisable(true); // says which process the items act on; not an action
        MenuItem terminate = item("Terminate (SIGTERM)…", "terminateItem", TERMINATE_KEY, ProcessSignal.TERMINATE);
        MenuItem kill = item("Kill (SIGKILL)…", "killItem", KILL_KEY, ProcessSignal.KILL);
        menu = new ContextMenu(heading, new SeparatorMenuItem(), terminate, kill);
        menu.setId("processMenu");
        table.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::onMenuRequested);
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
    }

    private MenuItem item(String text, String id, KeyCombination key, ProcessSignal signal) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(key);
        item.disableProperty().bind(signalsDisabled);
        item.setOnAction(e -> {
            ProcessTarget chosen = target;
            if (chosen != null) {
                onSignal.accept(chosen, signal);
            }
        });
        return item;
    }

    void setOnSignal(BiConsumer<ProcessTarget, ProcessSignal> handler) {
        onSignal = handler == null ? (t, s) -> { } : handler;
    }

    /** The menu (tests). */
    ContextMenu menu() {
        return menu;
    }

    /** What the menu acts on; null before it first opened. */
    ProcessTarget target() {
        return target;
    }

    private void onMenuRequested(ContextMenuEvent e) {
        e.consume();
        if (e.isKeyboardTrigger()) {
            // the platform's own Menu-key event after ours: the menu is already open for the selection
            if (!menu.isShowing()) {
                openForSelection();
            }
            return;
        }
        TableRow<ProcessRow> row = rowOf(e.getTarget());
        if (row == null || row.isEmpty() || row.getItem() == null) {
            menu.hide(); // header, empty space: nothing to act on
            return;
        }
        ProcessRow item = row.getItem();
        table.getSelectionModel().select(item); // the selection and the menu agree on the process
        open(ProcessTarget.of(item.sample()), e.getScreenX(), e.getScreenY());
    }

    private void onKeyPressed(KeyEvent e) {
        if (KILL_KEY.match(e) || TERMINATE_KEY.match(e)) {
            e.consume();
            ProcessRow selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && !signalsDisabled.get()) {
                onSignal.accept(ProcessTarget.of(selected.sample()),
                        KILL_KEY.match(e) ? ProcessSignal.KILL : ProcessSignal.TERMINATE);
            }
        } else if (MENU_KEY.match(e) || SHIFT_F10.match(e)) {
            e.consume();
            openForSelection();
        }
    }

    /** Opens the menu for the selected process, below its row when the row is on screen. */
    private void openForSelection() {
        ProcessRow selected = table.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        Point2D at = belowRowOf(selected);
        open(ProcessTarget.of(selected.sample()), at.getX(), at.getY());
    }

    private void open(ProcessTarget captured, double screenX, double screenY) {
        target = captured;
        heading.setText(captured.name() + " · pid " + captured.pid()
                + (captured.user().isEmpty() ? "" : " · " + captured.user()));
        menu.hide();
        menu.show(table, screenX, screenY);
    }

    private Point2D belowRowOf(ProcessRow item) {
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.getItem() == item && row.isVisible()) {
                Bounds b = row.localToScreen(row.getBoundsInLocal());
                if (b != null) {
                    return new Point2D(b.getMinX() + 24, b.getMaxY());
                }
            }
        }
        Bounds t = table.localToScreen(table.getBoundsInLocal());
        return t == null ? Point2D.ZERO : new Point2D(t.getMinX() + 24, t.getMinY() + 48);
    }

    @SuppressWarnings("unchecked")
    private TableRow<ProcessRow> rowOf(EventTarget eventTarget) {
        Node n = eventTarget instanceof Node node ? node : null;
        while (n != null && n != table) {
            if (n instanceof TableRow<?> row) {
                return (TableRow<ProcessRow>) row;
            }
            n = n.getParent();
        }
        return null;
    }
}
