package io.herakles.procmem.classify;

import java.util.Optional;

/**
 * Puts a process into a group/subgroup. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface Classifier {

    /**
     * Classifies one process.
     *
     * @param name    the process name (comm)
     * @param cmdline the command line, arguments joined by single spaces (may be empty)
     * @return the exported classification ({@code other/other} when no rule matched), or empty when
     *         the configuration drops the process ({@code disable_others}, {@code search_mode})
     */
    Optional<Classification> classify(String name, String cmdline);
}
