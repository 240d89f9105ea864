package io.herakles.procmem.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in upstream data gives upstream's effective result (its counts of patterns and subgroups). */
class UpstreamRulesTest {

    private static final RuleSource UPSTREAM = RuleLoader.builtIn(RuleLoader.UPSTREAM_RESOURCE);
    private static final RuleSet RULES = RuleLoader.upstreamOnly().load();
    private static final RuleClassifier CLASSIFIER = new RuleClassifier(RULES, ExporterConfig.defaults());

    @Test
    void holdsAllOfUpstreamsEntriesInOrder() {
        List<RuleDefinition> entries = UPSTREAM.definitions();
        assertThat(entries).hasSize(127);
        assertThat(entries.get(0).key()).isEqualTo(new GroupKey("backup", "bacula"));
        assertThat(entries.get(9).key()).isEqualTo(new GroupKey("cache", "memcached"));
        assertThat(entries.get(123).key()).isEqualTo(new GroupKey("web", "tomcat"));
        assertThat(entries.get(126)).isEqualTo(
                new RuleDefinition(new GroupKey("other", "unknown"), List.of(), List.of()));
        long patternStrings = entries.stream()
                .mapToLong(d -> d.matches().size() + d.cmdlineMatches().size()).sum();
        assertThat(patternStrings).isEqualTo(279);
    }

    @Test
    void spreadsArraysOverSeveralLinesInsideInlineTablesAsUpstreamDoes() throws IOException {
        String text;
        try (InputStream in = RuleLoader.class.getResourceAsStream(RuleLoader.UPSTREAM_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).contains("{ group = \"db\", subgroup = \"oracle\", matches = [\n");
    }

    @Test
    void effectiveCountsAreUpstreams() {
        assertThat(RULES.errors()).isEmpty();
        assertThat(RULES.definedGroupCount()).isEqualTo(17);
        assertThat(RULES.patternCount()).isEqualTo(274);
        assertThat(RULES.subgroupCount()).isEqualTo(124);
        assertThat(RULES.groupCount()).isEqualTo(16);
        assertThat(RULES.effectiveGroups()).doesNotContain("other").contains("backup", "web");
    }

    @Test
    void deadSubgroupsHaveNoPatternsLeft() {
        assertThat(RULES.effectiveRules()).extracting(EffectiveRule::key)
                .doesNotContain(new GroupKey("cache", "memcached"), new GroupKey("backup", "spectrum_protect"),
                        new GroupKey("other", "unknown"))
                .contains(new GroupKey("cache", "redis"), new GroupKey("backup", "tsm"));
    }

    @Test
    void overriddenPatternsMoveToTheirLastDefinition() {
        assertThat(raw("memcached")).isEqualTo(new GroupKey("db", "couchbase"));
        assertThat(raw("beam.smp")).isEqualTo(new GroupKey("messaging", "rabbitmq"));
        assertThat(raw("auditd")).isEqualTo(new GroupKey("system", "audit"));
        assertThat(raw("dsmcad")).isEqualTo(new GroupKey("backup", "tsm"));
        assertThat(raw("dsmsched")).isEqualTo(new GroupKey("backup", "tsm"));
    }

    /** Upstream's algorithm, literally: one map, each entry's patterns put in file order. */
    @Test
    void everyPatternResolvesAsUpstreamsMap() {
        Map<String, GroupKey> upstreamMap = new HashMap<>();
        for (RuleDefinition d : UPSTREAM.definitions()) {
            d.matches().forEach(p -> upstreamMap.put(p, d.key()));
            d.cmdlineMatches().forEach(p -> upstreamMap.put(p, d.key()));
        }
        assertThat(upstreamMap).hasSize(274);
        upstreamMap.forEach((pattern, key) ->
                assertThat(raw(pattern)).as("name %s", pattern).isEqualTo(key));
    }

    @Test
    void effectiveRulesKeepDefinitionOrder() {
        List<EffectiveRule> rules = RULES.effectiveRules();
        assertThat(rules.get(0)).isEqualTo(new EffectiveRule(new GroupKey("backup", "bacula"),
                List.of("bacula-dir", "bacula-sd", "bacula-fd"), List.of()));
        assertThat(rules).filteredOn(r -> r.key().equals(new GroupKey("web", "tomcat"))).singleElement()
                .isEqualTo(new EffectiveRule(new GroupKey("web", "tomcat"), List.of("tomcat"),
                        List.of("org.apache.catalina.startup.Bootstrap", "catalina.sh")));
        assertThat(rules.get(rules.size() - 1).key()).isEqualTo(new GroupKey("web", "websphere"));
    }

    private static GroupKey raw(String name) {
        return CLASSIFIER.classifyRaw(name, "").group();
    }
}
