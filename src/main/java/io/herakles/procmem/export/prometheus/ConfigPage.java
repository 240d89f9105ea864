package io.herakles.procmem.export.prometheus;

import static io.herakles.procmem.export.prometheus.TextPages.fmt;
import static io.herakles.procmem.export.prometheus.TextPages.repeat;

import io.herakles.procmem.config.ConfigKey;
import io.herakles.procmem.config.ExporterConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code /config} page: the effective configuration in upstream's plain-text layout, unset
 * values shown as upstream shows them; our two extra keys ({@code procfs}, {@code web_config_file})
 * sit in the sections they belong to. Stateless.
 */
final class ConfigPage {

    private ConfigPage() {}

    /**
     * Upstream's sections and the keys in each, in upstream's order. {@code smaps_max_age_seconds}
     * is not shown: upstream's page has no place for it and it is unset unless configured.
     */
    private static final List<Map.Entry<String, List<ConfigKey>>> SECTIONS = List.of(
            Map.entry("SERVER CONFIGURATION", List.of(ConfigKey.BIND, ConfigKey.PORT, ConfigKey.CACHE_TTL)),
            Map.entry("TLS/SSL CONFIGURATION", List.of(ConfigKey.ENABLE_TLS, ConfigKey.TLS_CERT_PATH,
                    ConfigKey.TLS_KEY_PATH, ConfigKey.WEB_CONFIG_FILE)),
            Map.entry("METRICS COLLECTION", List.of(ConfigKey.PROCFS, ConfigKey.MIN_USS_KB, ConfigKey.INCLUDE_NAMES,
                    ConfigKey.EXCLUDE_NAMES, ConfigKey.PARALLELISM, ConfigKey.MAX_PROCESSES, ConfigKey.TOP_N_SUBGROUP,
                    ConfigKey.TOP_N_OTHERS)),
            Map.entry("PERFORMANCE TUNING", List.of(ConfigKey.IO_BUFFER_KB, ConfigKey.SMAPS_BUFFER_KB,
                    ConfigKey.SMAPS_ROLLUP_BUFFER_KB)),
            Map.entry("FEATURE FLAGS", List.of(ConfigKey.ENABLE_HEALTH, ConfigKey.ENABLE_TELEMETRY,
                    ConfigKey.ENABLE_DEFAULT_COLLECTORS, ConfigKey.ENABLE_PPROF)),
            Map.entry("METRICS FLAGS", List.of(ConfigKey.ENABLE_RSS, ConfigKey.ENABLE_PSS, ConfigKey.ENABLE_USS,
                    ConfigKey.ENABLE_CPU)),
            Map.entry("CLASSIFICATION", List.of(ConfigKey.SEARCH_MODE, ConfigKey.SEARCH_GROUPS,
                    ConfigKey.SEARCH_SUBGROUPS, ConfigKey.DISABLE_OTHERS)),
            Map.entry("LOGGING", List.of(ConfigKey.LOG_LEVEL, ConfigKey.ENABLE_FILE_LOGGING, ConfigKey.LOG_FILE)),
            Map.entry("TEST DATA", List.of(ConfigKey.TEST_DATA_FILE)));

    static String render(ExporterConfig c) {
        StringBuilder sb = new StringBuilder();
        sb.append("HERAKLES PROC MEM EXPORTER - CONFIGURATION\n").append(repeat('=', 42)).append("\n\n");
        for (Map.Entry<String, List<ConfigKey>> section : SECTIONS) {
            section(sb, section.getKey());
            for (ConfigKey key : section.getValue()) {
                sb.append(fmt("%-28s%s", key.key() + ":", shown(key, c))).append('\n');
            }
            sb.append('\n');
        }
        sb.append(TextPages.FOOTER);
        return sb.toString();
    }

    /** A value as upstream's page shows it: unset strings and empty lists as "none". */
    private static Object shown(ConfigKey key, ExporterConfig c) {
        Object value = key.get(c);
        return switch (key) {
            case CACHE_TTL -> value + " seconds";
            case PARALLELISM -> value == null ? "auto" : value;
            case MAX_PROCESSES -> value == null ? "unlimited" : value;
            default -> value instanceof List<?> list ? list(list) : value == null || "".equals(value) ? "none" : value;
        };
    }

    private static void section(StringBuilder sb, String name) {
        sb.append(name).append('\n').append(repeat('-', name.length())).append('\n');
    }

    private static String list(List<?> values) {
        return values.isEmpty() ? "none" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
