package io.herakles.procmem.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    private static final String JAVA = "/usr/lib/jvm/java-17/bin/java";
    private static final ClassArchive.JarStamp STAMP = new ClassArchive.JarStamp(Path.of("/opt/h/h.jar"), 1000, 5000);

    private final Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/u"));
    private final Map<String, String> props = new HashMap<>(Map.of("java.class.path", "h.jar", "java.home", "/jdk",
            "java.vm.version", "17.0.15"));

    @TempDir
    Path dir;

    private Optional<ClassArchive> archive(List<String> jvmOptions, ClassArchive.JarStamp stamp, String... appArgs) {
        List<String> commandLine = new java.util.ArrayList<>(jvmOptions);
        commandLine.addAll(List.of("-jar", "h.jar"));
        commandLine.addAll(List.of(appArgs));
        RelaunchPlan.Start start = new RelaunchPlan.Start(env, props, jvmOptions, Optional.of(JAVA),
                Optional.of(commandLine), List.of(appArgs));
        return ClassArchive.forStart(start, RelaunchPlan.decide(start), stamp);
    }

    @Test
    void aOneShotSubcommandGetsAnArchiveOfItsOwnInTheUsersCache() {
        Path diff = archive(List.of(), STAMP, "--no-config", "diff", "a", "b").orElseThrow().file();
        assertThat(diff.getParent()).isEqualTo(Path.of("/home/u/.cache/herakles/cds"));
        assertThat(diff.getFileName().toString()).startsWith("diff-").endsWith(".jsa");
        assertThat(archive(List.of(), STAMP, "leaks", "r").orElseThrow().file().getFileName().toString()).startsWith("leaks-");

        env.put("XDG_CACHE_HOME", "/var/cache/u");
        assertThat(archive(List.of(), STAMP, "diff", "a", "b").orElseThrow().file().getParent())
                .isEqualTo(Path.of("/var/cache/u/herakles/cds"));
    }

    @Test
    void aRebuiltJarAnotherJdkOrOtherFlagsNeedAnotherArchive() {
        Path first = archive(List.of(), STAMP, "diff", "a", "b").orElseThrow().file();
        assertThat(archive(List.of(), STAMP, "diff", "x", "y").orElseThrow().file()).as("other files, same archive")
                .isEqualTo(first);
        assertThat(archive(List.of(), new ClassArchive.JarStamp(STAMP.absolutePath(), 1000, 6000), "diff", "a", "b")
                .orElseThrow().file()).as("jar modified").isNotEqualTo(first);
        assertThat(archive(List.of(), new ClassArchive.JarStamp(STAMP.absolutePath(), 1001, 5000), "diff", "a", "b")
                .orElseThrow().file()).as("jar size").isNotEqualTo(first);
        assertThat(archive(List.of("-Xmx2g"), STAMP, "diff", "a", "b").orElseThrow().file()).as("user's flag")
                .isNotEqualTo(first);
        props.put("java.vm.version", "21.0.5");
        assertThat(archive(List.of(), STAMP, "diff", "a", "b").orElseThrow().file()).as("JDK").isNotEqualTo(first);
    }

    @Test
    void longRunningStartsSharingFlagsOfTheUsersAndTheSwitchGetNone() {
        assertThat(archive(List.of(), STAMP, "--exporter")).as("exporter").isEmpty();
        assertThat(archive(List.of(), STAMP)).as("desktop").isEmpty();
        assertThat(archive(List.of(), STAMP, "record", "-o", "f")).as("record").isEmpty();
        for (String flag : List.of("-Xshare:off", "-XX:SharedArchiveFile=/x.jsa", "-XX:ArchiveClassesAtExit=/y.jsa")) {
            assertThat(archive(List.of(flag), STAMP, "diff", "a", "b")).as(flag).isEmpty();
        }
        assertThat(archive(List.of(), null, "diff", "a", "b")).as("jar not found").isEmpty();
        props.put("java.class.path", "classes:h.jar");
        assertThat(archive(List.of(), STAMP, "diff", "a", "b")).as("not a single jar").isEmpty();
        props.put("java.class.path", "h.jar");
        env.put(ClassArchive.OFF_SWITCH, "1");
        assertThat(archive(List.of(), STAMP, "diff", "a", "b")).as("switched off").isEmpty();
        env.put(ClassArchive.OFF_SWITCH, "0");
        assertThat(archive(List.of(), STAMP, "diff", "a", "b")).isPresent();
        env.put("HOME", "/home/odd:name");
        assertThat(archive(List.of(), STAMP, "diff", "a", "b")).as("':' means base:top to the JDK").isEmpty();
        env.remove("HOME");
        assertThat(archive(List.of(), STAMP, "diff", "a", "b")).as("no home, no user.home").isEmpty();
    }

    @Test
    void theArchiveIsWrittenUnderARunsOwnNameAndMappedQuietly() {
        env.put("XDG_CACHE_HOME", dir.toString());
        ClassArchive a = archive(List.of(), STAMP, "diff", "a", "b").orElseThrow();
        Path pending = a.pendingFile(4242).orElseThrow();
        assertThat(pending.getParent()).isDirectory().isEqualTo(a.file().getParent());
        assertThat(pending.getFileName().toString()).isEqualTo(a.file().getFileName() + ".4242.tmp");
        assertThat(a.createFlags(pending)).containsExactly("-XX:ArchiveClassesAtExit=" + pending,
                "-XX:+VerifySharedSpaces", ClassArchive.QUIET);
        assertThat(a.useFlags()).containsExactly("-XX:SharedArchiveFile=" + a.file(), ClassArchive.QUIET);
        assertThat(a.exists()).isFalse();
    }

    @Test
    void commandsThatOnlyReadHaveTheirArchiveWrittenInTheBackgroundByOneCopyAtATime() throws IOException {
        env.put("XDG_CACHE_HOME", dir.toString());
        RelaunchPlan.Start user = start("diff", "a", "b");
        ClassArchive diff = archive(List.of(), STAMP, "diff", "a", "b").orElseThrow();
        assertThat(diff.writtenInBackground(user)).isTrue();
        assertThat(archive(List.of(), STAMP, "leaks", "r").orElseThrow().writtenInBackground(user)).isTrue();
        for (String[] writes : List.of(new String[] {"config", "-o", "c.yaml"}, new String[] {"generate-testdata", "-o", "t.json"},
                new String[] {"fleet", "--prometheus", "http://p:9090"}, new String[] {"maps", "--all"})) {
            assertThat(archive(List.of(), STAMP, writes).orElseThrow().writtenInBackground(user))
                    .as(writes[0] + " is not run a second time").isFalse();
        }
        env.put(ClassArchive.TRAINER, "1");
        RelaunchPlan.Start copy = start("diff", "a", "b");
        assertThat(ClassArchive.isTrainer(copy)).isTrue();
        assertThat(diff.writtenInBackground(copy)).as("the copy writes it itself").isFalse();

        assertThat(diff.claimTraining()).isTrue();
        assertThat(diff.trainingClaim()).exists().hasParent(diff.file().getParent());
        assertThat(diff.claimTraining()).as("a second first run while the copy works").isFalse();
        diff.endTraining();
        assertThat(diff.trainingClaim()).doesNotExist();
        assertThat(diff.claimTraining()).isTrue();
        Files.setLastModifiedTime(diff.trainingClaim(), FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        assertThat(diff.claimTraining()).as("a copy that never finished does not block forever").isTrue();
    }

    @Test
    void theLaunchersVariablesAreNotReportedAsUnknownByTheConfiguration() {
        Map<String, String> launcherEnv = Map.of(ClassArchive.OFF_SWITCH, "1", ClassArchive.TRAINER, "1",
                RelaunchPlan.OFF_SWITCH, "1", RelaunchPlan.EXTRA_FLAGS, "-Xss1m");
        assertThat(io.herakles.procmem.config.EnvironmentOverlay.read(launcherEnv).warnings()).isEmpty();
        assertThat(io.herakles.procmem.config.EnvironmentOverlay.read(Map.of("HERAKLES_NO_CDX", "1")).warnings())
                .as("a misspelt one still is").singleElement().asString().contains("HERAKLES_NO_CDX");
    }

    private RelaunchPlan.Start start(String... appArgs) {
        return new RelaunchPlan.Start(env, props, List.of(), Optional.of(JAVA), Optional.of(List.of(appArgs)), List.of(appArgs));
    }

    @Test
    void aRunThatFailedOrAnArchiveThatDoesNotMapLeavesNothing() throws IOException {
        env.put("XDG_CACHE_HOME", dir.toString());
        ClassArchive a = archive(List.of(), STAMP, "diff", "a", "b").orElseThrow();
        Path pending = Files.writeString(a.pendingFile(1).orElseThrow(), "not an archive");
        a.adopt(pending, 1, JAVA, List.of());
        assertThat(pending).doesNotExist();
        assertThat(a.exists()).isFalse();

        Path cut = Files.writeString(a.pendingFile(2).orElseThrow(), "not an archive either");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        a.adopt(cut, 0, java, List.of());
        assertThat(cut).as("the check JVM refused it").doesNotExist();
        assertThat(a.exists()).isFalse();
    }

    @Test
    void pruningKeepsTheNewestArchivesAndDropsAbandonedPendingFilesAndClaims() throws IOException {
        Instant now = Instant.now();
        for (int i = 0; i < ClassArchive.KEPT + 3; i++) {
            Path f = Files.writeString(dir.resolve("diff-" + i + ".jsa"), "x");
            Files.setLastModifiedTime(f, FileTime.from(now.minus(i, ChronoUnit.HOURS)));
        }
        Path abandoned = Files.writeString(dir.resolve("diff-0.jsa.17.tmp"), "x");
        Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(1, ChronoUnit.HOURS)));
        Path writing = Files.writeString(dir.resolve("diff-0.jsa.18.tmp"), "x");
        Path staleClaim = Files.writeString(dir.resolve("diff-0.jsa.training"), "");
        Files.setLastModifiedTime(staleClaim, FileTime.from(now.minus(1, ChronoUnit.HOURS)));
        Path claim = Files.writeString(dir.resolve("diff-1.jsa.training"), "");

        ClassArchive.prune(dir);

        for (int i = 0; i < ClassArchive.KEPT + 3; i++) {
            assertThat(dir.resolve("diff-" + i + ".jsa").toFile().exists()).as("archive " + i).isEqualTo(i < ClassArchive.KEPT);
        }
        assertThat(abandoned).doesNotExist();
        assertThat(writing).as("another run may still be writing it").exists();
        assertThat(staleClaim).doesNotExist();
        assertThat(claim).as("a copy may still be at work").exists();
    }
}
