/**
 * Classification rules (built-in resources, custom files) and matching by name and command-line
 * regex. May import {@code model} and {@code config} (and Jackson for TOML).
 * <p>
 * Loading ({@link io.herakles.procmem.classify.RuleLoader}): built-in {@code subgroups.toml}
 * (upstream's 127 entries, unchanged), built-in {@code workstation.toml} (desktop software, ours),
 * {@code /etc/herakles/subgroups.toml}, {@code ./subgroups.toml}; a pattern belongs to its last
 * definition. A bad custom file contributes nothing and leaves a one-line {@code file:line:}
 * message in {@link io.herakles.procmem.classify.RuleSet#errors()}, which callers treat as an error.
 * <p>
 * Matching ({@link io.herakles.procmem.classify.RuleClassifier}), first hit wins: a name match of
 * a specific rule (exact comm; kernel thread base name; long name via argv[0] or the 15-byte
 * truncated comm; {@code -} prefix), then a {@code cmdline_matches} regex found in the command
 * line (last defined first), then a name match of a launcher rule (groups {@code runtime} and
 * {@code shell}), else {@code other/unknown}. Then upstream's policy
 * ({@link io.herakles.procmem.classify.ClassificationPolicy}).
 * <p>
 * Reports for {@code /subgroups}, {@code subgroups} and {@code check}:
 * {@link io.herakles.procmem.classify.SubgroupReports}. Everything here is immutable and thread-safe.
 */
package io.herakles.procmem.classify;
