package io.herakles.procmem.ui.compare;

import io.herakles.procmem.analysis.DiffRow;
import io.herakles.procmem.analysis.MatchKind;
import io.herakles.procmem.analysis.SnapshotDiff;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * One diff as a table, largest growth first: Δ, before, after (MiB of the diff's metric), what
 * happened (grew, shrank, new, gone), how the rows were paired, pid and name; totals above. Rows
 * carry the style class {@code diff-grew}, {@code diff-shrank}, {@code diff-new} or {@code diff-gone}.
 * FX thread only.
 */
public final class DiffTableView extends BorderPane {

    private static final double MIB = 1024.0 * 1024.0;
    private final TableView<DiffRow> table = new TableView<>();

    public DiffTableView(SnapshotDiff diff, String beforeName, String afterName) {
        setId("diffView");
        table.setId("diffTable");
        table.getColumns().setAll(List.of(
                column("Δ MiB", r -> signed(r.delta()), 80),
                column("Before", r -> mib(r.before()), 80),
                column("After", r -> mib(r.after()), 80),
                column("What", r -> r.status().name().toLowerCase(Locale.ROOT), 70),
                column("Paired by", r -> paired(r.matchedBy()), 120),
                column("PID", DiffTableView::pids, 90),
                column("Name", DiffRow::label, 200),
                column("Group", r -> r.group().toString(), 160)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DiffRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("diff-grew", "diff-shrank", "diff-new", "diff-gone");
                if (!empty && row != null) {
                    getStyleClass().add("diff-" + row.status().name().toLowerCase(Locale.ROOT));
                }
            }
        });
        table.getItems().setAll(diff.rows());
        Label totals = new Label(String.format(Locale.ROOT, "%s by %s: %s (%s) → %s (%s); total %.1f → %.1f MiB (%+.1f);"
                + " %d new, %d gone", diff.metric(), diff.level().name().toLowerCase(Locale.ROOT), beforeName,
                diff.beforeTime(), afterName, diff.afterTime(), diff.totalBefore() / MIB, diff.totalAfter() / MIB,
                diff.totalDelta() / MIB, diff.count(DiffRow.Status.NEW), diff.count(DiffRow.Status.GONE)));
        totals.setId("diffTotals");
        totals.setPadding(new Insets(6));
        setTop(totals);
        GrowthTreemap treemap = new GrowthTreemap(diff);
        javafx.scene.layout.VBox map = new javafx.scene.layout.VBox(treemap, GrowthTreemap.legend());
        javafx.scene.layout.VBox.setVgrow(treemap, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(map, table);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    private static TableColumn<DiffRow, String> column(String title, Function<DiffRow, String> value, double width) {
        TableColumn<DiffRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static String mib(OptionalLong v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsLong() / MIB) : "—";
    }

    private static String signed(OptionalLong v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%+.1f", v.getAsLong() / MIB) : "—";
    }

    private static String paired(MatchKind k) {
        return switch (k) {
            case PID -> "pid + start time";
            case IDENTITY -> "name, command line";
            case KEY -> "key";
            case NONE -> "";
        };
    }

    private static String pids(DiffRow r) {
        if (r.pidBefore().isPresent() && r.pidAfter().isPresent() && r.pidBefore().getAsInt() != r.pidAfter().getAsInt()) {
            return r.pidBefore().getAsInt() + " → " + r.pidAfter().getAsInt();
        }
        return r.pidAfter().isPresent() ? String.valueOf(r.pidAfter().getAsInt())
                : r.pidBefore().isPresent() ? String.valueOf(r.pidBefore().getAsInt()) : "";
    }

    /** The rows shown, in order (tests). */
    public List<DiffRow> rows() {
        return List.copyOf(table.getItems());
    }
}
