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

    /**
     * Mutable builder starting from the defaults; each setter sets one key and returns the builder.
     * Not thread-safe.
     */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String bind = "0.0.0.0";
        private long minUssKb = 0;
        private List<String> includeNames = List.of();
        private List<String> excludeNames = List.of();
        private Integer parallelism;
        private Integer maxProcesses;
        private long cacheTtlSeconds = 30;
        private int ioBufferKb = 256;
        private int smapsBufferKb = 512;
        private int smapsRollupBufferKb = 256;
        private boolean enableHealth = true;
        private boolean enableTelemetry = true;
        private boolean enableDefaultCollectors = true;
        private boolean enablePprof = false;
        private String logLevel = "info";
        private boolean enableFileLogging = false;
        private String logFile;
        private String searchMode;
        private List<String> searchGroups = List.of();
        private List<String> searchSubgroups = List.of();
        private boolean disableOthers = false;
        private int topNSubgroup = 3;
        private int topNOthers = 10;
        private boolean enableRss = true;
        private boolean enablePss = true;
        private boolean enableUss = true;
        private boolean enableCpu = true;
        private String testDataFile;
        private boolean enableTls = false;
        private String tlsCertPath;
        private String tlsKeyPath;
        private String procfs = "/proc";
        private String webConfigFile;
        private Long smapsMaxAgeSeconds;

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

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bind(String bind) {
            this.bind = bind;
            return this;
        }

        public Builder minUssKb(long minUssKb) {
            this.minUssKb = minUssKb;
            return this;
        }

        public Builder includeNames(List<String> includeNames) {
            this.includeNames = includeNames;
            return this;
        }

        public Builder excludeNames(List<String> excludeNames) {
            this.excludeNames = excludeNames;
            return this;
        }

        public Builder parallelism(Integer parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        public Builder maxProcesses(Integer maxProcesses) {
            this.maxProcesses = maxProcesses;
            return this;
        }

        public Builder cacheTtlSeconds(long cacheTtlSeconds) {
            this.cacheTtlSeconds = cacheTtlSeconds;
            return this;
        }

        public Builder ioBufferKb(int ioBufferKb) {
            this.ioBufferKb = ioBufferKb;
            return this;
        }

        public Builder smapsBufferKb(int smapsBufferKb) {
            this.smapsBufferKb = smapsBufferKb;
            return this;
        }

        public Builder smapsRollupBufferKb(int smapsRollupBufferKb) {
            this.smapsRollupBufferKb = smapsRollupBufferKb;
            return this;
        }

        public Builder enableHealth(boolean enableHealth) {
            this.enableHealth = enableHealth;
            return this;
        }

        public Builder enableTelemetry(boolean enableTelemetry) {
            this.enableTelemetry = enableTelemetry;
            return this;
        }

        public Builder enableDefaultCollectors(boolean enableDefaultCollectors) {
            this.enableDefaultCollectors = enableDefaultCollectors;
            return this;
        }

        public Builder enablePprof(boolean enablePprof) {
            this.enablePprof = enablePprof;
            return this;
        }

        public Builder logLevel(String logLevel) {
            this.logLevel = logLevel;
            return this;
        }

        public Builder enableFileLogging(boolean enableFileLogging) {
            this.enableFileLogging = enableFileLogging;
            return this;
        }

        public Builder logFile(String logFile) {
            this.logFile = logFile;
            return this;
        }

        public Builder searchMode(String searchMode) {
            this.searchMode = searchMode;
            return this;
        }

        public Builder searchGroups(List<String> searchGroups) {
            this.searchGroups = searchGroups;
            return this;
        }

        public Builder searchSubgroups(List<String> searchSubgroups) {
            this.searchSubgroups = searchSubgroups;
            return this;
        }

        public Builder disableOthers(boolean disableOthers) {
            this.disableOthers = disableOthers;
            return this;
        }

        public Builder topNSubgroup(int topNSubgroup) {
            this.topNSubgroup = topNSubgroup;
            return this;
        }

        public Builder topNOthers(int topNOthers) {
            this.topNOthers = topNOthers;
            return this;
        }

        public Builder enableRss(boolean enableRss) {
            this.enableRss = enableRss;
            return this;
        }

        public Builder enablePss(boolean enablePss) {
            this.enablePss = enablePss;
            return this;
        }

        public Builder enableUss(boolean enableUss) {
            this.enableUss = enableUss;
            return this;
        }

        public Builder enableCpu(boolean enableCpu) {
            this.enableCpu = enableCpu;
            return this;
        }

        public Builder testDataFile(String testDataFile) {
            this.testDataFile = testDataFile;
            return this;
        }

        public Builder enableTls(boolean enableTls) {
            this.enableTls = enableTls;
            return this;
        }

        public Builder tlsCertPath(String tlsCertPath) {
            this.tlsCertPath = tlsCertPath;
            return this;
        }

        public Builder tlsKeyPath(String tlsKeyPath) {
            this.tlsKeyPath = tlsKeyPath;
            return this;
        }

        public Builder procfs(String procfs) {
            this.procfs = procfs;
            return this;
        }

        public Builder webConfigFile(String webConfigFile) {
            this.webConfigFile = webConfigFile;
            return this;
        }

        public Builder smapsMaxAgeSeconds(Long smapsMaxAgeSeconds) {
            this.smapsMaxAgeSeconds = smapsMaxAgeSeconds;
            return this;
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
