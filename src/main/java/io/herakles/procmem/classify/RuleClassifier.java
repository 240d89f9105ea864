package io.herakles.procmem.classify;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies by the merged rules, keeping the promises of upstream's README that its code does
 * not keep (docs/UPSTREAM.md#u3-command-line-rules-match-the-command-line,
 * docs/UPSTREAM.md#u4-long-names-prefixes-and-kernel-threads-match). Precedence, first hit wins:
 * <ol>
 *   <li>a name match ({@link NameIndex}: exact comm, kernel-thread base name, long name via argv[0]
 *       or the truncated comm, {@code -} prefix) of a <em>specific</em> rule;</li>
 *   <li>a {@code cmdline_matches} expression found in the command line, the last defined first;</li>
 *   <li>a name match of a <em>launcher</em> rule: groups {@value #RUNTIME_GROUP} and
 *       {@value #SHELL_GROUP}, whose names ({@code java}, {@code node}, {@code python3},
 *       {@code bash}) say only what runs the program. So {@code java ... org.apache.catalina
 *       .startup.Bootstrap} is {@code web/tomcat}, {@code node ... myapp-frontend} is the user's
 *       rule, and a plain {@code java -jar x.jar} stays {@code runtime/java};</li>
 *   <li>otherwise the raw pair {@code other/unknown}.</li>
 * </ol>
 * Why specific names beat command lines: a command line carries arguments, and
 * {@code vim catalina.sh} is an editor, not Tomcat. The raw pair then goes through
 * {@link ClassificationPolicy}. Everything is compiled in the constructor; a call is a few hash
 * probes plus, for unmatched and launcher processes, a scan of the command line.
 * Immutable, thread-safe.
 */
public final class RuleClassifier implements Classifier {

    /** Group of upstream's language runtimes; a launcher group. */
    public static final String RUNTIME_GROUP = "runtime";
    /** Group of the workstation rules' shells; a launcher group. */
    public static final String SHELL_GROUP = "shell";

    private static final Set<String> LAUNCHER_GROUPS = Set.of(RUNTIME_GROUP, SHELL_GROUP);

    private final RuleSet rules;
    private final NameIndex names;
    private final CmdlineIndex cmdlines;
    private final ClassificationPolicy policy;

    public RuleClassifier(RuleSet rules, ExporterConfig config) {
        this.rules = rules;
        this.names = new NameIndex(rules);
        this.cmdlines = new CmdlineIndex(rules);
        this.policy = new ClassificationPolicy(config);
    }

    /** The rules this classifier was built from. */
    public RuleSet rules() {
        return rules;
    }

    /** The policy of the configuration it was built with. */
    public ClassificationPolicy policy() {
        return policy;
    }

    @Override
    public Optional<Classification> classify(String name, String cmdline) {
        Classification raw = classifyRaw(name, cmdline);
        return policy.apply(raw.group()).map(key -> new Classification(key, raw.rule()));
    }

    /**
     * The raw classification before the policy: {@code other/unknown} with an empty rule when
     * nothing matched (what upstream's {@code test --verbose} prints).
     *
     * @param name    the process name (comm); null is treated as empty
     * @param cmdline the arguments joined by single spaces; null is treated as empty
     */
    public Classification classifyRaw(String name, String cmdline) {
        RuleMatch match = match(name == null ? "" : name, cmdline == null ? "" : cmdline);
        return match == null
                ? new Classification(ClassificationPolicy.UNCLASSIFIED, "")
                : new Classification(match.key(), match.rule());
    }

    private RuleMatch match(String name, String cmdline) {
        RuleMatch byName = names.lookup(name, cmdline);
        if (byName != null && !isLauncher(byName.key())) {
            return byName;
        }
        RuleMatch byCmdline = cmdlines.find(cmdline);
        return byCmdline != null ? byCmdline : byName;
    }

    private static boolean isLauncher(GroupKey key) {
        return LAUNCHER_GROUPS.contains(key.group());
    }
}
