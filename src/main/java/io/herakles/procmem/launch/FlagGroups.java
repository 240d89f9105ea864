package io.herakles.procmem.launch;

import java.util.Locale;

/**
 * Which setting a JVM option sets, so that a tuned flag is left out when the user already chose that
 * setting in any spelling ({@code -Xmx} and {@code -XX:MaxHeapSize=}, any collector, ...). Settings
 * that only make sense together share one group: a user's {@code -Xms1g} must not meet our
 * {@code -Xmx64m} (the JVM would refuse to start), nor a user's {@code MinHeapFreeRatio=40} our
 * {@code MaxHeapFreeRatio=30}.
 */
final class FlagGroups {
    private FlagGroups() {}

    static final String HEAP_SIZE = "heap size";
    static final String HEAP_FREE_RATIO = "heap free ratio";
    static final String COLLECTOR = "garbage collector";
    static final String THREAD_STACK = "thread stack size";
    static final String JIT = "JIT compilers";

    /** The group of {@code option}; options we do not tune get a group of their own (their name). */
    static String of(String option) {
        if (option.startsWith("-Xmx") || option.startsWith("-Xms") || option.startsWith("-Xmn")) {
            return HEAP_SIZE;
        }
        if (option.startsWith("-Xss")) {
            return THREAD_STACK;
        }
        if (option.equals("-Xint") || option.equals("-Xcomp")) {
            return JIT;
        }
        if (option.startsWith("-Xshare")) {
            return "-Xshare";
        }
        if (option.startsWith("-D")) {
            return "-D" + upTo(option.substring(2), '=');
        }
        if (option.startsWith("-XX:")) {
            return ofXX(xxName(option.substring(4)));
        }
        return upTo(option, '=');
    }

    private static String ofXX(String name) {
        switch (name) {
            case "MaxHeapSize", "InitialHeapSize", "MinHeapSize", "NewSize", "MaxNewSize", "MaxRAM",
                    "MaxRAMPercentage", "InitialRAMPercentage", "MinRAMPercentage", "MaxRAMFraction",
                    "InitialRAMFraction", "MinRAMFraction":
                return HEAP_SIZE;
            case "MinHeapFreeRatio", "MaxHeapFreeRatio":
                return HEAP_FREE_RATIO;
            case "ThreadStackSize":
                return THREAD_STACK;
            case "TieredStopAtLevel", "TieredCompilation", "CompileThreshold":
                return JIT;
            default:
                break;
        }
        if (name.startsWith("Tier")) {
            // compile thresholds belong with the compilers: a user's -XX:-TieredCompilation or
            // -Xint makes ours meaningless, and a user's own threshold must not meet ours
            return JIT;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("use") && lower.endsWith("gc")) {
            return COLLECTOR;
        }
        return "-XX:" + name;
    }

    /** {@code +Name}, {@code -Name}, {@code Name=value} → {@code Name}. */
    private static String xxName(String rest) {
        String name = rest.startsWith("+") || rest.startsWith("-") ? rest.substring(1) : rest;
        return upTo(name, '=');
    }

    private static String upTo(String s, char end) {
        int i = s.indexOf(end);
        return i < 0 ? s : s.substring(0, i);
    }
}
