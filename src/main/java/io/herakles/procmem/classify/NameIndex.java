package io.herakles.procmem.classify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Name lookups, built once from the merged rules so that each lookup is a few hash probes.
 * In order of trust:
 * <ol>
 *   <li>the comm equals a pattern (upstream's only rule);</li>
 *   <li>a kernel thread {@code kworker/0:1}, {@code ksoftirqd/0}: the part before the first
 *       {@code /} equals a pattern;</li>
 *   <li>a pattern longer than the kernel's 15-byte comm: the basename of argv[0] equals it, or a
 *       15-byte comm equals its first 15 bytes ({@code clickhouse-serv});</li>
 *   <li>a pattern ending in {@code -} ({@code yb-}, {@code ossec-}) is a prefix of the comm (longest wins);</li>
 *   <li>the name equals a {@code cmdline_matches} entry literally: upstream put those among the
 *       names, so test-data files name processes {@code org.apache.catalina.startup.Bootstrap}.</li>
 * </ol>
 * Immutable, thread-safe.
 */
final class NameIndex {

    /** The kernel keeps 15 bytes of a process name (TASK_COMM_LEN 16 with the NUL). */
    static final int COMM_BYTES = 15;

    private record Prefix(String prefix, PatternOwner owner) {}

    private final Map<String, PatternOwner> exact;
    private final Map<String, PatternOwner> longNames = new HashMap<>();
    private final Map<String, PatternOwner> truncatedLongNames = new HashMap<>();
    private final Prefix[] prefixes;
    private final Map<String, PatternOwner> cmdlineLiterals;

    NameIndex(RuleSet rules) {
        this.exact = Map.copyOf(rules.namePatterns());
        this.cmdlineLiterals = Map.copyOf(rules.cmdlinePatterns());
        List<Prefix> prefixList = new ArrayList<>();
        // Definition order, so a later long name wins the shared truncated key.
        rules.namePatterns().forEach((pattern, owner) -> {
            if (utf8Length(pattern) > COMM_BYTES) {
                longNames.put(pattern, owner);
                truncatedLongNames.put(truncate(pattern), owner);
            }
            if (pattern.length() > 1 && pattern.endsWith("-")) {
                prefixList.add(new Prefix(pattern, owner));
            }
        });
        prefixes = prefixList.stream()
                .sorted(Comparator.comparingInt((Prefix p) -> p.prefix().length()).reversed())
                .toArray(Prefix[]::new);
    }

    /** The best name match, or null. */
    RuleMatch lookup(String name, String cmdline) {
        PatternOwner owner = exact.get(name);
        if (owner != null) {
            return RuleMatch.of(owner, "name = " + name);
        }
        RuleMatch match = kernelThread(name);
        if (match == null) {
            match = longName(name, cmdline);
        }
        if (match == null) {
            match = prefix(name);
        }
        if (match == null && (owner = cmdlineLiterals.get(name)) != null) {
            match = RuleMatch.of(owner, "name = " + name + " (cmdline pattern as name)");
        }
        return match;
    }

    private RuleMatch kernelThread(String name) {
        int slash = name.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String base = name.substring(0, slash);
        PatternOwner owner = exact.get(base);
        return owner == null ? null : RuleMatch.of(owner, "kernel thread " + base);
    }

    private RuleMatch longName(String name, String cmdline) {
        if (longNames.isEmpty()) {
            return null;
        }
        String argv0 = argv0Basename(cmdline);
        PatternOwner owner = longNames.get(argv0);
        if (owner != null) {
            return RuleMatch.of(owner, "argv0 = " + argv0);
        }
        owner = utf8Length(name) == COMM_BYTES ? truncatedLongNames.get(name) : null;
        return owner == null ? null : RuleMatch.of(owner, "name = " + name + " (truncated comm)");
    }

    private RuleMatch prefix(String name) {
        for (Prefix p : prefixes) {
            if (name.startsWith(p.prefix())) {
                return RuleMatch.of(p.owner(), "prefix " + p.prefix());
            }
        }
        return null;
    }

    /** The text after the last {@code /} of the first space-separated word ({@code ""} if none). */
    static String argv0Basename(String cmdline) {
        int end = cmdline.indexOf(' ');
        String argv0 = end < 0 ? cmdline : cmdline.substring(0, end);
        return argv0.substring(argv0.lastIndexOf('/') + 1);
    }

    /** The first 15 bytes as the kernel would keep them (a cut multi-byte character is dropped). */
    static String truncate(String pattern) {
        byte[] bytes = pattern.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= COMM_BYTES) {
            return pattern;
        }
        String cut = new String(Arrays.copyOf(bytes, COMM_BYTES), StandardCharsets.UTF_8);
        return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
    }

    private static int utf8Length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
