package io.herakles.procmem.cli;

import io.herakles.procmem.config.ConfigFormat;
import io.herakles.procmem.config.ConfigRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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
            description = "Where to write (default herakles-proc-mem-exporter.yaml; - = standard output).")
    String output = "herakles-proc-mem-exporter.yaml";

    @Option(names = "--format", paramLabel = "FORMAT", description = "yaml|json|toml (default yaml).")
    String format = "yaml";

    @Option(names = "--commented", description = "Start with a comment block describing every key (YAML).")
    boolean commented;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Override
    public Integer call() {
        if (root.validConfig().isEmpty()) {
            return ExitCodes.FAILURE;
        }
        ConfigFormat f;
        try {
            f = ConfigFormat.parse(format);
        } catch (RuntimeException e) {
            throw new UserError("--format: " + e.getMessage());
        }
        String body = ConfigRenderer.defaults(f, commented);
        if ("-".equals(output)) {
            root.out.print(body);
            root.out.flush();
            return ExitCodes.OK;
        }
        writeFile(Path.of(output), body, force);
        root.out.println("✅ Configuration written to: " + output);
        return ExitCodes.OK;
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
            throw new UserError("cannot write " + path + ": " + e.getMessage());
        }
    }
}
