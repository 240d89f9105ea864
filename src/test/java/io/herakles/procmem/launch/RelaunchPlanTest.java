package io.herakles.procmem.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelaunchPlanTest {

    private static final Path STARTED = Path.of("/tmp/started");
    private static final String JAVA = "/usr/lib/jvm/java-17/bin/java";

    private final Map<String, String> env = new HashMap<>(Map.of("DISPLAY", ":0"));
    private final Map<String, String> props = new HashMap<>();

    private RelaunchPlan plan(List<String> jvmOptions, List<String> commandLine, String... appArgs) {
        return RelaunchPlan.decide(new RelaunchPlan.Start(env, props, jvmOptions, Optional.of(JAVA),
                Optional.of(commandLine), List.of(appArgs)));
    }

    @Test
    void aPlainStartPutsTheTunedFlagsBeforeTheUsersCommandLine() {
        RelaunchPlan p = plan(List.of(), List.of("-jar", "h.jar", "--port", "1"), "--port", "1");
        assertThat(p.relaunches()).isTrue();
        List<String> expected = new java.util.ArrayList<>(List.of(JAVA, RelaunchPlan.IGNORE_UNRECOGNIZED));
        expected.addAll(TunedFlags.DESKTOP);
        expected.addAll(List.of("-Dherakles.relaunched=true", "-jar", "h.jar", "--port", "1"));
        assertThat(p.command()).containsExactlyElementsOf(expected);
        assertThat(p.spawnCommand(4242, STARTED)).as("a waiting launcher's child also learns whom to watch")
                .containsSubsequence("-Dherakles.relaunched=true", "-Dherakles.launcher.pid=4242",
                        "-Dherakles.launcher.started=" + STARTED, "-jar", "h.jar", "--port", "1");
        List<String> probe = new java.util.ArrayList<>(expected.subList(0, expected.indexOf("-Dherakles.relaunched=true")));
        probe.add("-version");
        assertThat(p.versionProbe()).containsExactlyElementsOf(probe);
        assertThat(p.addedFlags()).containsExactlyElementsOf(TunedFlags.DESKTOP);
    }

    @Test
    void oneShotCommandsGetTheOneShotSetAndLongRunningOnesTheirOwn() {
        for (String command : List.of("diff", "leaks", "fleet", "check")) {
            assertThat(plan(List.of(), List.of("-jar", "h.jar", command, "a"), command, "a").addedFlags()).as(command)
                    .containsExactlyElementsOf(TunedFlags.oneShot());
        }
        assertThat(plan(List.of(), List.of("-jar", "h.jar", "record", "-o", "f"), "record", "-o", "f").addedFlags())
                .containsExactlyElementsOf(TunedFlags.DESKTOP);
        assertThat(plan(List.of(), List.of("-jar", "h.jar", "--exporter", "diff"), "--exporter", "diff").addedFlags())
                .as("only as the command itself").containsExactlyElementsOf(TunedFlags.EXPORTER);
    }

    @Test
    void oneShotRunsAskForHugePagesOnlyWhereTheKernelGivesThem() {
        assertThat(TunedFlags.oneShot("always [madvise] never\n")).endsWith(TunedFlags.HUGE_PAGES)
                .startsWith(TunedFlags.ONE_SHOT.toArray(String[]::new));
        assertThat(TunedFlags.oneShot("[always] madvise never\n")).contains(TunedFlags.HUGE_PAGES);
        assertThat(TunedFlags.oneShot("always madvise [never]\n")).containsExactlyElementsOf(TunedFlags.ONE_SHOT);
        assertThat(TunedFlags.oneShot("")).as("no such file").containsExactlyElementsOf(TunedFlags.ONE_SHOT);
        // a user's own setting wins, as for every flag of ours
        assertThat(plan(List.of("-XX:-UseTransparentHugePages"), List.of("-XX:-UseTransparentHugePages", "-jar", "h.jar",
                "diff", "a"), "diff", "a").addedFlags()).doesNotContain(TunedFlags.HUGE_PAGES);
    }

    @Test
    void globalFlagsBeforeTheSubcommandDoNotHideIt() {
        assertThat(TunedFlags.subcommand(List.of("--no-config", "diff", "a", "b"))).contains("diff");
        assertThat(TunedFlags.subcommand(List.of("-c", "my.yaml", "leaks", "r"))).contains("leaks");
        assertThat(TunedFlags.subcommand(List.of("--config=my.yaml", "--debug", "check"))).contains("check");
        assertThat(TunedFlags.subcommand(List.of("--config", "diff"))).as("a flag's value").isEmpty();
        assertThat(TunedFlags.subcommand(List.of("--port", "1"))).isEmpty();
        assertThat(TunedFlags.subcommand(List.of("--", "diff"))).isEmpty();
        assertThat(plan(List.of(), List.of("-jar", "h.jar", "--no-config", "diff", "a", "b"), "--no-config", "diff",
                "a", "b").addedFlags()).containsExactlyElementsOf(TunedFlags.oneShot());
    }

    @Test
    void theExporterOrAStartWithoutDisplayGetsTheExporterSet() {
        assertThat(plan(List.of(), List.of("-jar", "h.jar", "--exporter"), "--exporter").addedFlags())
                .containsExactlyElementsOf(TunedFlags.EXPORTER);
        env.remove("DISPLAY");
        assertThat(plan(List.of(), List.of("-jar", "h.jar")).addedFlags()).containsExactlyElementsOf(TunedFlags.EXPORTER);
        env.put("WAYLAND_DISPLAY", "wayland-0");
        assertThat(plan(List.of(), List.of("-jar", "h.jar")).addedFlags()).containsExactlyElementsOf(TunedFlags.DESKTOP);
    }

    @Test
    void aSettingTheUserChoseInAnySpellingIsNeitherDoubledNorOverridden() {
        List<String> user = List.of("-XX:MaxHeapSize=1g", "-XX:+UseG1GC", "-XX:ThreadStackSize=1024",
                "-XX:-TieredCompilation", "-XX:MinHeapFreeRatio=40", "-XX:TrimNativeHeapInterval=0", "-XX:+UsePerfData");
        RelaunchPlan p = plan(user, List.of("-XX:MaxHeapSize=1g", "-jar", "h.jar", "--exporter"), "--exporter");
        assertThat(p.relaunches()).isFalse();
        assertThat(p.reason()).contains("chosen by the user");

        RelaunchPlan heapOnly = plan(List.of("-Xms1g"), List.of("-Xms1g", "-jar", "h.jar", "--exporter"), "--exporter");
        // -Xms1g with our -Xmx64m would not start: the heap size is one setting
        assertThat(heapOnly.addedFlags()).noneMatch(f -> f.startsWith("-Xm"))
                .contains("-XX:+UseSerialGC", "-XX:MaxHeapFreeRatio=20", "-Xss512k", "-XX:TieredStopAtLevel=1");
        assertThat(heapOnly.command()).containsOnlyOnce("-Xms1g");
    }

    @Test
    void flagGroupsKnowTheSpellings() {
        assertThat(FlagGroups.of("-Xmx64m")).isEqualTo(FlagGroups.of("-XX:MaxHeapSize=1g"))
                .isEqualTo(FlagGroups.of("-XX:MaxRAMPercentage=25")).isEqualTo(FlagGroups.HEAP_SIZE);
        assertThat(FlagGroups.of("-XX:+UseSerialGC")).isEqualTo(FlagGroups.of("-XX:+UseZGC"))
                .isEqualTo(FlagGroups.of("-XX:-UseShenandoahGC")).isEqualTo(FlagGroups.COLLECTOR);
        assertThat(FlagGroups.of("-Xss512k")).isEqualTo(FlagGroups.of("-XX:ThreadStackSize=512"));
        assertThat(FlagGroups.of("-XX:TieredStopAtLevel=1")).isEqualTo(FlagGroups.of("-Xint"))
                .isEqualTo(FlagGroups.of("-XX:Tier3InvocationThreshold=2000")).isEqualTo(FlagGroups.of("-XX:CompileThreshold=10"));
        assertThat(FlagGroups.of("-Dprism.order=sw")).isEqualTo("-Dprism.order").isNotEqualTo(FlagGroups.of("-Dx=1"));
        assertThat(FlagGroups.of("-XX:+UseStringDeduplication")).isEqualTo("-XX:UseStringDeduplication");
    }

    @Test
    void extraFlagsFromTheEnvironmentComeAfterOurs() {
        env.put(RelaunchPlan.EXTRA_FLAGS, "  -XX:+PrintCommandLineFlags   -Dx=1 ");
        RelaunchPlan p = plan(List.of(), List.of("-jar", "h.jar"));
        assertThat(p.command()).containsSubsequence("-XX:+UseSerialGC", "-XX:+PrintCommandLineFlags", "-Dx=1", "-jar");
    }

    @Test
    void ourIgnoreFlagIsNotAddedTwice() {
        RelaunchPlan p = plan(List.of(RelaunchPlan.IGNORE_UNRECOGNIZED),
                List.of(RelaunchPlan.IGNORE_UNRECOGNIZED, "-jar", "h.jar"));
        assertThat(p.command()).containsOnlyOnce(RelaunchPlan.IGNORE_UNRECOGNIZED);
    }

    @Test
    void staysInProcessWhenMarkedSwitchedOffPackagedOrNotAJavaLauncher() {
        props.put(RelaunchPlan.MARKER, "true");
        assertThat(plan(List.of(), List.of("-jar", "h.jar")).relaunches()).isFalse();
        props.clear();

        for (String on : List.of("1", "true", "yes")) {
            env.put(RelaunchPlan.OFF_SWITCH, on);
            assertThat(plan(List.of(), List.of("-jar", "h.jar")).reason()).contains(RelaunchPlan.OFF_SWITCH);
        }
        for (String off : List.of("0", "false", "no", " ")) {
            env.put(RelaunchPlan.OFF_SWITCH, off);
            assertThat(plan(List.of(), List.of("-jar", "h.jar")).relaunches()).as(off).isTrue();
        }
        env.remove(RelaunchPlan.OFF_SWITCH);

        props.put("jpackage.app-path", "/opt/herakles-proc-mem/bin/herakles-proc-mem");
        assertThat(plan(List.of(), List.of()).reason()).contains("packaged launcher");
        props.clear();

        RelaunchPlan notJava = RelaunchPlan.decide(new RelaunchPlan.Start(env, props, List.of(),
                Optional.of("/opt/herakles-proc-mem/bin/herakles-proc-mem"), Optional.of(List.of()), List.of()));
        assertThat(notJava.relaunches()).isFalse();
        RelaunchPlan unknownArgs = RelaunchPlan.decide(new RelaunchPlan.Start(env, props, List.of(),
                Optional.of(JAVA), Optional.empty(), List.of()));
        assertThat(unknownArgs.relaunches()).isFalse();
    }

    @Test
    void theLaunchersVariablesAreNotReportedAsUnknownConfigVariables() {
        var overlay = io.herakles.procmem.config.EnvironmentOverlay.read(
                Map.of(RelaunchPlan.OFF_SWITCH, "1", RelaunchPlan.EXTRA_FLAGS, "-Dx=1", "HERAKLES_PORTT", "1"));
        assertThat(overlay.warnings()).singleElement().asString().contains("HERAKLES_PORTT");
    }

    @Test
    void theDesktopRendersInSoftwareWithoutGtkOpeningOpenGl() {
        RelaunchPlan p = plan(List.of(), List.of("-jar", "h.jar"));

        assertThat(p.addedFlags()).contains("-Dprism.order=sw");
        assertThat(p.childEnv()).containsEntry("GDK_GL", "disable");
        assertThat(plan(List.of(), List.of("-jar", "h.jar", "--exporter"), "--exporter").childEnv())
                .doesNotContainKey("GDK_GL");
    }

    @Test
    void aUserWhoChoosesTheGpuPipelineOrSetsGdkGlKeepsIt() {
        RelaunchPlan es2 = plan(List.of("-Dprism.order=es2"), List.of("-Dprism.order=es2", "-jar", "h.jar"));
        assertThat(es2.addedFlags()).noneMatch(f -> f.startsWith("-Dprism.order"));
        assertThat(es2.childEnv()).doesNotContainKey("GDK_GL");

        env.put("GDK_GL", "always");
        assertThat(plan(List.of(), List.of("-jar", "h.jar")).childEnv()).doesNotContainKey("GDK_GL");
    }

    @Test
    void bothFacesGetTwoMallocArenasUnlessTheUserChoseANumber() {
        assertThat(plan(List.of(), List.of("-jar", "h.jar")).childEnv()).containsEntry("MALLOC_ARENA_MAX", "2");
        assertThat(plan(List.of(), List.of("-jar", "h.jar", "--exporter"), "--exporter").childEnv())
                .containsEntry("MALLOC_ARENA_MAX", "2");
        env.put("MALLOC_ARENA_MAX", "8");
        assertThat(plan(List.of(), List.of("-jar", "h.jar")).childEnv()).doesNotContainKey("MALLOC_ARENA_MAX");
    }
}
