package io.herakles.procmem.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching: names, command lines, truncated comms, prefixes, kernel threads, precedence. */
class RuleClassifierTest {

    private static final RuleClassifier UPSTREAM =
            new RuleClassifier(RuleLoader.upstreamOnly().load(), ExporterConfig.defaults());

    @Test
    void exactNameIsCaseSensitive() {
        Classification c = UPSTREAM.classifyRaw("postgres", "postgres -D /var/lib/postgresql");
        assertThat(c.group()).isEqualTo(new GroupKey("db", "postgres"));
        assertThat(c.rule()).isEqualTo("name = postgres (built-in subgroups.toml)");
        assertThat(raw("Postgres", "")).isEqualTo(ClassificationPolicy.UNCLASSIFIED);
        assertThat(raw("stats collector", "")).isEqualTo(new GroupKey("db", "postgres"));
    }

    @Test
    void unmatchedIsOtherUnknownWithoutRuleAndNullsAreEmpty() {
        assertThat(UPSTREAM.classifyRaw("no-such-daemon", "/usr/bin/no-such-daemon --flag"))
                .isEqualTo(new Classification(ClassificationPolicy.UNCLASSIFIED, ""));
        assertThat(UPSTREAM.classifyRaw(null, null).group()).isEqualTo(ClassificationPolicy.UNCLASSIFIED);
        assertThat(UPSTREAM.classify("no-such-daemon", "")).contains(new Classification(GroupKey.OTHER, ""));
    }

    @Test
    void cmdlineMatchesAreSearchedInTheCommandLine() {
        String tomcat = "/usr/lib/jvm/java-17/bin/java -Djava.util.logging.config.file=/opt/tomcat/conf/logging.properties"
                + " -classpath /opt/tomcat/bin/bootstrap.jar:/opt/tomcat/bin/tomcat-juli.jar"
                + " org.apache.catalina.startup.Bootstrap start";
        Classification c = UPSTREAM.classifyRaw("java", tomcat);
        assertThat(c.group()).isEqualTo(new GroupKey("web", "tomcat"));
        assertThat(c.rule()).isEqualTo("cmdline ~ org.apache.catalina.startup.Bootstrap (built-in subgroups.toml)");
        assertThat(raw("java", "java -jar /srv/app.jar")).isEqualTo(new GroupKey("runtime", "java"));
        assertThat(raw("java", "java -cp x org.eclipse.jetty.start.Main")).isEqualTo(new GroupKey("web", "jetty"));
        assertThat(raw("wazuh-agentd", "/var/ossec/bin/wazuh-agentd")).isEqualTo(new GroupKey("security", "wazuh"));
        assertThat(raw("sh", "/bin/sh /opt/tomcat/bin/catalina.sh run")).isEqualTo(new GroupKey("web", "tomcat"));
    }

    @Test
    void cmdlineMatchesAreRealRegularExpressionsAsUpstreamsReadmeShows() {
        RuleClassifier c = classifier(
                def("runtime", "nodejs", List.of("node"), List.of()),
                def("myapp", "frontend", List.of(), List.of("node.*myapp-frontend")));
        assertThat(c.classifyRaw("node", "node /srv/myapp-frontend/server.js").group())
                .isEqualTo(new GroupKey("myapp", "frontend"));
        assertThat(c.classifyRaw("node", "node /srv/other/server.js").group())
                .isEqualTo(new GroupKey("runtime", "nodejs"));
        assertThat(c.classifyRaw("node", "myapp-frontend then node").group())
                .isEqualTo(new GroupKey("runtime", "nodejs"));
    }

    @Test
    void cmdlinePatternsStillMatchAsNamesForUpstreamTestData() {
        Classification c = UPSTREAM.classifyRaw("org.apache.catalina.startup.Bootstrap", "");
        assertThat(c.group()).isEqualTo(new GroupKey("web", "tomcat"));
        assertThat(c.rule()).contains("cmdline pattern as name");
    }

    @Test
    void longNamesMatchTheTruncatedCommAndArgv0() {
        assertThat(UPSTREAM.classifyRaw("victoria-metric", "").rule())
                .isEqualTo("name = victoria-metric (truncated comm) (built-in subgroups.toml)");
        assertThat(raw("victoria-metric", "")).isEqualTo(new GroupKey("monitoring", "victoriametrics"));
        assertThat(raw("percona-xtradb-", "")).isEqualTo(new GroupKey("db", "percona"));
        assertThat(raw("cohesity-servic", "")).isEqualTo(new GroupKey("backup", "cohesity"));
        assertThat(raw("blackbox_export", "/usr/bin/blackbox_exporter --config.file=b.yml"))
                .isEqualTo(new GroupKey("monitoring", "blackbox"));
        assertThat(raw("couchbase-serve", "")).isEqualTo(new GroupKey("db", "couchbase"));
        // Not truncated (shorter than 15 bytes): no prefix matching sneaks in.
        assertThat(raw("victoria-metri", "")).isEqualTo(ClassificationPolicy.UNCLASSIFIED);
        Classification byArgv0 = UPSTREAM.classifyRaw("vm-main", "/opt/vm/victoria-metrics -retentionPeriod=1");
        assertThat(byArgv0.group()).isEqualTo(new GroupKey("monitoring", "victoriametrics"));
        assertThat(byArgv0.rule()).startsWith("argv0 = victoria-metrics");
    }

