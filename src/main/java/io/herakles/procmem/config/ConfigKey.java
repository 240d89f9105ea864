package io.herakles.procmem.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Every configuration key, in upstream's {@code --show-config} order followed by ours
 * ({@code procfs}, {@code web_config_file}, {@code smaps_max_age_seconds}): its file name, the aliases upstream accepts in files,
 * its type, its environment variable ({@code HERAKLES_<NAME>}), a one-line description, and how to
 * read it from an {@link ExporterConfig} and write it into a builder, and for numbers the range
 * accepted. The one place a key is declared: files, environment, flags, validation, {@code config}
 * output, {@code /config} and docs/CONFIG.md all take names, types and ranges from here. Immutable.
 */
@SuppressWarnings("unchecked")
public enum ConfigKey {
    PORT("port", ValueType.INT, "HTTP listen port (1-65535)",
            Range.between(1, 65535), ExporterConfig::port, (b, v) -> b.port((Integer) v)),
    BIND("bind", ValueType.STRING, "listen address, an IPv4 or IPv6 literal (0.0.0.0 = all interfaces)",
            ExporterConfig::bind, (b, v) -> b.bind((String) v)),
    MIN_USS_KB("min_uss_kb", ValueType.LONG, "skip processes whose USS is below this many KiB",
            Range.atLeast(0), ExporterConfig::minUssKb, (b, v) -> b.minUssKb((Long) v)),
    INCLUDE_NAMES("include_names", ValueType.LIST, "keep only processes whose name contains one of these",
            ExporterConfig::includeNames, (b, v) -> b.includeNames((List<String>) v)),
    EXCLUDE_NAMES("exclude_names", ValueType.LIST, "drop processes whose name contains one of these (wins over include)",
            ExporterConfig::excludeNames, (b, v) -> b.excludeNames((List<String>) v)),
    PARALLELISM("parallelism", ValueType.INT, "collection threads (unset or 0 = automatic)",
            Range.atLeast(0), ExporterConfig::parallelism, (b, v) -> b.parallelism((Integer) v)),
    MAX_PROCESSES("max_processes", ValueType.INT, "scan at most this many /proc entries (unset = unlimited)",
            Range.atLeast(0), ExporterConfig::maxProcesses, (b, v) -> b.maxProcesses((Integer) v)),
    CACHE_TTL("cache_ttl", ValueType.LONG, "seconds between two collections (at least 1)",
            Range.atLeast(1).inSeconds(), ExporterConfig::cacheTtlSeconds, (b, v) -> b.cacheTtlSeconds((Long) v)),
    IO_BUFFER_KB("io_buffer_kb", ValueType.INT, "buffer for generic /proc reads, KiB (shown in buffer health)",
            Range.atLeast(1), ExporterConfig::ioBufferKb, (b, v) -> b.ioBufferKb((Integer) v)),
    SMAPS_BUFFER_KB("smaps_buffer_kb", ValueType.INT, "buffer for smaps reads, KiB",
            Range.atLeast(1), ExporterConfig::smapsBufferKb, (b, v) -> b.smapsBufferKb((Integer) v)),
    SMAPS_ROLLUP_BUFFER_KB("smaps_rollup_buffer_kb", ValueType.INT, "buffer for smaps_rollup reads, KiB",
            Range.atLeast(1), ExporterConfig::smapsRollupBufferKb, (b, v) -> b.smapsRollupBufferKb((Integer) v)),
    ENABLE_HEALTH("enable_health", ValueType.BOOLEAN, "serve /health",
            ExporterConfig::enableHealth, (b, v) -> b.enableHealth((Boolean) v)),
    ENABLE_TELEMETRY("enable_telemetry", ValueType.BOOLEAN, "serve the exporter's own metrics",
            ExporterConfig::enableTelemetry, (b, v) -> b.enableTelemetry((Boolean) v)),
    ENABLE_DEFAULT_COLLECTORS("enable_default_collectors", ValueType.BOOLEAN, "serve JVM metrics of the exporter process",
            ExporterConfig::enableDefaultCollectors, (b, v) -> b.enableDefaultCollectors((Boolean) v)),
    ENABLE_PPROF("enable_pprof", ValueType.BOOLEAN, "debug mode (--debug): log at least at debug level",
            ExporterConfig::enablePprof, (b, v) -> b.enablePprof((Boolean) v)),
    LOG_LEVEL("log_level", ValueType.STRING, "off, error, warn, info, debug or trace",
            ExporterConfig::logLevel, (b, v) -> b.logLevel((String) v)),
    ENABLE_FILE_LOGGING("enable_file_logging", ValueType.BOOLEAN, "also write the log to log_file",
            ExporterConfig::enableFileLogging, (b, v) -> b.enableFileLogging((Boolean) v)),
    LOG_FILE("log_file", ValueType.STRING, "log file path (needed when enable_file_logging is true)",
            ExporterConfig::logFile, (b, v) -> b.logFile((String) v)),
    SEARCH_MODE("search_mode", ValueType.STRING, "include or exclude the groups/subgroups below (unset = off)",
            ExporterConfig::searchMode, (b, v) -> b.searchMode((String) v), "modify-search-engine"),
    SEARCH_GROUPS("search_groups", ValueType.LIST, "group names for search_mode, e.g. [db, web]",
            ExporterConfig::searchGroups, (b, v) -> b.searchGroups((List<String>) v), "groups"),
    SEARCH_SUBGROUPS("search_subgroups", ValueType.LIST, "subgroup names for search_mode, e.g. [postgres, nginx]",
            ExporterConfig::searchSubgroups, (b, v) -> b.searchSubgroups((List<String>) v), "subgroups"),
    DISABLE_OTHERS("disable_others", ValueType.BOOLEAN, "drop processes that no rule classifies (other/unknown)",
            ExporterConfig::disableOthers, (b, v) -> b.disableOthers((Boolean) v), "disable-others"),
    TOP_N_SUBGROUP("top_n_subgroup", ValueType.INT, "Top-N processes per subgroup",
            Range.atLeast(0), ExporterConfig::topNSubgroup, (b, v) -> b.topNSubgroup((Integer) v), "top-n-subgroup"),
    TOP_N_OTHERS("top_n_others", ValueType.INT, "how many 'other' processes are exported (the largest by USS)",
            Range.atLeast(0), ExporterConfig::topNOthers, (b, v) -> b.topNOthers((Integer) v), "top-n-others"),
    ENABLE_RSS("enable_rss", ValueType.BOOLEAN, "export RSS metrics",
            ExporterConfig::enableRss, (b, v) -> b.enableRss((Boolean) v), "enable-rss"),
    ENABLE_PSS("enable_pss", ValueType.BOOLEAN, "export PSS metrics",
            ExporterConfig::enablePss, (b, v) -> b.enablePss((Boolean) v), "enable-pss"),
    ENABLE_USS("enable_uss", ValueType.BOOLEAN, "export USS metrics",
            ExporterConfig::enableUss, (b, v) -> b.enableUss((Boolean) v), "enable-uss"),
    ENABLE_CPU("enable_cpu", ValueType.BOOLEAN, "export CPU metrics",
            ExporterConfig::enableCpu, (b, v) -> b.enableCpu((Boolean) v), "enable-cpu"),
    TEST_DATA_FILE("test_data_file", ValueType.STRING, "serve this snapshot JSON instead of reading /proc",
            ExporterConfig::testDataFile, (b, v) -> b.testDataFile((String) v), "test-data-file"),
    ENABLE_TLS("enable_tls", ValueType.BOOLEAN, "serve HTTPS",
            ExporterConfig::enableTls, (b, v) -> b.enableTls((Boolean) v), "enable-tls"),
    TLS_CERT_PATH("tls_cert_path", ValueType.STRING, "PEM certificate (chain) for HTTPS",
            ExporterConfig::tlsCertPath, (b, v) -> b.tlsCertPath((String) v), "tls-cert-path"),
    TLS_KEY_PATH("tls_key_path", ValueType.STRING, "PEM private key for HTTPS",
            ExporterConfig::tlsKeyPath, (b, v) -> b.tlsKeyPath((String) v), "tls-key-path"),
    PROCFS("procfs", ValueType.STRING, "root of the proc filesystem (e.g. /host/proc in a container)",
            ExporterConfig::procfs, (b, v) -> b.procfs((String) v)),
    WEB_CONFIG_FILE("web_config_file", ValueType.STRING, "Prometheus web config file (TLS, basic auth)",
            ExporterConfig::webConfigFile, (b, v) -> b.webConfigFile((String) v)),
    // at most a day: a larger bound is more likely a unit mistake (milliseconds) than a wish
    SMAPS_MAX_AGE_SECONDS("smaps_max_age_seconds", ValueType.LONG,
            "PSS/USS of a process whose memory did not change are re-read after this many seconds"
                    + " (0 = every collection; unset = 0 in the exporter, 10 on the desktop)",
            Range.between(0, 86_400).inSeconds(), ExporterConfig::smapsMaxAgeSeconds, (b, v) -> b.smapsMaxAgeSeconds((Long) v));

