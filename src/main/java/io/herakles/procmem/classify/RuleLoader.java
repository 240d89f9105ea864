package io.herakles.procmem.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Loads the classification rules in upstream's order, later files overriding earlier ones:
 * the built-in {@code subgroups.toml} (upstream's data), the built-in {@code workstation.toml}
 * (desktop software, our addition), then {@code /etc/herakles/subgroups.toml}, then
 * {@code ./subgroups.toml}. Missing custom files are skipped quietly; a custom file that cannot be
 * read or parsed contributes nothing and leaves a one-line {@code file:line:} message in
 * {@link RuleSet#errors()}. That is an error, not a warning: a user's rules that silently stop
 * applying misclassify every process they were written for, so the headless commands refuse to
 * start ({@link RuleSet#firstError()}) and the desktop tells the user before running on
 * {@link #builtInOnly()}. Immutable; {@link #load()} may be called from any thread.
 */
public final class RuleLoader {

    /** Upstream's custom file locations, in loading order. */
    public static final List<Path> DEFAULT_CUSTOM_FILES =
            List.of(Path.of("/etc/herakles/subgroups.toml"), Path.of("subgroups.toml"));

    static final String UPSTREAM_RESOURCE = "subgroups.toml";
    static final String WORKSTATION_RESOURCE = "workstation.toml";

    private static final Logger LOG = Logger.getLogger(RuleLoader.class.getName());

    private final boolean workstationRules;
    private final List<Path> customFiles;

    private RuleLoader(boolean workstationRules, List<Path> customFiles) {
        this.workstationRules = workstationRules;
        this.customFiles = List.copyOf(customFiles);
    }

    /** Built-in upstream and workstation rules plus the two default custom file locations. */
    public static RuleLoader defaults() {
        return new RuleLoader(true, DEFAULT_CUSTOM_FILES);
    }

    /** Built-in upstream and workstation rules plus the given custom files (in loading order). */
    public static RuleLoader withCustomFiles(List<Path> customFiles) {
        return new RuleLoader(true, customFiles);
    }

    /**
     * Any combination, e.g. for a future switch that turns the workstation rules off.
     *
     * @param workstationRules load the built-in {@code workstation.toml} after upstream's rules
     * @param customFiles      custom files in loading order (later wins); missing ones are skipped
     */
    public static RuleLoader of(boolean workstationRules, List<Path> customFiles) {
        return new RuleLoader(workstationRules, customFiles);
    }

    /** The built-in upstream and workstation rules, no custom file: what runs when a custom file is broken. */
    public static RuleLoader builtInOnly() {
        return new RuleLoader(true, List.of());
    }

    /** Upstream's built-in rules only: no workstation rules, no custom files (upstream's numbers). */
    public static RuleLoader upstreamOnly() {
        return new RuleLoader(false, List.of());
    }

    /** Reads every source now; never throws for a bad custom file. */
    public RuleSet load() {
        List<RuleSource> sources = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        sources.add(builtIn(UPSTREAM_RESOURCE));
        if (workstationRules) {
            sources.add(builtIn(WORKSTATION_RESOURCE));
        }
        for (Path file : customFiles) {
            try {
                readCustom(file).ifPresent(source -> {
                    sources.add(source);
                    LOG.info(() -> "Loaded additional subgroups from " + file);
                });
            } catch (RuleFileException e) {
                errors.add(e.getMessage());
            }
        }
        return RuleSet.of(sources, errors);
    }

    /** The built-in rules are part of the program: a broken one is a build defect, so it throws. */
    static RuleSource builtIn(String resource) {
        try (InputStream in = RuleLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in rules missing: " + resource);
            }
            return BuiltInRuleReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "built-in " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Optional<RuleSource> readCustom(Path file) throws RuleFileException {
        String text;
        try {
            // Lenient decoding: a stray byte in a comment should not lose the whole file.
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new RuleFileException(file + ": cannot read subgroups file: " + describe(e));
        }
        return java.util.Optional.of(RuleFileParser.parse(text, file.toString()));
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null || e instanceof java.nio.file.FileSystemException
                ? kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                : e.getMessage();
    }
}
