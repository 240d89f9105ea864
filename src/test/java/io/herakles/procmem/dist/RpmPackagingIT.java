package io.herakles.procmem.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.dist.AlertRulesTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The two {@code .rpm} files that {@code mvn -Pdist package} builds where {@code rpmbuild} exists,
 * read with {@code rpm -qp}: the same files as the {@code .deb}s and scriptlets that create the
 * service user and manage the unit. Disabled without the {@code dist} profile; fails (rather than
 * skips) when the profile ran but no rpm was built on a machine that has rpmbuild.
 */
@EnabledIfSystemProperty(named = "herakles.dist.dir", matches = ".+", disabledReason = "needs mvn -Pdist")
class RpmPackagingIT {

    static final Path DIST = ServerImagePackagingIT.DIST;

    @Test
    void serverRpmHasTheSameFilesAsTheDebAndAConfigFile() throws Exception {
        Path rpm = rpm("herakles-proc-mem-server-");

        assertThat(rpmQuery("-qpl", rpm)).contains("/opt/herakles-proc-mem-server/bin/herakles-proc-mem",
                "/usr/bin/herakles-proc-mem", "/usr/lib/systemd/system/herakles-proc-mem.service",
                "/usr/share/man/man1/herakles-proc-mem.1.gz", "/usr/share/bash-completion/completions/herakles-proc-mem",
                "/etc/herakles/config.yaml").doesNotContain("DEBIAN", "javafx");
        assertThat(rpmQuery("-qpc", rpm).strip()).isEqualTo("/etc/herakles/config.yaml");
    }

    @Test
    void serverRpmScriptletsCreateTheUserAndManageTheService() throws Exception {
        String scripts = rpmQuery("-qp", rpm("herakles-proc-mem-server-"), "--scripts");

        assertThat(scripts).contains("useradd -r -g herakles", "systemctl enable --now herakles-proc-mem.service",
                "systemctl disable --now herakles-proc-mem.service").doesNotContain("@");
    }

    @Test
    void desktopRpmHasTheLauncherAndDesktopEntry() throws Exception {
        String files = rpmQuery("-qpl", rpm("herakles-proc-mem-0"));

        assertThat(files).contains("/opt/herakles-proc-mem/bin/herakles-proc-mem",
                "/opt/herakles-proc-mem/lib/share/man/man1/herakles-proc-mem.1.gz");
        assertThat(files).containsPattern("/opt/herakles-proc-mem/lib/herakles-proc-mem-herakles-proc-mem\\.desktop");
    }

    private static Path rpm(String prefix) throws IOException {
        assertThat(onPath("rpmbuild")).as("rpmbuild (Debian package 'rpm') is needed to build the .rpm files").isTrue();
        try (Stream<Path> files = Files.list(DIST)) {
            List<Path> rpms = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".rpm")).toList();
            assertThat(rpms).as("%s*.rpm in %s", prefix, DIST).hasSize(1);
            return rpms.get(0);
        }
    }

    private static String rpmQuery(String flags, Path rpm, String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("rpm", flags, rpm.toString()));
        command.addAll(List.of(more));
        Result result = AlertRulesTest.run(command);
        assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.output()).isZero();
        return result.output();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
