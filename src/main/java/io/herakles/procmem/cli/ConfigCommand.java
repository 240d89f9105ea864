package io.herakles.procmem.cli;

import io.herakles.procmem.config.ConfigFormat;
import io.herakles.procmem.config.ConfigRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code config}: writes the built-in defaults as a config file; never overwrites without --force. */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write a configuration file with the built-in defaults.")
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH|-",
            description = "Where to write (default herakles-proc-mem-exporter.yaml, .json or .toml by --format;"
                    + " - = standard output).")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "yaml|json|toml (default yaml).")
    ConfigFormat format = ConfigFormat.YAML;

    @Option(names = "--commented", description = "Start with a comment block describing every key (YAML).")
    boolean commented;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Override
    public Integer call() {
        if (root.validConfig().isEmpty()) {
            return ExitCodes.FAILURE;
        }
        ConfigFormat f = format;
        String body = ConfigRenderer.defaults(f, commented);
        // the loader picks the format by extension, so the default name follows --format (upstream
        // always wrote .yaml: 'config --format toml' left a file that broke every later start)
        String output = this.output != null ? this.output : "herakles-proc-mem-exporter." + f.id();
        if (!"-".equals(output) && !loadsAs(Path.of(output), f)) {
            throw new UserError(output + " would be read back as " + ConfigFormat.ofPath(Path.of(output)).id()
                    + " (config files are read by extension): name it *." + f.id() + " or drop --format");
        }
        if ("-".equals(output)) {
            root.out.print(body);
            root.out.flush();
            return ExitCodes.OK;
        }
        writeFile(Path.of(output), body, force);
        root.out.println("✅ Configuration written to: " + output);
        return ExitCodes.OK;
    }

    /** Whether a file at {@code path} in {@code format} is read back correctly (JSON is also YAML). */
    private static boolean loadsAs(Path path, ConfigFormat format) {
        ConfigFormat byExtension = ConfigFormat.ofPath(path);
        return byExtension == format || (format == ConfigFormat.JSON && byExtension == ConfigFormat.YAML);
    }

    /** Writes {@code body}; an existing file is kept unless {@code force}. Shared with generate-testdata. */
    static void writeFile(Path path, String body, boolean force) {
        try {
            if (force) {
                Files.writeString(path, body, StandardCharsets.UTF_8);
            } else {
                Files.writeString(path, body, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserError(path + " already exists; use --force to overwrite it");
        } catch (IOException e) {
            throw new UserError("cannot write " + path + ": " + reason(e));
        }
    }

    /**
     * Why a write failed, in words: the JDK's file exceptions carry only the path as their message
     * ("cannot write /x/y: /x/y" says nothing), the reason is in the type or {@code getReason()}.
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }
}
