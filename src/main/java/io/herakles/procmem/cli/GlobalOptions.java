package io.herakles.procmem.cli;

import io.herakles.procmem.config.ConfigFormat;
import io.herakles.procmem.config.ConfigKey;
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
 * The defaults named in the help come from the key table through {@link ConfigDefaults}.
 */
final class GlobalOptions {

    @Option(scope = ScopeType.INHERIT, names = {"-p", "--port"}, paramLabel = "PORT", description = "Listen port (default ${bundle:default.port}).")
    Integer port;

    @Option(scope = ScopeType.INHERIT, names = "--bind", paramLabel = "ADDR", description = "Listen address, IPv4 or IPv6 literal (default ${bundle:default.bind}).")
    String bind;

    @Option(scope = ScopeType.INHERIT, names = "--log-level", paramLabel = "LEVEL",
            description = "off|error|warn|info|debug|trace (default ${bundle:default.log_level}).")
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

    @Option(scope = ScopeType.INHERIT, names = "--cache-ttl", paramLabel = "SECONDS", description = "Collection interval of the exporter in seconds (default ${bundle:default.cache_ttl}).")
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

    @Option(scope = ScopeType.INHERIT, names = "--min-uss-kb", paramLabel = "KB", description = "Drop processes whose USS is below this (default ${bundle:default.min_uss_kb}).")
    Long minUssKb;

    @Option(scope = ScopeType.INHERIT, names = "--include-names", paramLabel = "A,B", split = ",", description = "Keep only process names containing one of these.")
    List<String> includeNames;

    @Option(scope = ScopeType.INHERIT, names = "--exclude-names", paramLabel = "A,B", split = ",", description = "Drop process names containing one of these (wins over include).")
    List<String> excludeNames;

    @Option(scope = ScopeType.INHERIT, names = "--parallelism", paramLabel = "N", description = "Collection threads (0 = auto).")
    Integer parallelism;

    @Option(scope = ScopeType.INHERIT, names = "--max-processes", paramLabel = "N", description = "Scan at most N /proc entries.")
    Integer maxProcesses;

    @Option(scope = ScopeType.INHERIT, names = "--top-n-subgroup", paramLabel = "N", description = "Top-N size per subgroup (default ${bundle:default.top_n_subgroup}).")
    Integer topNSubgroup;

    @Option(scope = ScopeType.INHERIT, names = "--top-n-others", paramLabel = "N", description = "How many 'other' processes to export (the largest by USS; default ${bundle:default.top_n_others}).")
    Integer topNOthers;

    @Option(scope = ScopeType.INHERIT, names = {"-t", "--test-data-file"}, paramLabel = "FILE", description = "Serve this snapshot JSON instead of /proc (re-read when it changes).")
    String testDataFile;

    @Option(scope = ScopeType.INHERIT, names = "--enable-tls", description = "Serve HTTPS (needs --tls-cert and --tls-key).")
    boolean enableTls;

    @Option(scope = ScopeType.INHERIT, names = "--tls-cert", paramLabel = "PEM", description = "Certificate (chain) in PEM.")
    String tlsCert;

    @Option(scope = ScopeType.INHERIT, names = "--tls-key", paramLabel = "PEM", description = "Private key in PEM (PKCS#1, PKCS#8 or SEC1).")
    String tlsKey;

    @Option(scope = ScopeType.INHERIT, names = "--procfs", paramLabel = "DIR", description = "Root of the proc filesystem (default ${bundle:default.procfs}; e.g. /host/proc in a container).")
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
        put(o, ConfigKey.PORT, port);
        put(o, ConfigKey.BIND, bind);
        put(o, ConfigKey.LOG_LEVEL, logLevel);
        put(o, ConfigKey.CACHE_TTL, cacheTtl);
        put(o, ConfigKey.IO_BUFFER_KB, ioBufferKb);
        put(o, ConfigKey.SMAPS_BUFFER_KB, smapsBufferKb);
        put(o, ConfigKey.SMAPS_ROLLUP_BUFFER_KB, smapsRollupBufferKb);
        put(o, ConfigKey.MIN_USS_KB, minUssKb);
        put(o, ConfigKey.INCLUDE_NAMES, trimmed(includeNames));
        put(o, ConfigKey.EXCLUDE_NAMES, trimmed(excludeNames));
        put(o, ConfigKey.PARALLELISM, parallelism);
        put(o, ConfigKey.MAX_PROCESSES, maxProcesses);
        put(o, ConfigKey.TOP_N_SUBGROUP, topNSubgroup);
        put(o, ConfigKey.TOP_N_OTHERS, topNOthers);
        put(o, ConfigKey.TEST_DATA_FILE, testDataFile);
        put(o, ConfigKey.TLS_CERT_PATH, tlsCert);
        put(o, ConfigKey.TLS_KEY_PATH, tlsKey);
        put(o, ConfigKey.PROCFS, procfs);
        put(o, ConfigKey.WEB_CONFIG_FILE, webConfigFile);
        put(o, ConfigKey.SMAPS_MAX_AGE_SECONDS, smapsMaxAgeSeconds);
        // upstream's switches only ever turn a feature one way
        if (debug) {
            o.put(ConfigKey.ENABLE_PPROF.key(), true);
        }
        if (disableHealth) {
            o.put(ConfigKey.ENABLE_HEALTH.key(), false);
        }
        if (disableTelemetry) {
            o.put(ConfigKey.ENABLE_TELEMETRY.key(), false);
        }
        if (disableDefaultCollectors) {
            o.put(ConfigKey.ENABLE_DEFAULT_COLLECTORS.key(), false);
        }
        if (enableTls) {
            o.put(ConfigKey.ENABLE_TLS.key(), true);
        }
        return o;
    }

    private static void put(Map<String, Object> o, ConfigKey key, Object value) {
        if (value != null) {
            o.put(key.key(), value);
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
