package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.TextPages.fmt;
import static io.herakles.procmem.export.prometheus.TextPages.repeat;

import io.herakles.procmem.config.ExporterConfig;
import java.util.List;

/**
 * The {@code /config} page: the effective configuration in upstream's plain-text layout, unset
 * values shown as upstream shows them; our two extra keys ({@code procfs}, {@code web_config_file})
 * sit in the sections they belong to. Stateless.
 */
final class ConfigPage {

    private ConfigPage() {}

    static String render(ExporterConfig c) {
        StringBuilder sb = new StringBuilder();
        sb.append("HERAKLES PROC MEM EXPORTER - CONFIGURATION\n").append(repeat('=', 42)).append("\n\n");
        section(sb, "SERVER CONFIGURATION");
        kv(sb, "bind", c.bind());
        kv(sb, "port", c.port());
        kv(sb, "cache_ttl", c.cacheTtlSeconds() + " seconds");
        sb.append('\n');
        section(sb, "TLS/SSL CONFIGURATION");
        kv(sb, "enable_tls", c.enableTls());
        kv(sb, "tls_cert_path", orNone(c.tlsCertPath()));
        kv(sb, "tls_key_path", orNone(c.tlsKeyPath()));
        kv(sb, "web_config_file", orNone(c.webConfigFile()));
        sb.append('\n');
        section(sb, "METRICS COLLECTION");
        kv(sb, "procfs", c.procfs());
        kv(sb, "min_uss_kb", c.minUssKb());
        kv(sb, "include_names", list(c.includeNames()));
        kv(sb, "exclude_names", list(c.excludeNames()));
        kv(sb, "parallelism", c.parallelism() == null ? "auto" : c.parallelism());
        kv(sb, "max_processes", c.maxProcesses() == null ? "unlimited" : c.maxProcesses());
        kv(sb, "top_n_subgroup", c.topNSubgroup());
        kv(sb, "top_n_others", c.topNOthers());
        sb.append('\n');
        section(sb, "PERFORMANCE TUNING");
        kv(sb, "io_buffer_kb", c.ioBufferKb());
        kv(sb, "smaps_buffer_kb", c.smapsBufferKb());
        kv(sb, "smaps_rollup_buffer_kb", c.smapsRollupBufferKb());
        sb.append('\n');
        section(sb, "FEATURE FLAGS");
        kv(sb, "enable_health", c.enableHealth());
        kv(sb, "enable_telemetry", c.enableTelemetry());
        kv(sb, "enable_default_collectors", c.enableDefaultCollectors());
        kv(sb, "enable_pprof", c.enablePprof());
        sb.append('\n');
        section(sb, "METRICS FLAGS");
        kv(sb, "enable_rss", c.enableRss());
        kv(sb, "enable_pss", c.enablePss());
        kv(sb, "enable_uss", c.enableUss());
        kv(sb, "enable_cpu", c.enableCpu());
        sb.append('\n');
        section(sb, "CLASSIFICATION");
        kv(sb, "search_mode", orNone(c.searchMode()));
        kv(sb, "search_groups", list(c.searchGroups()));
        kv(sb, "search_subgroups", list(c.searchSubgroups()));
        kv(sb, "disable_others", c.disableOthers());
        sb.append('\n');
        section(sb, "LOGGING");
        kv(sb, "log_level", c.logLevel());
        kv(sb, "enable_file_logging", c.enableFileLogging());
        kv(sb, "log_file", orNone(c.logFile()));
        sb.append('\n');
        section(sb, "TEST DATA");
        kv(sb, "test_data_file", orNone(c.testDataFile()));
        sb.append('\n');
        sb.append(TextPages.FOOTER);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String name) {
        sb.append(name).append('\n').append(repeat('-', name.length())).append('\n');
    }

    private static void kv(StringBuilder sb, String key, Object value) {
        sb.append(fmt("%-28s%s", key + ":", value)).append('\n');
    }

    private static String orNone(String s) {
        return s == null || s.isEmpty() ? "none" : s;
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
