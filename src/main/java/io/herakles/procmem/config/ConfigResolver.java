package io.herakles.procmem.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the effective configuration. Precedence, highest first: command-line flags, environment
 * ({@code HERAKLES_<KEY>}), one configuration file, built-in defaults. Exactly one file is used:
 * {@code -c FILE} when given (an error if it does not exist), otherwise the first existing
 * candidate of {@link ConfigSearchPaths}; {@code --no-config} ignores every file (also {@code -c}).
 *
 * <p>A bracketed IPv6 {@code bind} ({@code "[::1]"}, which upstream required in files) is stored
 * without brackets. Validation is separate ({@link ConfigValidator}) because {@code --show-config}
 * prints even an invalid configuration. Immutable, safe to share.
 */
public final class ConfigResolver {

    private final ConfigSearchPaths paths;

    public ConfigResolver(ConfigSearchPaths paths) {
        this.paths = paths;
    }

    /** A resolver over the real working directory, home and {@code /etc}. */
    public static ConfigResolver forSystem() {
        return new ConfigResolver(ConfigSearchPaths.system());
    }

    /**
     * Resolves the effective configuration.
     *
     * @param explicitFile {@code -c FILE}, or null; relative paths resolve against the working directory
     * @param noConfig     {@code --no-config}
     * @param env          the environment, e.g. {@code System.getenv()}
     * @param flags        values from the command line
     * @throws ConfigException (one line, ready to print) for a missing {@code -c} file, a malformed
     *                         file, an unknown key, a wrong type or a bad environment value
     */
    public ResolvedConfig resolve(Path explicitFile, boolean noConfig, Map<String, String> env, ConfigOverrides flags) {
        List<Path> searched = noConfig || explicitFile != null ? List.of() : paths.candidates();
        Optional<ConfigFile> file = noConfig ? Optional.empty() : findFile(explicitFile, searched).map(ConfigFile::read);
        EnvironmentOverlay environment = EnvironmentOverlay.read(env);

        ExporterConfig.Builder builder = ExporterConfig.builder();
        file.ifPresent(f -> apply(builder, f.values()));
        apply(builder, environment.values());
        apply(builder, flags.values());
        ExporterConfig merged = builder.build();
        ExporterConfig config = merged.toBuilder().bind(withoutBrackets(merged.bind())).build();
        return new ResolvedConfig(config, file, searched, noConfig, environment.warnings());
    }

    private Optional<Path> findFile(Path explicitFile, List<Path> searched) {
        if (explicitFile != null) {
            Path path = paths.cwd().resolve(explicitFile);
            if (!Files.exists(path)) {
                throw new ConfigException("config file not found: " + explicitFile);
            }
            if (Files.isDirectory(path)) {
                throw new ConfigException("config file is a directory: " + explicitFile);
            }
            return Optional.of(path);
        }
        return searched.stream().filter(Files::isRegularFile).findFirst();
    }

    private static void apply(ExporterConfig.Builder builder, Map<ConfigKey, Object> values) {
        values.forEach((key, value) -> key.set(builder, value));
    }

    private static String withoutBrackets(String bind) {
        String b = bind.strip();
        return b.length() > 2 && b.startsWith("[") && b.endsWith("]") ? b.substring(1, b.length() - 1) : b;
    }
}
