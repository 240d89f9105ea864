package io.herakles.procmem.ui.fleet;

import io.herakles.procmem.fleet.Fleet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/**
 * The Fleet tab's state: the fleet last read, the label filter, the hosts that pass it (table rows
 * and treemap), and a one-line status ("3 hosts from http://prom:9090 at 12:03:04", or why the
 * fleet could not be read, keeping the last one shown). FX thread only.
 *
 * <p>The filter is whitespace-separated terms, all of which must hold: {@code name=value} (the
 * label {@code name}, including {@code job} and {@code instance}, equals {@code value}),
 * {@code name~text} (contains), or plain text found in any label value.
 */
public final class FleetViewModel {

    private final ReadOnlyObjectWrapper<Fleet> fleet = new ReadOnlyObjectWrapper<>(this, "fleet");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<FleetHostRow> rows = FXCollections.observableArrayList();
    private final SortedList<FleetHostRow> sorted = new SortedList<>(rows);
    /** The host table's order; null: as read. */
    private Comparator<? super FleetHostRow> order;
    private final ReadOnlyObjectWrapper<List<Fleet.Host>> shownHosts = new ReadOnlyObjectWrapper<>(this, "shownHosts", List.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObjectProperty<Fleet.Kind> kind = new SimpleObjectProperty<>(this, "kind", Fleet.Kind.USS);
    /** How often the fleet is read again by itself; zero: only on Refresh. */
    private final ObjectProperty<java.time.Duration> autoRefresh =
            new SimpleObjectProperty<>(this, "autoRefresh", DEFAULT_AUTO_REFRESH);

    /** The automatic refresh intervals offered; zero is "off". */
    public static final List<java.time.Duration> AUTO_REFRESH = List.of(java.time.Duration.ZERO,
            java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(5));
    /** Prometheus scrapes every 15–60 s: once a minute shows every change without asking for nothing new. */
    public static final java.time.Duration DEFAULT_AUTO_REFRESH = java.time.Duration.ofMinutes(1);

    public ObjectProperty<java.time.Duration> autoRefreshProperty() {
        return autoRefresh;
    }

    public FleetViewModel() {
        filter.addListener((obs, old, now) -> refilter());
    }

    /** A freshly read fleet. */
    public void show(Fleet f, String statusLine) {
        fleet.set(f);
        status.set(statusLine);
        refilter();
    }

    /** The fleet could not be read: say why, keep what was shown. */
    public void failed(String message) {
        status.set(message);
    }

    public void loading(String message) {
        status.set(message);
    }

    private void refilter() {
        Fleet f = fleet.get();
        List<Fleet.Host> kept = new ArrayList<>();
        if (f != null) {
            for (Fleet.Host h : f.hosts()) {
                if (matches(h, filter.get())) {
                    kept.add(h);
                }
            }
        }
        shownHosts.set(List.copyOf(kept));
        if (sameHostsAsRows(kept)) {
            for (int i = 0; i < kept.size(); i++) {
                rows.get(i).show(kept.get(i));
            }
            if (!inOrder()) {
                resort();
            }
        } else {
            rows.setAll(kept.stream().map(FleetHostRow::new).toList());
        }
    }

    /**
     * Whether {@code hosts} are the hosts of the rows, in the same order: a refresh of an unchanged
     * fleet, whose rows then change in place (see {@link FleetHostRow}).
     */
    private boolean sameHostsAsRows(List<Fleet.Host> hosts) {
        if (hosts.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < hosts.size(); i++) {
            if (!rows.get(i).isSameHost(hosts.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets the host table's order (its comparator; null = as read) and sorts. Rows changed in place are
     * not noticed by the sorted list, so it is given a fresh wrapper of the order whenever the rows
     * are out of order after a refresh: one permutation, which keeps the table's selection.
     */
    public void setOrder(Comparator<? super FleetHostRow> comparator) {
        order = comparator;
        resort();
    }

    private void resort() {
        Comparator<? super FleetHostRow> current = order;
        sorted.setComparator(current == null ? null : (a, b) -> current.compare(a, b));
    }

    private boolean inOrder() {
        if (order == null) {
            return true; // read order: the rows kept their places
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (order.compare(sorted.get(i - 1), sorted.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code host} passes {@code filter} (see the class comment). */
    static boolean matches(Fleet.Host host, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        Map<String, String> labels = new java.util.HashMap<>(host.labels());
        labels.put("job", host.job());
        labels.put("instance", host.instance());
        for (String term : filter.strip().split("\\s+")) {
            if (!holds(labels, term)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Map<String, String> labels, String term) {
        int eq = term.indexOf('=');
        int tilde = term.indexOf('~');
        if (eq > 0 && (tilde < 0 || eq < tilde)) {
            return term.substring(eq + 1).equals(labels.get(term.substring(0, eq)));
        }
        if (tilde > 0) {
            String v = labels.get(term.substring(0, tilde));
            return v != null && lower(v).contains(lower(term.substring(tilde + 1)));
        }
        String t = lower(term);
        return labels.values().stream().anyMatch(v -> lower(v).contains(t));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public ReadOnlyObjectProperty<Fleet> fleetProperty() {
        return fleet.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The host table's rows in the table's order ({@link #setOrder}). */
    public SortedList<FleetHostRow> shownRows() {
        return sorted;
    }

    /** The host table's rows: the hosts passing the filter, as read. */
    public ObservableList<FleetHostRow> rows() {
        return rows;
    }

    /** The hosts passing the filter, for the treemap. */
    public ReadOnlyObjectProperty<List<Fleet.Host>> shownHostsProperty() {
        return shownHosts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The figure that sizes the treemap. */
    public ObjectProperty<Fleet.Kind> kindProperty() {
        return kind;
    }
}
