package io.herakles.procmem.ui.processes;

import io.herakles.procmem.ui.prefs.ColumnPref;
import io.herakles.procmem.ui.prefs.SortPref;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The process table's column layout as preferences see it: order, visibility, widths and sort,
 * captured as {@link ColumnPref}/{@link SortPref} lists and applied from them. Applying skips ids
 * that no longer exist and appends columns the saved list does not know (added in a later
 * version), so old preferences never hide a new column or fail. FX thread only.
 */
final class ColumnLayout {

    private final TableView<ProcessRow> table;
    private final List<TableColumn<ProcessRow, ?>> defaults;
    private final Map<String, Double> defaultWidths = new HashMap<>();
    /** The default order for a narrow window: the figures right after the name. */
    private final List<TableColumn<ProcessRow, ?>> compactDefaults;
    private boolean compact;

    ColumnLayout(TableView<ProcessRow> table, List<TableColumn<ProcessRow, ?>> defaultOrder) {
        this.table = table;
        this.defaults = List.copyOf(defaultOrder);
        for (TableColumn<ProcessRow, ?> c : defaults) {
            defaultWidths.put(c.getId(), c.getPrefWidth());
        }
        Set<TableColumn<ProcessRow, ?>> narrow = new LinkedHashSet<>();
        Map<String, TableColumn<ProcessRow, ?>> byId = byId();
        for (String id : COMPACT_FIRST) {
            if (byId.containsKey(id)) {
                narrow.add(byId.get(id));
            }
        }
        narrow.addAll(defaults);
        compactDefaults = List.copyOf(narrow);
    }

    /** In a narrow window these come first, so memory and CPU need no horizontal scrolling. */
    static final List<String> COMPACT_FIRST = List.of("pid", "name", "rss", "pss", "uss", "cpu");

    /**
     * Narrow (below about 1280 px) or wide: moves the figures right after the name, or back, as
     * long as the user has not arranged the columns themselves (an order of their own is kept).
     */
    void setCompact(boolean now) {
        if (now == compact) {
            return;
        }
        compact = now;
        List<TableColumn<ProcessRow, ?>> current = List.copyOf(table.getColumns());
        if (current.equals(defaults) || current.equals(compactDefaults)) {
            table.getColumns().setAll(now ? compactDefaults : defaults);
        }
    }

    /** Whether the narrow order is the default now. */
    boolean compact() {
        return compact;
    }

    /** The columns in display order with visibility and width. */
    List<ColumnPref> columns() {
        return table.getColumns().stream().map(c -> new ColumnPref(c.getId(), c.isVisible(), c.getWidth())).toList();
    }

    /** The sort keys, most significant first. */
    List<SortPref> sort() {
        return table.getSortOrder().stream()
                .map(c -> new SortPref(c.getId(), c.getSortType() == TableColumn.SortType.ASCENDING)).toList();
    }

    /** Applies saved columns (empty = leave as is) and sort (empty = leave as is). */
    void apply(List<ColumnPref> saved, List<SortPref> savedSort) {
        if (!saved.isEmpty()) {
            Map<String, TableColumn<ProcessRow, ?>> byId = byId();
            Set<TableColumn<ProcessRow, ?>> order = new LinkedHashSet<>();
            for (ColumnPref p : saved) {
                TableColumn<ProcessRow, ?> c = byId.get(p.id());
                if (c != null) {
                    c.setVisible(p.visible());
                    c.setPrefWidth(p.width());
                    order.add(c);
                }
            }
            if (order.stream().noneMatch(TableColumn::isVisible)) {
                order.forEach(c -> c.setVisible(true)); // a table without columns is no table
            }
            order.addAll(defaults); // columns this file does not know keep their place at the end
            table.getColumns().setAll(new ArrayList<>(order));
        }
        List<TableColumn<ProcessRow, ?>> sortColumns = new ArrayList<>();
        Map<String, TableColumn<ProcessRow, ?>> byId = byId();
        for (SortPref s : savedSort) {
            TableColumn<ProcessRow, ?> c = byId.get(s.id());
            if (c != null && !sortColumns.contains(c)) {
                c.setSortType(s.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                sortColumns.add(c);
            }
        }
        if (!sortColumns.isEmpty()) {
            table.getSortOrder().setAll(sortColumns);
        }
    }

    /** Every column back: default order, all visible, default widths. */
    void reset() {
        for (TableColumn<ProcessRow, ?> c : defaults) {
            c.setVisible(true);
            c.setPrefWidth(defaultWidths.get(c.getId()));
        }
        table.getColumns().setAll(compact ? compactDefaults : defaults);
    }

    /** Calls {@code changed} when the user reorders, shows, hides, resizes or re-sorts columns. */
    void onChange(Runnable changed) {
        InvalidationListener any = o -> changed.run();
        table.getColumns().addListener((ListChangeListener<TableColumn<ProcessRow, ?>>) c -> changed.run());
        table.getSortOrder().addListener((ListChangeListener<TableColumn<ProcessRow, ?>>) c -> changed.run());
        for (TableColumn<ProcessRow, ?> c : defaults) {
            c.visibleProperty().addListener(any);
            c.widthProperty().addListener(any);
            c.sortTypeProperty().addListener(any);
        }
    }

    private Map<String, TableColumn<ProcessRow, ?>> byId() {
        Map<String, TableColumn<ProcessRow, ?>> out = new HashMap<>();
        for (TableColumn<ProcessRow, ?> c : defaults) {
            out.put(c.getId(), c);
        }
        return out;
    }
}
