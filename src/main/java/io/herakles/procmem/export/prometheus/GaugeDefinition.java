package io.herakles.procmem.export.prometheus;

/**
 * The definition (name and HELP text) of every gauge family of upstream's {@code /metrics}; a
 * scrape fills each into {@link GaugeSamples}. Names and HELP texts are verbatim, so
 * dashboards and alerts keep working. One deliberate rename: upstream's
 * {@code herakles_proc_mem_processes_total} is a gauge, and a gauge may not end in {@code _total}
 * (client_java refuses it, promtool flags it), so it is {@code herakles_proc_mem_processes} here.
 * Upstream's {@code uptime_in_seconds} label is dropped everywhere (it made new series every scrape).
 */
enum GaugeDefinition {
    RSS("herakles_proc_mem_rss_bytes", "Resident Set Size per process in bytes"),
    PSS("herakles_proc_mem_pss_bytes", "Proportional Set Size per process in bytes"),
    USS("herakles_proc_mem_uss_bytes", "Unique Set Size per process in bytes"),
    CPU_PERCENT("herakles_proc_mem_cpu_percent", "CPU usage per process in percent (delta over last scan)"),
    CPU_TIME("herakles_proc_mem_cpu_time_seconds", "Total CPU time used per process"),
    GROUP_RSS("herakles_proc_mem_group_rss_bytes_sum", "Sum of RSS bytes per subgroup"),
    GROUP_PSS("herakles_proc_mem_group_pss_bytes_sum", "Sum of PSS bytes per subgroup"),
    GROUP_USS("herakles_proc_mem_group_uss_bytes_sum", "Sum of USS bytes per subgroup"),
    GROUP_CPU_PERCENT("herakles_proc_mem_group_cpu_percent_sum", "Sum of CPU percent per subgroup"),
    GROUP_CPU_TIME("herakles_proc_mem_group_cpu_time_seconds_sum", "Sum of CPU time seconds per subgroup"),
    TOP_RSS("herakles_proc_mem_top_rss_bytes", "Top-N RSS per subgroup"),
    TOP_PSS("herakles_proc_mem_top_pss_bytes", "Top-N PSS per subgroup"),
    TOP_USS("herakles_proc_mem_top_uss_bytes", "Top-N USS per subgroup"),
    TOP_CPU_PERCENT("herakles_proc_mem_top_cpu_percent", "Top-N CPU percent per subgroup"),
    TOP_CPU_TIME("herakles_proc_mem_top_cpu_time_seconds", "Top-N CPU time seconds per subgroup"),
    TOP_CPU_SHARE("herakles_proc_mem_top_cpu_percent_of_subgroup",
            "Top-N CPU time as percentage of subgroup total CPU time"),
    TOP_RSS_SHARE("herakles_proc_mem_top_rss_percent_of_subgroup", "Top-N RSS as percentage of subgroup total RSS"),
    TOP_PSS_SHARE("herakles_proc_mem_top_pss_percent_of_subgroup", "Top-N PSS as percentage of subgroup total PSS"),
    TOP_USS_SHARE("herakles_proc_mem_top_uss_percent_of_subgroup", "Top-N USS as percentage of subgroup total USS"),
    MEMORY_TOTAL("herakles_system_memory_total_bytes", "Total system memory in bytes (MemTotal from /proc/meminfo)"),
    MEMORY_AVAILABLE("herakles_system_memory_available_bytes",
            "Available system memory in bytes (MemAvailable from /proc/meminfo)"),
    MEMORY_USED_RATIO("herakles_system_memory_used_ratio",
            "Memory used ratio: 1 - (available_bytes / total_bytes), value between 0.0 and 1.0"),
    CPU_USAGE_RATIO("herakles_system_cpu_usage_ratio",
            "CPU usage ratio per core and total, calculated from /proc/stat deltas"),
    LOAD1("herakles_system_load1", "System load average over 1 minute"),
    LOAD5("herakles_system_load5", "System load average over 5 minutes"),
    LOAD15("herakles_system_load15", "System load average over 15 minutes"),
    SCRAPE_DURATION("herakles_proc_mem_scrape_duration_seconds",
            "Time spent serving /metrics request (reading from cache)"),
    PROCESSES("herakles_proc_mem_processes",
            "Number of processes currently exported by herakles-proc-mem-exporter"),
    CACHE_UPDATE_DURATION("herakles_proc_mem_cache_update_duration_seconds",
            "Time spent updating the process metrics cache in background"),
    CACHE_UPDATE_SUCCESS("herakles_proc_mem_cache_update_success",
            "Whether the last cache update was successful (1) or failed (0)"),
    CACHE_UPDATING("herakles_proc_mem_cache_updating",
            "Whether cache update is currently in progress (1) or idle (0)");

    private final String metricName;
    private final String help;

    GaugeDefinition(String metricName, String help) {
        this.metricName = metricName;
        this.help = help;
    }

    String metricName() {
        return metricName;
    }

    String help() {
        return help;
    }
}
