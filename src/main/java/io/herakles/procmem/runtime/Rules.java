package io.herakles.procmem.runtime;

import io.herakles.procmem.classify.RuleLoader;
import io.herakles.procmem.classify.RuleSet;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The classification rules a run uses (built-in, workstation and custom), and why the user's own
 * are not among them when a custom file is broken. Immutable.
 */
public final class Rules {

    private static final Logger LOG = Logger.getLogger(Rules.class.getName());

    private final RuleSet set;
    private final Optional<String> problem;

    private Rules(RuleSet set, Optional<String> problem) {
        this.set = Objects.requireNonNull(set, "set");
        this.problem = problem;
    }

    /**
     * For headless commands: a custom file that cannot be read or parsed stops start-up with its
     * {@code file:line:} message. Running on without the user's rules would misclassify every
     * process they were written for, and nobody reads a warning in a service log.
     */
    public static Rules strict() {
        RuleSet loaded = RuleLoader.defaults().load();
        loaded.firstError().ifPresent(e -> {
            throw new StartupException(e);
        });
        return new Rules(loaded, Optional.empty());
    }

    /**
     * For the desktop: a broken custom file leaves the built-in rules only, and {@link #problem()}
     * says why, so the window can show it before the user reads any figure.
     */
    public static Rules showingProblems() {
        RuleSet loaded = RuleLoader.defaults().load();
        Optional<String> problem = loaded.firstError();
        problem.ifPresent(e -> LOG.severe(e + " (running on the built-in rules)"));
        return new Rules(usable(loaded), problem);
    }

    /**
     * All of the loaded rules, or only the built-in ones when a custom file is broken (a
     * half-applied set of the user's rules would be worse than none).
     */
    public static RuleSet usable(RuleSet loaded) {
        return loaded.errors().isEmpty() ? loaded : RuleLoader.builtInOnly().load();
    }

    public RuleSet set() {
        return set;
    }

    /** The {@code file:line:} message of the custom file that is not in use; empty when all loaded. */
    public Optional<String> problem() {
        return problem;
    }
}