    /** Prefix of the environment variables: {@code HERAKLES_PORT}, {@code HERAKLES_CACHE_TTL}, … */
    public static final String ENV_PREFIX = "HERAKLES_";

    private static final Map<String, ConfigKey> BY_FILE_NAME = indexFileNames();

    private final String key;
    private final ValueType type;
    private final String description;
    private final Function<ExporterConfig, Object> getter;
    private final BiConsumer<ExporterConfig.Builder, Object> setter;
    private final List<String> aliases;
    private final Optional<Range> range;

    ConfigKey(String key, ValueType type, String description, Function<ExporterConfig, Object> getter,
            BiConsumer<ExporterConfig.Builder, Object> setter, String... aliases) {
        this(key, type, description, null, getter, setter, aliases);
    }

    ConfigKey(String key, ValueType type, String description, Range range, Function<ExporterConfig, Object> getter,
            BiConsumer<ExporterConfig.Builder, Object> setter, String... aliases) {
        this.key = key;
        this.type = type;
        this.description = description;
        this.range = Optional.ofNullable(range);
        this.getter = getter;
        this.setter = setter;
        this.aliases = List.of(aliases);
    }

    /**
     * The numeric values this key accepts, checked by {@link ConfigValidator} ("port must be between
     * 1 and 65535, got 0"); empty for keys that are not numbers.
     */
    public Optional<Range> range() {
        return range;
    }

