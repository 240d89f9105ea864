package io.herakles.procmem.ui.fleet;

import io.herakles.procmem.fleet.Fleet;
import io.herakles.procmem.ui.common.Formats;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One line of the host table, with the figures as sortable values (null = absent, sorted first) and
 * the texts shown. Immutable.
 */
public record FleetHostRow(Fleet.Host host) {

    public String instance() {
        return host.instance();
    }

    public String job() {
        return host.job();
    }

    /** "yes", "NO" (the last scrape failed) or "—". */
    public String up() {
        return host.up().isEmpty() ? Formats.ABSENT : host.up().getAsDouble() == 1 ? "yes" : "NO";
    }

    public Long processes() {
        return host.processes();
    }

    public Long memoryUsed() {
        return boxed(host.memoryUsed());
    }

    public Long memoryTotal() {
        return boxed(host.memoryTotal());
    }

    public Double cpuCores() {
        return host.cpuCores().isPresent() ? host.cpuCores().getAsDouble() : null;
    }

    public Long uss() {
        return boxed(host.total(Fleet.Kind.USS));
    }

    /** The three largest subgroups with their USS. */
    public String largest() {
        return host.subgroups().stream().limit(3)
                .map(s -> s.group() + "/" + s.subgroup() + " " + Formats.bytes(s.uss()))
                .collect(Collectors.joining(", "));
    }

    public Long grew1h() {
        return growthBytes(host.grew1h());
    }

    public Long grew24h() {
        return growthBytes(host.grew24h());
    }

    public String grew1hText() {
        return growthText(host.grew1h());
    }

    public String grew24hText() {
        return growthText(host.grew24h());
    }

    private static Long growthBytes(Optional<Fleet.Growth> g) {
        return g.map(x -> Math.round(x.bytes())).orElse(null);
    }

    private static String growthText(Optional<Fleet.Growth> g) {
        return g.map(x -> x.group() + "/" + x.subgroup() + " " + (x.bytes() >= 0 ? "+" : "−")
                + Formats.bytes(Math.round(Math.abs(x.bytes())))).orElse(Formats.ABSENT);
    }

    private static Long boxed(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
