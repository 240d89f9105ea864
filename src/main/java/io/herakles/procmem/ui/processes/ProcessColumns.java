package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.ui.common.Formats;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The process table's columns: titles, widths, how each cell is shown (binary units, "—" for
 * unknown, numbers right-aligned) and how each column sorts (by the raw value, through
 * {@link SortOrder}). FX thread only.
 */
final class ProcessColumns {

    private final SortOrder sortOrder = new SortOrder();
    private final Map<MemoryMetric, TableColumn<ProcessRow, Long>> byMetric = new EnumMap<>(MemoryMetric.class);
    private final List<TableColumn<ProcessRow, ?>> all;

    ProcessColumns() {
        all = List.of(
                sortOrder.key(intColumn("PID", "pid", 62), ProcessComparators.BY_PID),
                sortOrder.key(textColumn("Name", "name", 140, ProcessRow::nameProperty),
                        Comparator.comparing(ProcessRow::name, ProcessComparators.TEXT)),
                sortOrder.key(textColumn("User", "user", 72, ProcessRow::userProperty),
                        Comparator.comparing(ProcessRow::user, ProcessComparators.TEXT)),
                sortOrder.key(textColumn("Group", "group", 80, ProcessRow::groupProperty),
                        Comparator.comparing(ProcessRow::group, ProcessComparators.TEXT)),
                sortOrder.key(textColumn("Subgroup", "subgroup", 90, ProcessRow::subgroupProperty),
                        Comparator.comparing(ProcessRow::subgroup, ProcessComparators.TEXT)),
                sortOrder.key(metricColumn(MemoryMetric.RSS, bytesColumn("RSS", "rss", ProcessRow::rssProperty)),
                        Comparator.comparingLong(ProcessRow::rssKey)),
                sortOrder.key(metricColumn(MemoryMetric.PSS, bytesColumn("PSS", "pss", ProcessRow::pssProperty)),
                        Comparator.comparingLong(ProcessRow::pssKey)),
                sortOrder.key(metricColumn(MemoryMetric.USS, bytesColumn("USS", "uss", ProcessRow::ussProperty)),
                        Comparator.comparingLong(ProcessRow::ussKey)),
                sortOrder.key(bytesColumn("Swap", "swap", ProcessRow::swapProperty),
                        Comparator.comparingLong(ProcessRow::swapKey)),
                sortOrder.key(numberColumn("CPU %", "cpu", 70, ProcessRow::cpuPercentProperty, Formats::percentNumber),
                        Comparator.comparingDouble(ProcessRow::cpuPercent)),
                sortOrder.key(numberColumn("CPU time", "cputime", 90, ProcessRow::cpuTimeProperty,
                        Formats::cpuTime), Comparator.comparingDouble(ProcessRow::cpuTime)),
                sortOrder.key(stateColumn(), Comparator.comparing(ProcessRow::state)),
                sortOrder.key(textColumn("Command line", "cmdline", 420, ProcessRow::cmdlineProperty),
                        Comparator.comparing(ProcessRow::cmdline, ProcessComparators.TEXT)));
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
    Comparator<? super ProcessRow> comparator(TableView<ProcessRow> table) {
        return sortOrder.comparator(table);
    }

    private static TableColumn<ProcessRow, Integer> intColumn(String title, String id, double width) {
        TableColumn<ProcessRow, Integer> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().pid()));
        column.setCellFactory(c -> formattedCell(String::valueOf, true));
        column.setComparator(Comparator.naturalOrder());
        return column;
    }

    private static TableColumn<ProcessRow, String> textColumn(String title, String id, double width,
            Function<ProcessRow, ObservableValue<String>> value) {
        TableColumn<ProcessRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> value.apply(f.getValue()));
        column.setComparator(ProcessComparators.TEXT);
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
        column.setCellFactory(c -> formattedCell(Formats::bytesColumn, true));
        column.setComparator(ProcessComparators.BYTES);
        return column;
    }

    private static TableColumn<ProcessRow, Double> numberColumn(String title, String id, double width,
            Function<ProcessRow, ObservableValue<Double>> value, Function<Double, String> format) {
        TableColumn<ProcessRow, Double> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> value.apply(f.getValue()));
        column.setCellFactory(c -> formattedCell(format, true));
        column.setComparator(ProcessComparators.NUMBERS);
        return column;
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
