package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.config.ConfigKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code /doc} page: upstream's static plain-text manual with the configuration
 * file list corrected to the places this exporter really reads, and the metric list as we export
 * it. Stateless.
 */
final class DocPage {

    /** The keys the page lists with their defaults (from the key table), and a note for some. */
    private static final List<Map.Entry<ConfigKey, String>> KEY_OPTIONS = List.of(
            Map.entry(ConfigKey.PORT, ""), Map.entry(ConfigKey.BIND, ""),
            Map.entry(ConfigKey.CACHE_TTL, "seconds between collections"), Map.entry(ConfigKey.MIN_USS_KB, ""),
            Map.entry(ConfigKey.TOP_N_SUBGROUP, ""), Map.entry(ConfigKey.TOP_N_OTHERS, ""),
            Map.entry(ConfigKey.ENABLE_TLS, ""), Map.entry(ConfigKey.TLS_CERT_PATH, "PEM certificate chain"),
            Map.entry(ConfigKey.TLS_KEY_PATH, "PEM private key"));

    private DocPage() {}

    /** "port: 9215", "cache_ttl: 30            seconds between collections", … indented like the page. */
    private static String keyOptions() {
        return KEY_OPTIONS.stream().map(option -> {
            Object value = option.getKey().defaultValue();
            String line = option.getKey().key() + ": " + (value == null ? "none" : value);
            return option.getValue().isEmpty() ? line : String.format(Locale.ROOT, "%-25s%s", line, option.getValue());
        }).collect(Collectors.joining("\n  "));
    }

    static String render(String version) {
        return """
                HERAKLES PROC MEM EXPORTER - DOCUMENTATION
                ==========================================

                VERSION: %s

                Prometheus exporter for per-process memory (RSS, PSS, USS) and CPU metrics on Linux,
                with processes classified into groups and subgroups (db/postgres, web/nginx, ...).

                ENDPOINTS
                ---------
                  /metrics     Prometheus metrics (text format; OpenMetrics and gzip when asked)
                  /health      Exporter health and internal statistics (?format=json for JSON)
                  /config      Effective configuration
                  /subgroups   Loaded subgroup classification rules
                  /doc         This documentation
                  /snapshot    The current snapshot as test-data JSON (loads back with -t FILE)

                METRICS
                -------
                  herakles_proc_mem_rss_bytes          Resident Set Size per process
                  herakles_proc_mem_pss_bytes          Proportional Set Size per process
                  herakles_proc_mem_uss_bytes          Unique Set Size per process
                  herakles_proc_mem_cpu_percent        CPU usage per process (percent of one core)
                  herakles_proc_mem_cpu_time_seconds   Total CPU time per process
                  herakles_proc_mem_group_*_sum        Sums per group/subgroup
                  herakles_proc_mem_top_*              Top-N processes per subgroup (ranked by USS)
                  herakles_system_*                    System memory, CPU and load
                  herakles_exporter_*                  Exporter self-metrics (enable_telemetry)
                  jvm_*, process_*                     The exporter's own JVM (enable_default_collectors)

                  Labels: pid, name, group, subgroup (per process); group, subgroup (sums);
                  group, subgroup, rank, pid, name (Top-N); cpu (system CPU ratio).

                CONFIG FILE LOCATIONS (first found wins)
                ----------------------------------------
                  1. -c FILE / --config FILE
                  2. ./herakles-proc-mem-exporter.{yaml,yml,json,toml}
                  3. ~/.config/herakles/config.yaml
                  4. /etc/herakles/config.yaml
                  5. /etc/herakles/proc-mem-exporter.{yaml,yml,json,toml}

                KEY OPTIONS (defaults)
                ----------------------
                  %s

                CLI COMMANDS
                ------------
                  herakles-proc-mem --exporter               Start the exporter
                  herakles-proc-mem check --all              Check config and /proc access
                  herakles-proc-mem config -o -              Print a config file with the defaults
                  herakles-proc-mem test                     Collect once, print the top 10 by USS
                  herakles-proc-mem subgroups                List the subgroup rules
                  herakles-proc-mem generate-testdata -o FILE

                EXAMPLE USAGE
                -------------
                  curl http://localhost:9215/metrics
                  curl http://localhost:9215/health
                  curl http://localhost:9215/config

                EXAMPLE PROMQL
                --------------
                  topk(10, herakles_proc_mem_uss_bytes)
                  sum by (group) (herakles_proc_mem_uss_bytes)
                  sum by (subgroup) (herakles_proc_mem_cpu_percent)
                  count by (subgroup) (herakles_proc_mem_rss_bytes)

                PROMETHEUS SCRAPE CONFIG
                ------------------------
                  scrape_configs:
                    - job_name: 'herakles-proc-mem'
                      scrape_interval: 60s
                      scrape_timeout: 30s
                      static_configs:
                        - targets: ['localhost:9215']

                """.formatted(version, keyOptions()) + TextPages.FOOTER;
    }
}
