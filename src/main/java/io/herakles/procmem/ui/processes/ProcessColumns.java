package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.ui.common.Formats;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The process table's columns: titles, widths, how each cell is shown (binary units, "—" for
 * unknown, numbers right-aligned), what each header's tooltip explains, and how each column sorts
 * (by the raw value, through {@link SortOrder}; sizes and CPU biggest first, through
 * {@link BiggestFirstSort}). FX thread only.
 */
final class ProcessColumns {

    private final SortOrder sortOrder = new SortOrder();
    private final Map<MemoryMetric, TableColumn<ProcessRow, Long>> byMetric = new EnumMap<>(MemoryMetric.class);
    private final List<TableColumn<ProcessRow, ?>> all;
    private final Set<TableColumn<ProcessRow, ?>> biggestFirst = new HashSet<>();

    ProcessColumns() {
        all = List.of(
                sortOrder.key(intColumn("PID", "pid", 62), ProcessComparators.BY_PID),
                sortOrder.key(nameColumn(), Comparator.comparing(ProcessEntry::name, ProcessComparators.TEXT)),
                sortOrder.key(textColumn("User", "user", 72, ProcessRow::userProperty),
                        Comparator.comparing(ProcessEntry::user, ProcessComparators.TEXT)),
                sortOrder.key(textColumn("Group", "group", 80, ProcessRow::groupProperty),
                        Comparator.comparing(ProcessEntry::group, ProcessComparators.TEXT)),
                sortOrder.key(textColumn("Subgroup", "subgroup", 90, ProcessRow::subgroupProperty),
                        Comparator.comparing(ProcessEntry::subgroup, ProcessComparators.TEXT)),
                sortOrder.key(biggestFirst(metricColumn(MemoryMetric.RSS,
                        bytesColumn("RSS", "rss", ProcessRow::rssProperty))), Comparator.comparingLong(ProcessEntry::rssKey)),
                sortOrder.key(biggestFirst(metricColumn(MemoryMetric.PSS,
                        bytesColumn("PSS", "pss", ProcessRow::pssProperty))), Comparator.comparingLong(ProcessEntry::pssKey)),
                sortOrder.key(biggestFirst(metricColumn(MemoryMetric.USS,
                        bytesColumn("USS", "uss", ProcessRow::ussProperty))), Comparator.comparingLong(ProcessEntry::ussKey)),
                sortOrder.key(biggestFirst(bytesColumn("Swap", "swap", ProcessRow::swapProperty)),
                        Comparator.comparingLong(ProcessEntry::swapKey)),
                sortOrder.key(biggestFirst(numberColumn("CPU %", "cpu", 70, ProcessRow::cpuPercentProperty,
                        Formats::percentNumber)), Comparator.comparingDouble(ProcessEntry::cpuPercent)),
                sortOrder.key(biggestFirst(numberColumn("CPU time", "cputime", 90, ProcessRow::cpuTimeProperty,
                        Formats::cpuTime)), Comparator.comparingDouble(ProcessEntry::cpuTime)),
                sortOrder.key(stateColumn(), Comparator.comparing(ProcessEntry::state)),
                sortOrder.key(textColumn("Command line", "cmdline", 420, ProcessRow::cmdlineProperty),
                        Comparator.comparing(ProcessEntry::cmdline, ProcessComparators.TEXT)));
        for (TableColumn<ProcessRow, ?> column : all) {
            explain(column);
        }
    }

    /**
     * Installs the header behaviour the columns need on {@code table}, which shows {@link #all()}:
     * size and CPU columns sort biggest first on the first click.
     */
    void install(TableView<ProcessRow> table) {
        BiggestFirstSort.install(table, biggestFirst);
    }

    /** Every column, in display order. */
    List<TableColumn<ProcessRow, ?>> all() {
        return all;
    }

    /** The column of a memory metric (RSS, PSS, USS). */
    TableColumn<ProcessRow, Long> forMetric(MemoryMetric metric) {
        return byMetric.get(metric);
    }

    /** The row comparator for {@code table}'s sort order; null = pid order. */
    Comparator<ProcessEntry> comparator(TableView<ProcessRow> table) {
        return sortOrder.comparator(table);
    }

    private static TableColumn<ProcessRow, Integer> intColumn(String title, String id, double width) {
        TableColumn<ProcessRow, Integer> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> f.getValue().pidProperty());
        column.setCellFactory(c -> formattedCell(String::valueOf, true));
        return column;
    }

    private static TableColumn<ProcessRow, String> textColumn(String title, String id, double width,
            Function<ProcessRow, ObservableValue<String>> value) {
        TableColumn<ProcessRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> value.apply(f.getValue()));
        return column;
    }

    /** The name, and beside it where the filter matched when that is off screen (see {@link ProcessFilter#hintFor}). */
    private static TableColumn<ProcessRow, String> nameColumn() {
        TableColumn<ProcessRow, String> column = textColumn("Name", "name", 160, ProcessRow::nameProperty);
        column.setCellFactory(c -> new NameCell());
        return column;
    }

    private static TableColumn<ProcessRow, String> stateColumn() {
        TableColumn<ProcessRow, String> column = textColumn("State", "state", 55, ProcessRow::stateProperty);
        column.getStyleClass().add("center");
        return column;
    }

    private static TableColumn<ProcessRow, Long> bytesColumn(String title, String id,
            Function<ProcessRow, ObservableValue<Long>> value) {
        TableColumn<ProcessRow, Long> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(82);
        column.setCellValueFactory(f -> value.apply(f.getValue()));
        Function<Long, String> text = new TextCache<>(Formats::bytes); // one per column, shared by its cells
        column.setCellFactory(c -> formattedCell(text, true));
        return column;
    }

    private static TableColumn<ProcessRow, Double> numberColumn(String title, String id, double width,
            Function<ProcessRow, ObservableValue<Double>> value, Function<Double, String> format) {
        TableColumn<ProcessRow, Double> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> value.apply(f.getValue()));
        Function<Double, String> text = new TextCache<>(format); // one per column, shared by its cells
        column.setCellFactory(c -> formattedCell(text, true));
        return column;
    }

    private <T> TableColumn<ProcessRow, T> biggestFirst(TableColumn<ProcessRow, T> column) {
        biggestFirst.add(column);
        return column;
    }

    /**
     * Gives the header a tooltip saying what the column means: the header shows a label carrying
     * the tooltip as its graphic (the stylesheet hides the header's own text, which stays for the
     * column chooser and accessibility).
     */
    private static void explain(TableColumn<ProcessRow, ?> column) {
        Label label = new Label(column.getText());
        label.getStyleClass().add("column-title");
        Tooltip tip = new Tooltip(ColumnHelp.of(column.getId()));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.setShowDelay(Duration.millis(300));
        label.setTooltip(tip);
        column.setGraphic(label);
    }

    private TableColumn<ProcessRow, Long> metricColumn(MemoryMetric metric, TableColumn<ProcessRow, Long> column) {
        byMetric.put(metric, column);
        return column;
    }

    /** A cell showing {@code format(value)}; null values show as "—"; numbers right-aligned. */
    private static <T> TableCell<ProcessRow, T> formattedCell(Function<T, String> format, boolean numeric) {
        TableCell<ProcessRow, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? Formats.ABSENT : format.apply(item));
            }
        };
        if (numeric) {
            cell.getStyleClass().add("numeric");
        }
        return cell;
    }
}
