package io.herakles.procmem.cli;

import io.herakles.procmem.config.ConfigFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Upstream's global flags (same names, same meaning) plus ours. Each flag that sets a config key
 * is reported by {@link #overrides()} under that key's snake_case name, and only when given, so
 * precedence (flags > environment > file > defaults) is decided in one place, the config loader.
 */
final class GlobalOptions {

    @Option(scope = ScopeType.INHERIT, names = {"-p", "--port"}, paramLabel = "PORT", description = "Listen port (default 9215).")
    Integer port;

    @Option(scope = ScopeType.INHERIT, names = "--bind", paramLabel = "ADDR", description = "Listen address, IPv4 or IPv6 literal (default 0.0.0.0).")
    String bind;

    @Option(scope = ScopeType.INHERIT, names = "--log-level", paramLabel = "LEVEL",
            description = "off|error|warn|info|debug|trace (default info).")
    String logLevel;

    @Option(scope = ScopeType.INHERIT, names = {"-c", "--config"}, paramLabel = "FILE", description = "Config file (YAML, JSON or TOML by extension).")
    String configFile;

    @Option(scope = ScopeType.INHERIT, names = "--no-config", description = "Ignore every config file; use built-in defaults (plus environment and flags).")
    boolean noConfig;

    @Option(scope = ScopeType.INHERIT, names = "--show-config", description = "Print the effective configuration and exit.")
    boolean showConfig;

    @Option(scope = ScopeType.INHERIT, names = "--show-user-config", description = "Print the config file's path and the values it sets, and exit.")
    boolean showUserConfig;

    @Option(scope = ScopeType.INHERIT, names = "--config-format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "yaml|json|toml for --show-config and --show-user-config (default yaml).")
    ConfigFormat configFormat = ConfigFormat.YAML;

    @Option(scope = ScopeType.INHERIT, names = "--check-config", description = "Validate the configuration, print ✅/❌ and exit 0/1.")
    boolean checkConfig;

    @Option(scope = ScopeType.INHERIT, names = "--debug", description = "Sets enable_pprof (upstream's debug switch). Here: debug logging; there is no pprof in a JVM.")
    boolean debug;

    @Option(scope = ScopeType.INHERIT, names = "--cache-ttl", paramLabel = "SECONDS", description = "Collection interval of the exporter in seconds (default 30).")
    Long cacheTtl;

    @Option(scope = ScopeType.INHERIT, names = "--disable-health", description = "Do not serve /health.")
    boolean disableHealth;

    @Option(scope = ScopeType.INHERIT, names = "--disable-telemetry", description = "Do not export our self-metrics (herakles_exporter_*).")
    boolean disableTelemetry;

    @Option(scope = ScopeType.INHERIT, names = "--disable-default-collectors",
            description = "Do not export the exporter's own JVM metrics (jvm_*, process_*).")
    boolean disableDefaultCollectors;

    @Option(scope = ScopeType.INHERIT, names = "--io-buffer-kb", paramLabel = "KB",
            description = "Upstream buffer size; here only the capacity shown in /health buffer health (the JVM sizes its own buffers).")
    Integer ioBufferKb;

    @Option(scope = ScopeType.INHERIT, names = "--smaps-buffer-kb", paramLabel = "KB",
            description = "Upstream smaps buffer size; here only the capacity shown in /health buffer health.")
    Integer smapsBufferKb;

    @Option(scope = ScopeType.INHERIT, names = "--smaps-rollup-buffer-kb", paramLabel = "KB",
            description = "Upstream smaps_rollup buffer size; here only the capacity shown in /health buffer health.")
    Integer smapsRollupBufferKb;

    @Option(scope = ScopeType.INHERIT, names = "--min-uss-kb", paramLabel = "KB", description = "Drop processes whose USS is below this (default 0).")
    Long minUssKb;

    @Option(scope = ScopeType.INHERIT, names = "--include-names", paramLabel = "A,B", split = ",", description = "Keep only process names containing one of these.")
    List<String> includeNames;

    @Option(scope = ScopeType.INHERIT, names = "--exclude-names", paramLabel = "A,B", split = ",", description = "Drop process names containing one of these (wins over include).")
    List<String> excludeNames;

    @Option(scope = ScopeType.INHERIT, names = "--parallelism", paramLabel = "N", description = "Collection threads (0 = auto).")
    Integer parallelism;

    @Option(scope = ScopeType.INHERIT, names = "--max-processes", paramLabel = "N", description = "Scan at most N /proc entries.")
    Integer maxProcesses;

    @Option(scope = ScopeType.INHERIT, names = "--top-n-subgroup", paramLabel = "N", description = "Top-N size per subgroup (default 3).")
    Integer topNSubgroup;

    @Option(scope = ScopeType.INHERIT, names = "--top-n-others", paramLabel = "N", description = "How many 'other' processes to export (the largest by USS; default 10).")
    Integer topNOthers;

    @Option(scope = ScopeType.INHERIT, names = {"-t", "--test-data-file"}, paramLabel = "FILE", description = "Serve this snapshot JSON instead of /proc (re-read when it changes).")
    String testDataFile;

    @Option(scope = ScopeType.INHERIT, names = "--enable-tls", description = "Serve HTTPS (needs --tls-cert and --tls-key).")
    boolean enableTls;

    @Option(scope = ScopeType.INHERIT, names = "--tls-cert", paramLabel = "PEM", description = "Certificate (chain) in PEM.")
    String tlsCert;

    @Option(scope = ScopeType.INHERIT, names = "--tls-key", paramLabel = "PEM", description = "Private key in PEM (PKCS#1, PKCS#8 or SEC1).")
    String tlsKey;

    @Option(scope = ScopeType.INHERIT, names = "--procfs", paramLabel = "DIR", description = "Root of the proc filesystem (default /proc; e.g. /host/proc in a container).")
    String procfs;

    @Option(scope = ScopeType.INHERIT, names = "--web-config-file", paramLabel = "FILE",
            description = "Prometheus exporter-toolkit web config (TLS, basic auth), re-read when it changes.")
    String webConfigFile;

    @Option(scope = ScopeType.INHERIT, names = "--smaps-max-age-seconds", paramLabel = "SECONDS",
            description = "Re-read an unchanged process's smaps_rollup (PSS/USS) after this many seconds; changed ones are"
                    + " read every collection (0 = all every collection; default 0 for the exporter, 10 on the desktop).")
    Long smapsMaxAgeSeconds;

    /** Flag values keyed by config key, only those given on the command line. */
    Map<String, Object> overrides() {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "port", port);
        put(o, "bind", bind);
        put(o, "log_level", logLevel);
        put(o, "cache_ttl", cacheTtl);
        put(o, "io_buffer_kb", ioBufferKb);
        put(o, "smaps_buffer_kb", smapsBufferKb);
        put(o, "smaps_rollup_buffer_kb", smapsRollupBufferKb);
        put(o, "min_uss_kb", minUssKb);
        put(o, "include_names", trimmed(includeNames));
        put(o, "exclude_names", trimmed(excludeNames));
        put(o, "parallelism", parallelism);
        put(o, "max_processes", maxProcesses);
        put(o, "top_n_subgroup", topNSubgroup);
        put(o, "top_n_others", topNOthers);
        put(o, "test_data_file", testDataFile);
        put(o, "tls_cert_path", tlsCert);
        put(o, "tls_key_path", tlsKey);
        put(o, "procfs", procfs);
        put(o, "web_config_file", webConfigFile);
        put(o, "smaps_max_age_seconds", smapsMaxAgeSeconds);
        // upstream's switches only ever turn a feature one way
        if (debug) {
            o.put("enable_pprof", true);
        }
        if (disableHealth) {
            o.put("enable_health", false);
        }
        if (disableTelemetry) {
            o.put("enable_telemetry", false);
        }
        if (disableDefaultCollectors) {
            o.put("enable_default_collectors", false);
        }
        if (enableTls) {
            o.put("enable_tls", true);
        }
        return o;
    }

    private static void put(Map<String, Object> o, String key, Object value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static List<String> trimmed(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String t = v.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
