package io.herakles.procmem.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link ConfigResolver#resolve}: the effective configuration and where it came
 * from. Immutable.
 *
 * @param config   effective configuration (defaults < file < environment < flags); not yet validated
 * @param file     the file used, or empty (none found, or {@code --no-config})
 * @param searched the candidates looked at when no {@code -c} was given (empty otherwise)
 * @param noConfig whether {@code --no-config} suppressed every file
 * @param warnings one-line warnings for the log (unknown {@code HERAKLES_*} variables)
 */
public record ResolvedConfig(ExporterConfig config, Optional<ConfigFile> file, List<Path> searched,
        boolean noConfig, List<String> warnings) {

    public ResolvedConfig {
        searched = List.copyOf(searched);
        warnings = List.copyOf(warnings);
    }

    /** Path of the file used, or empty. */
    public Optional<Path> filePath() {
        return file.map(ConfigFile::path);
    }

    /** Only the values the file itself set, by canonical key name in key order (empty without a file). */
    public Map<String, Object> fileValues() {
        return file.map(ConfigFile::valuesByName).orElse(Map.of());
    }
}
