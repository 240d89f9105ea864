package io.herakles.procmem.config;

import java.util.List;
import java.util.Objects;

/**
 * The effective configuration: every key of upstream's config file (same names in snake_case, same
 * defaults) plus ours. Immutable. Loading, precedence and validation live beside it in this package.
 *
 * <p>Nullable components mean "unset" where upstream has no default: {@code parallelism} (auto),
 * {@code maxProcesses} (unlimited), {@code logFile}, {@code searchMode}, {@code testDataFile},
 * {@code tlsCertPath}, {@code tlsKeyPath}, {@code webConfigFile}, {@code smapsMaxAgeSeconds} (each face's
 * own default). Lists are never null (empty = unset).
 *
 * @param port                   listen port (1–65535), default 9215
 * @param bind                   listen address (IPv4 or IPv6 literal), default {@code 0.0.0.0}
 * @param minUssKb               drop processes whose USS is below this many KiB (unknown USS is kept)
 * @param includeNames           keep only names containing one of these substrings (empty = all)
 * @param excludeNames           drop names containing one of these substrings (wins over include)
 * @param parallelism            collection threads; null or 0 = auto (upstream: rayon pool only if &gt; 0)
 * @param maxProcesses           cap on scanned {@code /proc} entries; null = unlimited
 * @param cacheTtlSeconds        collection interval of the exporter, seconds (≥ 1), default 30
 * @param ioBufferKb             upstream buffer size, shown in buffer health
 * @param smapsBufferKb          upstream buffer size, shown in buffer health
 * @param smapsRollupBufferKb    upstream buffer size, shown in buffer health
 * @param enableHealth           serve {@code /health}
 * @param enableTelemetry        serve our self-metrics ({@code herakles_exporter_*})
 * @param enableDefaultCollectors serve JVM metrics of the exporter process
 * @param enablePprof            upstream's debug switch ({@code --debug}); here: debug logging
 * @param logLevel               off|error|warn|info|debug|trace
 * @param enableFileLogging      also log to {@code logFile}
 * @param logFile                log file path, or null
 * @param searchMode             include|exclude, or null
 * @param searchGroups           groups for searchMode
 * @param searchSubgroups        subgroups for searchMode
 * @param disableOthers          drop unclassified processes
 * @param topNSubgroup           Top-N size per subgroup (0 behaves as 1)
 * @param topNOthers             cap of exported "other" processes, and their Top-N size
 * @param enableRss              export RSS families
 * @param enablePss              export PSS families
 * @param enableUss              export USS families
 * @param enableCpu              export CPU families
 * @param testDataFile           serve this snapshot JSON instead of {@code /proc}, or null
 * @param enableTls              serve HTTPS
 * @param tlsCertPath            PEM certificate (chain)
 * @param tlsKeyPath             PEM private key
 * @param procfs                 root of the proc filesystem, default {@code /proc} (ours; upstream hard-codes it)
 * @param webConfigFile          Prometheus exporter-toolkit web config (TLS, basic auth), or null (ours)
 * @param smapsMaxAgeSeconds     seconds after which an unchanged process's {@code smaps_rollup} is read
 *                               again (0 = every collection); null = the face's default: 0 for the
 *                               exporter, 10 for the desktop (ours)
 */