    @Test
    void patternsEndingInDashArePrefixes() {
        assertThat(raw("yb-master", "")).isEqualTo(new GroupKey("db", "yugabyte"));
        assertThat(raw("yb-tserver", "")).isEqualTo(new GroupKey("db", "yugabyte"));
        assertThat(UPSTREAM.classifyRaw("yb-tserver", "").rule()).isEqualTo("prefix yb- (built-in subgroups.toml)");
        assertThat(raw("ossec-analysisd", "")).isEqualTo(new GroupKey("security", "wazuh"));
        assertThat(raw("zeek-cut", "")).isEqualTo(new GroupKey("security", "zeek"));
        assertThat(raw("ybmaster", "")).isEqualTo(ClassificationPolicy.UNCLASSIFIED);
        assertThat(raw("myb-master", "")).isEqualTo(ClassificationPolicy.UNCLASSIFIED);
    }

    @Test
    void longestPrefixWins() {
        RuleClassifier c = classifier(def("a", "short", List.of("app-"), List.of()),
                def("a", "long", List.of("app-worker-"), List.of()));
        assertThat(c.classifyRaw("app-worker-1", "").group()).isEqualTo(new GroupKey("a", "long"));
        assertThat(c.classifyRaw("app-web", "").group()).isEqualTo(new GroupKey("a", "short"));
    }

    @Test
    void kernelThreadsMatchTheirBaseName() {
        GroupKey kernel = new GroupKey("system", "kernel");
        assertThat(raw("kworker/0:1", "")).isEqualTo(kernel);
        assertThat(raw("kworker/u8:2-events_unbound", "")).isEqualTo(kernel);
        assertThat(raw("ksoftirqd/0", "")).isEqualTo(kernel);
        assertThat(raw("migration/3", "")).isEqualTo(kernel);
        assertThat(raw("kthreadd", "")).isEqualTo(kernel);
        assertThat(UPSTREAM.classifyRaw("ksoftirqd/0", "").rule()).startsWith("kernel thread ksoftirqd");
        assertThat(raw("kfoo/0", "")).isEqualTo(ClassificationPolicy.UNCLASSIFIED);
    }

    @Test
    void specificNamesBeatCommandLinesAndCommandLinesBeatLaunchers() {
        RuleClassifier c = classifier(
                def("web", "tomcat", List.of(), List.of("catalina\\.sh")),
                def("editor", "vim", List.of("vim"), List.of()),
                def("shell", "bash", List.of("bash"), List.of()));
        assertThat(c.classifyRaw("vim", "vim /opt/tomcat/bin/catalina.sh").group())
                .isEqualTo(new GroupKey("editor", "vim"));
        assertThat(c.classifyRaw("bash", "/bin/bash /opt/tomcat/bin/catalina.sh run").group())
                .isEqualTo(new GroupKey("web", "tomcat"));
        assertThat(c.classifyRaw("bash", "-bash").group()).isEqualTo(new GroupKey("shell", "bash"));
    }

    @Test
    void theLastDefinedCommandLineExpressionWins() {
        RuleClassifier c = classifier(
                def("ide", "intellij", List.of(), List.of("com\\.intellij\\.idea\\.Main")),
                def("ide", "pycharm", List.of(), List.of("idea\\.platform\\.prefix=Python")));
        String pycharm = "java -Didea.platform.prefix=Python -cp lib/app.jar com.intellij.idea.Main";
        assertThat(c.classifyRaw("java", pycharm).group()).isEqualTo(new GroupKey("ide", "pycharm"));
        assertThat(c.classifyRaw("java", "java com.intellij.idea.Main").group())
                .isEqualTo(new GroupKey("ide", "intellij"));
    }

    @Test
    void expressionsWithoutAProvableLiteralStillMatch() {
        RuleClassifier c = classifier(def("browser", "chrome", List.of(), List.of("(^|/)chrome .*--type=(renderer|gpu-process)")));
        assertThat(c.classifyRaw("x", "/opt/google/chrome/chrome --type=renderer --lang=en").group())
                .isEqualTo(new GroupKey("browser", "chrome"));
        assertThat(c.classifyRaw("x", "/opt/google/chrome/chrome --type=utility").group())
                .isEqualTo(ClassificationPolicy.UNCLASSIFIED);
    }

    private static GroupKey raw(String name, String cmdline) {
        return UPSTREAM.classifyRaw(name, cmdline).group();
    }

    static RuleDefinition def(String group, String subgroup, List<String> names, List<String> cmdlines) {
        return new RuleDefinition(new GroupKey(group, subgroup), names, cmdlines);
    }

    private static RuleClassifier classifier(RuleDefinition... definitions) {
        return new RuleClassifier(RuleSet.of(List.of(new RuleSource("test", new ArrayList<>(List.of(definitions))))),
                ExporterConfig.defaults());
    }
}
