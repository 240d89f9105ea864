package io.herakles.procmem.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Upstream's disable_others / search_mode / normalisation. */
class ClassificationPolicyTest {

    private static final GroupKey POSTGRES = new GroupKey("db", "postgres");
    private static final GroupKey NGINX = new GroupKey("web", "nginx");
    private static final GroupKey UNKNOWN = ClassificationPolicy.UNCLASSIFIED;

    @Test
    void defaultsKeepEverythingAndNormaliseOther() {
        ClassificationPolicy p = policy(ExporterConfig.builder());
        assertThat(p.apply(POSTGRES)).contains(POSTGRES);
        assertThat(p.apply(UNKNOWN)).contains(GroupKey.OTHER);
        assertThat(p.apply(new GroupKey("OTHER", "custom"))).contains(GroupKey.OTHER);
    }

    @Test
    void disableOthersDropsOnlyTheExactRawGroupOther() {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.disableOthers(true);
        ClassificationPolicy p = policy(b);
        assertThat(p.apply(UNKNOWN)).isEmpty();
        assertThat(p.apply(POSTGRES)).contains(POSTGRES);
        assertThat(p.apply(new GroupKey("Other", "x"))).contains(GroupKey.OTHER);
    }

    @Test
    void includeKeepsListedGroupsOrSubgroups() {
        ClassificationPolicy p = policy(search("include", List.of("db"), List.of("nginx")));
        assertThat(p.apply(POSTGRES)).contains(POSTGRES);
        assertThat(p.apply(NGINX)).contains(NGINX);
        assertThat(p.apply(new GroupKey("web", "apache"))).isEmpty();
        assertThat(p.apply(UNKNOWN)).isEmpty();
        assertThat(policy(search("include", List.of("other"), List.of())).apply(UNKNOWN)).contains(GroupKey.OTHER);
    }

    @Test
    void excludeDropsListedGroupsOrSubgroupsAndSeesUnknownBeforeNormalisation() {
        ClassificationPolicy p = policy(search("exclude", List.of("db"), List.of("unknown")));
        assertThat(p.apply(POSTGRES)).isEmpty();
        assertThat(p.apply(UNKNOWN)).isEmpty();
        assertThat(p.apply(NGINX)).contains(NGINX);
        assertThat(policy(search("exclude", List.of(), List.of("other"))).apply(UNKNOWN)).contains(GroupKey.OTHER);
    }

    @Test
    void matchingIsExactAndOtherModesKeepEverything() {
        assertThat(policy(search("include", List.of("DB"), List.of())).apply(POSTGRES)).isEmpty();
        assertThat(policy(search("Include", List.of("web"), List.of())).apply(POSTGRES)).contains(POSTGRES);
    }

    @Test
    void classifierAppliesThePolicyButKeepsTheRule() {
        RuleClassifier c = new RuleClassifier(RuleLoader.upstreamOnly().load(),
                search("include", List.of("db"), List.of()).build());
        assertThat(c.classify("postgres", "")).map(Classification::rule)
                .contains("name = postgres (built-in subgroups.toml)");
        assertThat(c.classify("nginx", "")).isEqualTo(Optional.empty());
        assertThat(c.classify("mystery", "")).isEmpty();
    }

    private static ExporterConfig.Builder search(String mode, List<String> groups, List<String> subgroups) {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.searchMode(mode);
        b.searchGroups(groups);
        b.searchSubgroups(subgroups);
        return b;
    }

    private static ClassificationPolicy policy(ExporterConfig.Builder b) {
        return new ClassificationPolicy(b.build());
    }
}
