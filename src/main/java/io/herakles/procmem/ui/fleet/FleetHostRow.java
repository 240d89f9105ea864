package io.herakles.procmem.ui.fleet;

import io.herakles.procmem.fleet.Fleet;
import io.herakles.procmem.ui.common.Formats;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One line of the host table: one host (job and instance), shown with the figures of its latest
 * read. The figures are sortable values (null = absent, sorted first) and texts.
 *
 * <p>A fleet read again with the same hosts updates the rows in place ({@link #show}): the table
 * then redraws only the cells on screen whose figures changed, instead of taking 1,000 new rows.
 * FX thread only.
 */
public final class FleetHostRow {

    /** A growth figure: sorted by its bytes, shown as "group/subgroup +12 MiB". */
    public record Growth(long bytes, String text) implements Comparable<Growth> {
        @Override
        public int compareTo(Growth o) {
            return Long.compare(bytes, o.bytes);
        }
    }

    private final ReadOnlyObjectWrapper<Fleet.Host> host;

    public FleetHostRow(Fleet.Host host) {
        this.host = new ReadOnlyObjectWrapper<>(this, "host", Objects.requireNonNull(host, "host"));
    }

    /** The host as last read. */
    public Fleet.Host host() {
        return host.get();
    }

    /** Changes when the host is read again; every figure of the row follows it. */
    public ReadOnlyObjectProperty<Fleet.Host> hostProperty() {
        return host.getReadOnlyProperty();
    }

    /** Shows the host's latest read; {@code next} must be the same host (job and instance). */
    void show(Fleet.Host next) {
        if (!isSameHost(next)) {
            throw new IllegalArgumentException(next.job() + "/" + next.instance() + " is not " + job() + "/" + instance());
        }
        host.set(next);
    }

    /** Whether {@code other} is this row's host (job and instance), whatever its figures. */
    boolean isSameHost(Fleet.Host other) {
        return other.instance().equals(instance()) && other.job().equals(job());
    }

    public String instance() {
        return host().instance();
    }

    public String job() {
        return host().job();
    }

    /** "yes", "NO" (the last scrape failed) or "—". */
    public String up() {
        return host().up().isEmpty() ? Formats.ABSENT : host().up().getAsDouble() == 1 ? "yes" : "NO";
    }

    public Long processes() {
        return host().processes();
    }

    public Long memoryUsed() {
        return boxed(host().memoryUsed());
    }

    public Long memoryTotal() {
        return boxed(host().memoryTotal());
    }

    public Double cpuCores() {
        return host().cpuCores().isPresent() ? host().cpuCores().getAsDouble() : null;
    }

    public Long uss() {
        return boxed(host().total(Fleet.Kind.USS));
    }

    /** The three largest subgroups with their USS. */
    public String largest() {
        return host().subgroups().stream().limit(3)
                .map(s -> s.group() + "/" + s.subgroup() + " " + Formats.bytes(s.uss()))
                .collect(Collectors.joining(", "));
    }

    public Growth grew1h() {
        return growth(host().grew1h());
    }

    public Growth grew24h() {
        return growth(host().grew24h());
    }

    private static Growth growth(Optional<Fleet.Growth> g) {
        return g.map(x -> new Growth(Math.round(x.bytes()), x.group() + "/" + x.subgroup() + " "
                + (x.bytes() >= 0 ? "+" : "−") + Formats.bytes(Math.round(Math.abs(x.bytes()))))).orElse(null);
    }

    private static Long boxed(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
