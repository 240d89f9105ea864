package io.herakles.procmem.fleet;

import java.util.Objects;

/**
 * The PromQL the fleet view runs, one instant query each, all keyed by {@code job} and
 * {@code instance} (the labels Prometheus adds to every scraped series). The same text is in
 * docs/FLEET.md for users to reuse in Grafana or promtool. {@code selector} is extra label
 * matchers (e.g. {@code env="prod",job=~"db.*"}) put into every metric selector; empty for all.
 * Immutable.
 */
public record FleetQueries(String selector) {

    public FleetQueries {
        Objects.requireNonNull(selector, "selector");
        selector = selector.strip();
    }

    public static final FleetQueries ALL = new FleetQueries("");

    private String m(String metric) {
        return metric + "{" + selector + "}";
    }

    /** Every exporter that reported in the last hour, with its process count. Empty = no herakles metrics at all. */
    public String hosts() {
        return "max by (job, instance) (last_over_time(" + m("herakles_proc_mem_processes") + "[1h]))";
    }

    /** Scrape health: 1 when the last scrape worked, 0 when not. */
    public String up() {
        return m("up");
    }

    public String memoryTotal() {
        return "max by (job, instance) (" + m("herakles_system_memory_total_bytes") + ")";
    }

    public String memoryAvailable() {
        return "max by (job, instance) (" + m("herakles_system_memory_available_bytes") + ")";
    }

    /** CPU in cores busy (processes' CPU percent of one core, summed over every group, / 100). */
    public String cpuCores() {
        return "sum by (job, instance) (" + m("herakles_proc_mem_group_cpu_percent_sum") + ") / 100";
    }

    /** Bytes per subgroup; {@code kind} is {@code uss}, {@code pss} or {@code rss}. */
    public String subgroups(String kind) {
        return "sum by (job, instance, group, subgroup) (" + m("herakles_proc_mem_group_" + kind + "_bytes_sum") + ")";
    }

    /**
     * One host's memory in use (total − available), for a range query: what its "memory used" line
     * over the last day shows.
     */
    public static String hostMemoryUsed(String job, String instance) {
        String host = "job=\"" + quote(job) + "\",instance=\"" + quote(instance) + "\"";
        return "max(herakles_system_memory_total_bytes{" + host + "}) - max(herakles_system_memory_available_bytes{"
                + host + "})";
    }

    /** A PromQL string literal's inside: backslashes and double quotes escaped. */
    static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Per host, the subgroup whose USS grew most over {@code range} ({@code 1h}, {@code 24h}): PromQL's delta over the range. */
    public String grewMost(String range) {
        return "topk by (job, instance) (1, delta(" + m("herakles_proc_mem_group_uss_bytes_sum") + "[" + range + "]))";
    }
}
