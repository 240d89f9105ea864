package io.herakles.procmem.ui.maps;

import io.herakles.procmem.model.maps.Mapping;
import io.herakles.procmem.model.maps.MappingSizes;
import io.herakles.procmem.model.maps.MapsGrouping;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the "Memory maps" tab shows for one process: a status line (totals, or why there are no
 * maps: not readable, gone, kernel thread), the rows (every mapping or groups, filtered) and the
 * mappings for the treemap. Unreadable maps are absent, never rows of zeros. Uses JavaFX
 * properties but no toolkit, so it is tested without a window. FX thread only.
 */
public final class MapsViewModel {

    static final String NOTHING_SELECTED = "No process selected";

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", NOTHING_SELECTED);
    private final ObservableList<MapsRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<Mapping>> mappings = new ReadOnlyObjectWrapper<>(this, "mappings", List.of());
    private final ObjectProperty<MapsListing> grouping =
            new SimpleObjectProperty<>(this, "grouping", MapsListing.PATH);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private ProcessMaps shown;
    private String shownName = "";

    public MapsViewModel() {
        grouping.addListener((obs, old, now) -> rebuildRows());
        filter.addListener((obs, old, now) -> rebuildRows());
    }

    /** Nothing selected. */
    public void showNothing() {
        shown = null;
        status.set(NOTHING_SELECTED);
        mappings.set(List.of());
        rows.clear();
    }

    /** No maps to read, for {@code why} (a snapshot file is shown: its pids are not the live ones). */
    public void showUnavailable(String why) {
        shown = null;
        status.set(why);
        mappings.set(List.of());
        rows.clear();
    }

    /** Reading the maps of {@code pid} (the table keeps what it showed until the result comes). */
    public void showLoading(int pid) {
        if (shown == null || shown.pid() != pid) {
            shown = null;
            mappings.set(List.of());
            rows.clear();
        }
        status.set("Reading the memory maps of pid " + pid + "\u2026");
    }

    /** Shows a read result: its mappings and totals, or only the reason there are none. */
    public void show(ProcessMaps maps, String name) {
        if (maps.equals(shown) && name.equals(shownName)) {
            return; // nothing changed since the last read: rows, sort and selection stay as they are
        }
        shown = maps;
        shownName = name;
        if (!maps.isOk()) {
            status.set(maps.reason());
            mappings.set(List.of());
            rows.clear();
            return;
        }
        MappingSizes t = maps.totals();
        status.set(String.format(Locale.ROOT, "%s (pid %d): %d mappings \u00b7 RSS %s \u00b7 PSS %s \u00b7 USS %s \u00b7 swap %s",
                name, maps.pid(), maps.mappings().size(), Formats.bytes(t.rss()), Formats.bytes(t.pss()),
                Formats.bytes(t.uss()), Formats.bytes(t.swap())));
        mappings.set(maps.mappings());
        rebuildRows();
    }

    private void rebuildRows() {
        if (shown == null || !shown.isOk()) {
            return;
        }
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        List<MapsRow> out = new ArrayList<>();
        switch (grouping.get()) {
            case MAPPING -> shown.mappings().forEach(m -> out.add(MapsRow.of(m)));
            case PATH -> MapsGrouping.byPath(shown.mappings()).forEach(g -> out.add(MapsRow.of(g)));
            case KIND -> MapsGrouping.byKind(shown.mappings()).forEach(g -> out.add(MapsRow.of(g)));
        }
        out.removeIf(r -> !r.matches(f));
        rows.setAll(out);
    }

    /** The pid shown (or being read), -1 when none. */
    public int shownPid() {
        return shown == null ? -1 : shown.pid();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The table's rows, filtered, in the model's order (the table sorts its own view). */
    public ObservableList<MapsRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The shown mappings, unfiltered (the treemap draws all of them). */
    public ReadOnlyObjectProperty<List<Mapping>> mappingsProperty() {
        return mappings.getReadOnlyProperty();
    }

    public ObjectProperty<MapsListing> groupingProperty() {
        return grouping;
    }

    public StringProperty filterProperty() {
        return filter;
    }
}
