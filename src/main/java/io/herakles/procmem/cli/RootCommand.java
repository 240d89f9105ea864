package io.herakles.procmem.cli;

import io.herakles.procmem.config.ConfigException;
import io.herakles.procmem.config.ConfigFormat;
import io.herakles.procmem.config.ConfigOverrides;
import io.herakles.procmem.config.ConfigRenderer;
import io.herakles.procmem.config.ConfigResolver;
import io.herakles.procmem.config.ConfigValidator;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.config.LoggingSetup;
import io.herakles.procmem.config.ResolvedConfig;
import io.herakles.procmem.remote.RemoteTarget;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code herakles-proc-mem}: with a display and no headless flag it opens the desktop app; with
 * {@code --exporter} (or without a display, like upstream's default) it serves metrics; the
 * show/check flags and subcommands do their job and exit. The subcommands are added by
 * {@link Subcommands} (only those a command line can reach).
 */
@Command(name = CommandName.NAME,
        resourceBundle = "io.herakles.procmem.cli.ConfigDefaults",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Linux process-memory monitor: per-process RSS/PSS/USS and CPU, classified into groups.",
            "Opens the desktop app when a display exists; --exporter serves Prometheus metrics instead"
                    + " (the default without a display, as upstream's herakles-proc-mem-exporter)."},
        footer = {"", Footer.LINE})