    /** The canonical snake_case name used in files and output. */
    public String key() {
        return key;
    }

    /** Other names upstream accepts for this key in files (not in the environment). */
    public List<String> aliases() {
        return aliases;
    }

    /** One line for the commented template and help texts. */
    public String description() {
        return description;
    }

    /** {@code HERAKLES_} + the key in upper case. */
    public String envVar() {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT);
    }

    /** True when the key has no default and may stay unset (null in {@link ExporterConfig}). */
    public boolean nullable() {
        return defaultValue() == null;
    }

    /** What a value must look like, for messages: "an integer", "a list of strings", … */
    public String expectedType() {
        return type.expected();
    }

    /** The value of this key in {@code config}: Integer, Long, Boolean, String, List or null. */
    public Object get(ExporterConfig config) {
        return getter.apply(config);
    }

    /** Built-in default (null when unset by default). */
    public Object defaultValue() {
        return get(ExporterConfig.defaults());
    }

    ValueType type() {
        return type;
    }

    void set(ExporterConfig.Builder builder, Object value) {
        setter.accept(builder, value);
    }

    /** The key with this canonical name, or empty. Aliases are not accepted here. */
    public static Optional<ConfigKey> byKey(String name) {
        ConfigKey found = BY_FILE_NAME.get(name);
        return found != null && found.key.equals(name) ? Optional.of(found) : Optional.empty();
    }

    /** The key with this canonical name or file alias, or empty. */
    public static Optional<ConfigKey> byFileName(String name) {
        return Optional.ofNullable(BY_FILE_NAME.get(name));
    }

    /** Every name accepted in files: canonical names then aliases. */
    public static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (ConfigKey k : values()) {
            names.add(k.key);
        }
        for (ConfigKey k : values()) {
            names.addAll(k.aliases);
        }
        return Collections.unmodifiableList(names);
    }

    private static Map<String, ConfigKey> indexFileNames() {
        Map<String, ConfigKey> index = new HashMap<>();
        for (ConfigKey k : values()) {
            index.put(k.key, k);
            k.aliases.forEach(alias -> index.put(alias, k));
        }
        return Map.copyOf(index);
    }
}
