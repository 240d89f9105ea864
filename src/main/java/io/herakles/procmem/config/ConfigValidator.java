package io.herakles.procmem.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an effective configuration. Upstream's checks come first, in upstream's order and with
 * its exact messages, so the first error equals upstream's; then the range checks upstream
 * lacks ({@code cache_ttl: 0} panicked there; docs/UPSTREAM.md#u17-values-are-range-checked). Stateless; reads the file system only to
 * check that the TLS, web-config and log files exist.
 */
public final class ConfigValidator {

    /** Accepted {@code log_level} values. */
    public static final Set<String> LOG_LEVELS = Set.of("off", "error", "warn", "info", "debug", "trace");

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");

    private ConfigValidator() {}

    /** Every problem, one line each; empty when valid. */
    public static List<String> validate(ExporterConfig c) {
        List<String> errors = new ArrayList<>();
        if (!(c.enableRss() || c.enablePss() || c.enableUss() || c.enableCpu())) {
            errors.add("At least one of enable_rss/enable_pss/enable_uss/enable_cpu must be true");
        }
        checkSearchMode(c, errors);
        checkTls(c, errors);
        checkRanges(c, errors);
        checkLogging(c, errors);
        if (c.webConfigFile() != null && !Files.exists(Path.of(c.webConfigFile()))) {
            errors.add("web_config_file not found: " + c.webConfigFile());
        }
        return List.copyOf(errors);
    }

    /** The first problem (what upstream would report), or empty. */
    public static Optional<String> firstError(ExporterConfig c) {
        return validate(c).stream().findFirst();
    }

    /** @throws ConfigException with the first problem */
    public static void requireValid(ExporterConfig c) {
        firstError(c).ifPresent(message -> {
            throw new ConfigException(message);
        });
    }

    private static void checkSearchMode(ExporterConfig c, List<String> errors) {
        String mode = c.searchMode();
        if (mode == null) {
            return; // search_groups without search_mode are ignored, as upstream
        }
        if (!mode.equals("include") && !mode.equals("exclude")) {
            errors.add("Invalid search_mode '" + mode + "', expected 'include' or 'exclude'");
        } else if (c.searchGroups().isEmpty() && c.searchSubgroups().isEmpty()) {
            errors.add("search_mode is set to include/exclude, but no search_groups or search_subgroups defined");
        }
    }

    private static void checkTls(ExporterConfig c, List<String> errors) {
        if (!c.enableTls()) {
            return;
        }
        String cert = c.tlsCertPath();
        String key = c.tlsKeyPath();
        if (cert == null && key == null) {
            errors.add("TLS is enabled but neither tls_cert_path nor tls_key_path are set");
        } else if (key == null) {
            errors.add("TLS is enabled but tls_key_path is not set");
        } else if (cert == null) {
            errors.add("TLS is enabled but tls_cert_path is not set");
        } else if (!Files.exists(Path.of(cert))) {
            errors.add("TLS certificate file not found: " + cert);
        } else if (!Files.exists(Path.of(key))) {
            errors.add("TLS private key file not found: " + key);
        } else {
            fileProblem("TLS certificate file", cert).ifPresent(errors::add);
            fileProblem("TLS private key file", key).ifPresent(errors::add);
        }
    }

    /** "… is empty: P" or "… is not readable: P (reason)" for an existing file. */
    private static Optional<String> fileProblem(String what, String file) {
        Path path = Path.of(file);
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() < 0 ? Optional.of(what + " is empty: " + file) : Optional.empty();
        } catch (AccessDeniedException e) {
            return Optional.of(what + " is not readable: " + file + " (permission denied)");
        } catch (IOException e) {
            return Optional.of(what + " is not readable: " + file + " (" + ConfigException.oneLine(e.getMessage()) + ")");
        }
    }

    /** The numeric ranges of the key table, in its order, then the keys whose values are not numbers. */
    private static void checkRanges(ExporterConfig c, List<String> errors) {
        for (ConfigKey key : ConfigKey.values()) {
            key.range().ifPresent(range -> {
                if (key.get(c) instanceof Number value && !range.contains(value.longValue())) {
                    errors.add(key.key() + " " + range.requirement() + ", got " + value);
                }
            });
        }
        if (!isIpLiteral(c.bind())) {
            errors.add("bind must be an IPv4 or IPv6 address, got '" + c.bind() + "'");
        }
        if (c.procfs().isBlank()) {
            errors.add("procfs must not be empty");
        }
    }

    private static void checkLogging(ExporterConfig c, List<String> errors) {
        if (!LOG_LEVELS.contains(c.logLevel())) {
            errors.add("log_level must be one of off|error|warn|info|debug|trace, got '" + c.logLevel() + "'");
        }
        if (c.enableFileLogging() && (c.logFile() == null || c.logFile().isBlank())) {
            errors.add("enable_file_logging is true but log_file is not set");
        } else if (c.enableFileLogging()) {
            // --check-config should say what start-up would say: the file is created, its directory is not
            java.nio.file.Path dir = java.nio.file.Path.of(c.logFile()).toAbsolutePath().getParent();
            if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
                errors.add("cannot open log_file " + c.logFile() + ": directory does not exist");
            }
        }
    }

    /** An IPv4 dotted quad or an IPv6 literal (optionally with a zone); never a DNS lookup. */
    static boolean isIpLiteral(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
            return false;
        }
        // The zone (fe80::1%eth0) is checked by form only: whether the interface exists is the
        // bind's business, and the answer must not depend on the machine that validates.
        int zone = text.indexOf('%');
        String address = zone < 0 ? text : text.substring(0, zone);
        try {
            // A string containing ':' is parsed as an IPv6 literal, never looked up.
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
