/**
 * Configuration: records with upstream's defaults, YAML/JSON/TOML loading, flag/env overlay,
 * validation. Imports nothing of ours (Jackson allowed).
 *
 * <p>Entry points for the CLI:
 * <ul>
 *   <li>{@link io.herakles.procmem.config.ConfigResolver#resolve} (explicit {@code -c} path or null,
 *       {@code --no-config}, environment, {@link io.herakles.procmem.config.ConfigOverrides}) →
 *       {@link io.herakles.procmem.config.ResolvedConfig} (effective config, file used, its own values);</li>
 *   <li>{@link io.herakles.procmem.config.ConfigValidator#validate} / {@code firstError} / {@code requireValid};</li>
 *   <li>{@link io.herakles.procmem.config.ConfigRenderer}: {@code --show-config}, {@code --show-user-config},
 *       {@code --check-config} lines and the {@code config} subcommand body;</li>
 *   <li>{@link io.herakles.procmem.config.LoggingSetup#apply} for {@code log_level}, file logging and {@code --debug}.</li>
 * </ul>
 * Every user mistake is a {@link io.herakles.procmem.config.ConfigException} whose message is one
 * printable line. Search order of files: {@link io.herakles.procmem.config.ConfigSearchPaths}.
 */
package io.herakles.procmem.config;
