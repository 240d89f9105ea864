package io.herakles.procmem.ui.maps;

import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import io.herakles.procmem.model.maps.SharedMapping;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the "Shared memory" view shows: whether a scan runs and how far it got, a status line, and
 * the shared mappings of the last scan. No toolkit needed (tested without a window). FX thread only.
 */
public final class SharedMemoryViewModel {

    static final String IDLE = "Scan reads every process's smaps (on demand: it costs a fraction of a"
            + " second per thousand processes) and lists what several processes map.";

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ObservableList<SharedMapping> rows = FXCollections.observableArrayList();

    void started() {
        running.set(true);
        progress.set(-1); // indeterminate until the process count is known
        status.set("Scanning\u2026");
    }

    void progress(int done, int total) {
        if (running.get() && total > 0) {
            progress.set((double) done / total);
            status.set(String.format(Locale.ROOT, "Scanning\u2026 %d of %d processes", done, total));
        }
    }

    void finished(SharedMemoryReport r) {
        running.set(false);
        progress.set(r.cancelled() ? 0 : 1);
        rows.setAll(r.shared());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s%d files and segments mapped by 2 or more processes \u00b7 %d processes read in %d ms",
                r.cancelled() ? "Cancelled: " : "", r.shared().size(), r.scanned(), r.elapsed().toMillis()));
        if (r.denied() > 0) {
            sb.append(" \u00b7 ").append(r.denied()).append(" not readable (").append(ProcessMaps.DENIED_HINT).append(')');
        }
        if (r.gone() > 0) {
            sb.append(" \u00b7 ").append(r.gone()).append(" exited meanwhile");
        }
        status.set(sb.toString());
    }

    void failed(String why) {
        running.set(false);
        progress.set(0);
        status.set("The scan failed: " + why);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 0..1, or negative while the total is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last scan's shared mappings, most overstated first. */
    public ObservableList<SharedMapping> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }
}