final class RootCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Option(names = "--exporter", description = "Run headless: serve Prometheus metrics (no JavaFX is loaded).")
    boolean exporter;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Open the desktop app on a snapshot JSON file.")
    Path snapshot;

    @Option(names = "--connect", paramLabel = "URL", description = "Open the desktop app on another machine's"
            + " exporter (its /snapshot), e.g. https://server:9215; user:password@ in the URL is accepted.")
    String connect;

    @Option(names = "--connect-credentials", paramLabel = "FILE", description = "Basic-auth user and password for"
            + " --connect: one line user:password, in a file only you can read (refused otherwise).")
    Path connectCredentials;

    @Option(names = "--connect-ca-file", paramLabel = "FILE", description = "PEM CA certificate(s) that signed the"
            + " --connect server's certificate.")
    Path connectCaFile;

    @Option(names = "--connect-fingerprint", paramLabel = "SHA256", description = "Trust exactly the --connect"
            + " server certificate with this SHA-256 fingerprint (colons allowed), e.g. a self-signed one.")
    String connectFingerprint;

    @Option(names = "--prometheus", paramLabel = "URL", description = "Open the desktop app with the Fleet tab:"
            + " every host's memory from this Prometheus query API (see also the fleet subcommand).")
    String prometheus;

    @Option(names = "--prometheus-credentials", paramLabel = "FILE", description = "Basic-auth user and password"
            + " for --prometheus: one line user:password, in a file only you can read (refused otherwise).")
    Path prometheusCredentials;

    @Option(names = "--prometheus-ca-file", paramLabel = "FILE", description = "PEM CA certificate(s) that signed"
            + " the --prometheus server's certificate.")
    Path prometheusCaFile;

    @Option(names = "--prometheus-fingerprint", paramLabel = "SHA256", description = "Trust exactly the"
            + " --prometheus server certificate with this SHA-256 fingerprint (colons allowed).")
    String prometheusFingerprint;

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;
    /** The exporter or the desktop, run once picocli is done; null when the work is done here. */
    private Launch deferredLaunch;

    RootCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    Launch deferredLaunch() {
        return deferredLaunch;
    }

    @Override
    public Integer call() {
        if (global.checkConfig || global.showConfig || global.showUserConfig) {
            return showOrCheck();
        }
        Optional<ExporterConfig> config = validConfig();
        if (config.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        if (snapshot != null && !Files.isRegularFile(snapshot)) {
            throw new UserError("snapshot file not found: " + snapshot);
        }
        if (snapshot != null && (exporter || !hasDisplay())) {
            // --snapshot only means something to the window; serving live /proc instead would
            // silently answer a different question than the one asked
            throw new UserError("--snapshot opens the desktop app, " + (exporter ? "not the exporter"
                    : "which needs a display (DISPLAY/WAYLAND_DISPLAY unset)")
                    + "; to serve a snapshot file use --exporter -t " + snapshot);
        }
        RemoteTarget remote = connect == null ? null : RemoteTargets.fromOptions(connect, connectCredentials,
                connectCaFile, connectFingerprint);
        if (connect == null && (connectCredentials != null || connectCaFile != null || connectFingerprint != null)) {
            throw new UserError("--connect-credentials, --connect-ca-file and --connect-fingerprint need --connect URL");
        }
        if (prometheus == null && (prometheusCredentials != null || prometheusCaFile != null
                || prometheusFingerprint != null)) {
            throw new UserError("--prometheus-credentials, --prometheus-ca-file and --prometheus-fingerprint"
                    + " need --prometheus URL");
        }
        RemoteTarget fleet = prometheus == null ? null : RemoteTargets.fromOptions(prometheus, prometheusCredentials,
                prometheusCaFile, prometheusFingerprint);
        if ((remote != null || fleet != null) && (exporter || !hasDisplay())) {
            throw new UserError((remote != null ? "--connect" : "--prometheus") + " opens the desktop app, "
                    + (exporter ? "not the exporter"
                    : "which needs a display (DISPLAY/WAYLAND_DISPLAY unset)"));
        }
        if (exporter || !hasDisplay()) {
            if (!exporter) {
                err.println("No display found (DISPLAY/WAYLAND_DISPLAY unset): running as exporter."
                        + " Use --exporter to say so and silence this line.");
            }
            deferredLaunch = Launch.exporter(config.get());
            return ExitCodes.OK;
        }
        deferredLaunch = Launch.desktop(config.get(), snapshot, remote, fleet);
        return ExitCodes.OK;
    }

    private boolean hasDisplay() {
        return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Upstream order: --check-config wins, then --show-config, then --show-user-config. */
    private int showOrCheck() {
        ResolvedConfig resolved;
        try {
            resolved = resolve();
        } catch (ConfigException e) {
            err.println("❌ Configuration invalid: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (global.checkConfig) {
            Optional<String> error = ConfigValidator.firstError(resolved.config());
            (error.isPresent() ? err : out).println(ConfigRenderer.checkResult(error));
            return error.isPresent() ? ExitCodes.FAILURE : ExitCodes.OK;
        }
        ConfigFormat format = configFormat();
        out.print(global.showConfig
                ? ConfigRenderer.effective(resolved.config(), format)
                : ConfigRenderer.userConfig(resolved, format));
        out.flush();
        return ExitCodes.OK;
    }

    ConfigFormat configFormat() {
        return global.configFormat;
    }

    ResolvedConfig resolve() {
        Path explicit = global.configFile == null ? null : Path.of(global.configFile);
        return ConfigResolver.forSystem().resolve(explicit, global.noConfig, env, ConfigOverrides.of(global.overrides()));
    }

    /**
     * The effective, validated configuration, with logging set up from it; prints upstream's ❌ line
     * and returns empty when invalid. Logging is set up here, inside the same error handling, because
     * an unopenable {@code log_file} is a configuration mistake too (it used to escape as an exception
     * from the exporter's start-up), and so subcommands log one line per record like the exporter.
     */
    Optional<ExporterConfig> validConfig() {
        try {
            ResolvedConfig resolved = resolve();
            ExporterConfig c = resolved.config();
            Optional<String> error = ConfigValidator.firstError(c);
            if (error.isPresent()) {
                err.println(ConfigRenderer.checkResult(error));
                return Optional.empty();
            }
            // e.g. a misspelt HERAKLES_PROT: not an error (other tools share the prefix), but said
            resolved.warnings().forEach(w -> err.println("Warning: " + w));
            LoggingSetup.apply(c);
            return Optional.of(c);
        } catch (ConfigException e) {
            err.println("❌ Configuration invalid: " + e.getMessage());
            return Optional.empty();
        }
    }
}