public record ExporterConfig(
        int port,
        String bind,
        long minUssKb,
        List<String> includeNames,
        List<String> excludeNames,
        Integer parallelism,
        Integer maxProcesses,
        long cacheTtlSeconds,
        int ioBufferKb,
        int smapsBufferKb,
        int smapsRollupBufferKb,
        boolean enableHealth,
        boolean enableTelemetry,
        boolean enableDefaultCollectors,
        boolean enablePprof,
        String logLevel,
        boolean enableFileLogging,
        String logFile,
        String searchMode,
        List<String> searchGroups,
        List<String> searchSubgroups,
        boolean disableOthers,
        int topNSubgroup,
        int topNOthers,
        boolean enableRss,
        boolean enablePss,
        boolean enableUss,
        boolean enableCpu,
        String testDataFile,
        boolean enableTls,
        String tlsCertPath,
        String tlsKeyPath,
        String procfs,
        String webConfigFile,
        Long smapsMaxAgeSeconds) {

    public static final int DEFAULT_PORT = 9215;

    public ExporterConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(procfs, "procfs");
        includeNames = List.copyOf(includeNames == null ? List.of() : includeNames);
        excludeNames = List.copyOf(excludeNames == null ? List.of() : excludeNames);
        searchGroups = List.copyOf(searchGroups == null ? List.of() : searchGroups);
        searchSubgroups = List.copyOf(searchSubgroups == null ? List.of() : searchSubgroups);
    }

    /** Upstream's built-in defaults. */
    public static ExporterConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable builder starting from the defaults; not thread-safe. */
    public static final class Builder {
        public int port = DEFAULT_PORT;
        public String bind = "0.0.0.0";
        public long minUssKb = 0;
        public List<String> includeNames = List.of();
        public List<String> excludeNames = List.of();
        public Integer parallelism;
        public Integer maxProcesses;
        public long cacheTtlSeconds = 30;
        public int ioBufferKb = 256;
        public int smapsBufferKb = 512;
        public int smapsRollupBufferKb = 256;
        public boolean enableHealth = true;
        public boolean enableTelemetry = true;
        public boolean enableDefaultCollectors = true;
        public boolean enablePprof = false;
        public String logLevel = "info";
        public boolean enableFileLogging = false;
        public String logFile;
        public String searchMode;
        public List<String> searchGroups = List.of();
        public List<String> searchSubgroups = List.of();
        public boolean disableOthers = false;
        public int topNSubgroup = 3;
        public int topNOthers = 10;
        public boolean enableRss = true;
        public boolean enablePss = true;
        public boolean enableUss = true;
        public boolean enableCpu = true;
        public String testDataFile;
        public boolean enableTls = false;
        public String tlsCertPath;
        public String tlsKeyPath;
        public String procfs = "/proc";
        public String webConfigFile;
        public Long smapsMaxAgeSeconds;

        private Builder() {}

        private Builder(ExporterConfig c) {
            port = c.port;
            bind = c.bind;
            minUssKb = c.minUssKb;
            includeNames = c.includeNames;
            excludeNames = c.excludeNames;
            parallelism = c.parallelism;
            maxProcesses = c.maxProcesses;
            cacheTtlSeconds = c.cacheTtlSeconds;
            ioBufferKb = c.ioBufferKb;
            smapsBufferKb = c.smapsBufferKb;
            smapsRollupBufferKb = c.smapsRollupBufferKb;
            enableHealth = c.enableHealth;
            enableTelemetry = c.enableTelemetry;
            enableDefaultCollectors = c.enableDefaultCollectors;
            enablePprof = c.enablePprof;
            logLevel = c.logLevel;
            enableFileLogging = c.enableFileLogging;
            logFile = c.logFile;
            searchMode = c.searchMode;
            searchGroups = c.searchGroups;
            searchSubgroups = c.searchSubgroups;
            disableOthers = c.disableOthers;
            topNSubgroup = c.topNSubgroup;
            topNOthers = c.topNOthers;
            enableRss = c.enableRss;
            enablePss = c.enablePss;
            enableUss = c.enableUss;
            enableCpu = c.enableCpu;
            testDataFile = c.testDataFile;
            enableTls = c.enableTls;
            tlsCertPath = c.tlsCertPath;
            tlsKeyPath = c.tlsKeyPath;
            procfs = c.procfs;
            webConfigFile = c.webConfigFile;
            smapsMaxAgeSeconds = c.smapsMaxAgeSeconds;
        }

        public ExporterConfig build() {
            return new ExporterConfig(port, bind, minUssKb, includeNames, excludeNames, parallelism,
                    maxProcesses, cacheTtlSeconds, ioBufferKb, smapsBufferKb, smapsRollupBufferKb,
                    enableHealth, enableTelemetry, enableDefaultCollectors, enablePprof, logLevel,
                    enableFileLogging, logFile, searchMode, searchGroups, searchSubgroups, disableOthers,
                    topNSubgroup, topNOthers, enableRss, enablePss, enableUss, enableCpu, testDataFile,
                    enableTls, tlsCertPath, tlsKeyPath, procfs, webConfigFile, smapsMaxAgeSeconds);
        }
    }
}
