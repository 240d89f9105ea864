package io.herakles.procmem.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * A class-data-sharing archive (AppCDS) of the classes one one-shot subcommand loads: a {@code diff}
 * spends most of its run loading and verifying some 1,100 classes from the jar, and a JVM that maps
 * them from an archive starts the same command about 0.2 s sooner (docs/PERFORMANCE.md, "Start-up of
 * one-shot commands"). The JDK writes such an archive at the exit of a run
 * ({@code -XX:ArchiveClassesAtExit}); the next runs map it ({@code -XX:SharedArchiveFile}).
 *
 * <p>An archive cut short would crash the JVM that maps it (SIGBUS when a page past the end is
 * touched), and a JVM writing one never leaves it half-done on purpose but can be killed or run out
 * of disk. So an archive is written under a name of its own run, checked by a separate JVM that
 * maps it and verifies every region's checksum, and only then renamed into place: a reader sees
 * a whole archive or none. The first run of a subcommand therefore takes longer (the dump and the
 * check, about 0.5 s) and the launcher waits for it instead of replacing itself. Only a run that
 * ends with status 0 leaves an archive: one cut short by an error has loaded only part of what the
 * command needs, and the next run tries again (a command that keeps failing keeps paying the dump).
 *
 * <p>A subcommand that only reads and prints ({@link #REPEATABLE}: {@code diff}, {@code leaks}, …)
 * does not make its user wait for that: its first run runs as any other, and a copy of the same
 * command line, started in the background at the lowest priority once this run has exited and with
 * its output discarded, writes the archive ({@link #startTrainer}). One such copy at a time per
 * archive (a claim file beside it), so that a loop of first runs starts one, not one per run.
 * {@code mvn package} runs such a copy of one {@code diff} itself (pom.xml,
 * {@code class-archive-for-first-diff}), so the README's first {@code diff} finds its archive.
 *
 * <p>Where: {@code $XDG_CACHE_HOME/herakles/cds} (else {@code ~/.cache/herakles/cds}), one file per
 * subcommand, jar (path, size, time), JDK and JVM flags, at most {@link #KEPT} files. Never for the
 * desktop or the exporter (their footprint was measured without one), never when the user set a
 * sharing flag of their own, and not at all with {@code HERAKLES_NO_CDS=1}.
 */
final class ClassArchive {

    static final String OFF_SWITCH = "HERAKLES_NO_CDS";
    /** Environment of the background copy that writes the archive ({@link #startTrainer}); any value. */
    static final String TRAINER = "HERAKLES_CDS_TRAINER";
    /**
     * One-shot subcommands that only read and print, so a second run of the same command line changes
     * nothing (not {@code config -o}, {@code generate-testdata}, which write files, nor {@code fleet},
     * which asks a server, nor {@code maps} and {@code test}, which can run long).
     */
    static final Set<String> REPEATABLE = Set.of("diff", "leaks", "check", "subgroups",
            "completion", "man");
    /**
     * Waits for the run whose pid is $1 to end (at most half an hour, in case the pid is reused), then
     * runs the rest at the lowest priority; SIGINT from the terminal (the user stopping that run)
     * stops the wait too, and the claim then goes stale.
     */
    private static final String AFTER_EXIT = "i=0; while [ $i -lt 9000 ] && kill -0 \"$1\" 2>/dev/null; do "
            + "i=$((i+1)); sleep 0.2; done; shift; exec nice -n 19 \"$@\"";
    /** Archives kept in the cache directory, the most recently used first. */
    static final int KEPT = 8;
    /** The JDK's notes about classes it cannot archive go to stdout, into the command's output. */
    static final String QUIET = "-Xlog:cds*=off";
    private static final Duration ABANDONED = Duration.ofMinutes(10);
    private static final long CHECK_SECONDS = 30;

    private final Path file;
    /** The class path as the run was given it: the JDK maps an archive only for the same spelling. */
    private final String classPath;
    private final String subcommand;

    private ClassArchive(Path file, String classPath, String subcommand) {
        this.file = file;
        this.classPath = classPath;
        this.subcommand = subcommand;
    }

    /**
     * The archive for this start, when it should have one: a one-shot subcommand run from a single
     * jar, with no sharing flag of the user's and the switch not set. Decides only; touches nothing.
     */
    static Optional<ClassArchive> forStart(RelaunchPlan.Start start, RelaunchPlan plan, JarStamp stamp) {
        if (!plan.relaunches() || RelaunchPlan.switchedOff(start.env().get(OFF_SWITCH))
                || !TunedFlags.isOneShot(start.appArgs())
                || start.jvmOptions().stream().anyMatch(ClassArchive::isSharingFlag)) {
            return Optional.empty();
        }
        // the JDK reads ':' in -XX:SharedArchiveFile as "base:top", so such a directory cannot hold one
        Optional<Path> dir = cacheDirectory(start.env(), start.systemProperties())
                .filter(d -> !d.toString().contains(":"));
        String classPath = start.systemProperties().getOrDefault("java.class.path", "");
        if (dir.isEmpty() || stamp == null || !isSingleJar(classPath)) {
            return Optional.empty();
        }
        String subcommand = TunedFlags.subcommand(start.appArgs()).orElseThrow();
        String key = String.join("\n", classPath, stamp.absolutePath().toString(), Long.toString(stamp.size()),
                Long.toString(stamp.modifiedMillis()), start.systemProperties().getOrDefault("java.home", ""),
                start.systemProperties().getOrDefault("java.vm.version", ""), String.join(" ", plan.addedFlags()),
                String.join(" ", start.jvmOptions()));
        return Optional.of(new ClassArchive(dir.get().resolve(subcommand + "-" + digest(key) + ".jsa"),
                classPath, subcommand));
    }

    /** Whether {@code classPath} is one jar ({@code java -jar}), the only class path the caches serve. */
    static boolean isSingleJar(String classPath) {
        return classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator);
    }

    /** Size and modification time of the jar: the JDK refuses an archive when either changed. */
    record JarStamp(Path absolutePath, long size, long modifiedMillis) {
        /** The stamp of the jar that {@code classPath} is; null when it is not a single readable jar. */
        static JarStamp of(String classPath) {
            if (!isSingleJar(classPath)) {
                return null;
            }
            try {
                Path jar = Path.of(classPath).toAbsolutePath();
                return new JarStamp(jar, Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file) && Files.isReadable(file);
    }

    /** Whether this is the background copy of a first run ({@link #startTrainer}). */
    static boolean isTrainer(RelaunchPlan.Start start) {
        return start.env().containsKey(TRAINER);
    }

    /** Whether the archive is written by a background copy of this run rather than by this run. */
    boolean writtenInBackground(RelaunchPlan.Start start) {
        return REPEATABLE.contains(subcommand) && !isTrainer(start);
    }

    /**
     * Starts the background copy of this run's command line ({@code start}: same java, JVM options,
     * arguments, working directory and environment, plus {@link #TRAINER}) that writes the archive:
     * it waits until the process {@code pid} (this run, after it re-executes in place) has exited,
     * then runs at nice 19 with no input and its output discarded. Not when another copy is on its
     * way. Quiet: without a copy the next run simply tries again.
     */
    void startTrainer(RelaunchPlan.Start start, long pid) {
        if (start.executable().isEmpty() || start.commandLineArguments().isEmpty() || !claimTraining()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", AFTER_EXIT, "sh", Long.toString(pid),
                start.executable().get()));
        command.addAll(start.commandLineArguments().get());
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put(TRAINER, "1");
        try {
            builder.start();
        } catch (IOException | RuntimeException e) {
            endTraining();
        }
    }

    /** The claim of the copy that is writing the archive: a file beside it, taken by creating it. */
    Path trainingClaim() {
        return file.resolveSibling(file.getFileName() + ".training");
    }

    boolean claimTraining() {
        Path claim = trainingClaim();
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(claim) && modified(claim).toInstant().isBefore(Instant.now().minus(ABANDONED))) {
                Files.deleteIfExists(claim);     // its copy never finished (killed, machine stopped)
            }
            Files.createFile(claim);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;     // another copy holds it, or the cache cannot be written
        }
    }

    /** The background copy is done (archive written or not): the next first run may start another. */
    void endTraining() {
        deleteQuietly(trainingClaim());
    }

    /** Flags for a run that maps the archive; a JDK that finds it unusable runs without it, silently. */
    List<String> useFlags() {
        return List.of("-XX:SharedArchiveFile=" + file, QUIET);
    }

    /** Flags for a run that writes the archive, with checksums, to {@code pending} at its exit. */
    List<String> createFlags(Path pending) {
        return List.of("-XX:ArchiveClassesAtExit=" + pending, "-XX:+VerifySharedSpaces", QUIET);
    }

    /** A name for this run's archive until it is checked: the pid keeps two first runs apart. */
    Optional<Path> pendingFile(long pid) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Files.isWritable(file.getParent())
                ? Optional.of(file.resolveSibling(file.getFileName() + "." + pid + ".tmp"))
                : Optional.empty();
    }

    /**
     * After the run that wrote {@code pending} ended with {@code exitCode}: checks the archive with
     * {@code java} (the same JVM flags) and puts it in place, or deletes it. Also clears out old
     * archives. Quiet: an archive is only ever a speed-up.
     */
    void adopt(Path pending, int exitCode, String java, List<String> jvmFlags) {
        try {
            if (exitCode == 0 && Files.isRegularFile(pending) && mapsCleanly(pending, java, jvmFlags)) {
                move(pending);
            }
            Files.deleteIfExists(pending);
            prune(file.getParent());
        } catch (IOException | RuntimeException e) {
            // a cache we cannot tidy only means a slower next start
        }
    }

    private boolean mapsCleanly(Path pending, String java, List<String> jvmFlags) {
        // a bad archive crashes the check JVM (that is the point): its crash report goes next to the
        // archive and is removed, never into the user's working directory, and no core is dumped
        Path crashReport = pending.resolveSibling(pending.getFileName() + ".crash.log");
        List<String> check = new ArrayList<>();
        check.add(java);
        check.addAll(jvmFlags);
        check.addAll(List.of("-XX:ErrorFile=" + crashReport, "-XX:-CreateCoredumpOnCrash", "-Xshare:on",
                "-XX:+VerifySharedSpaces", "-XX:SharedArchiveFile=" + pending, "-cp", classPath, "-version"));
        try {
            // in this run's working directory, so that a relative class path (java -jar target/…)
            // means the same jar and is spelled as the archive recorded it; else the JDK refuses it
            Process p = new ProcessBuilder(check)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(CHECK_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            deleteQuietly(crashReport);
        }
    }

    /** Deletes {@code file} if it is there; a leftover (a handshake file, a crash report) is harmless. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind: pending archives are pruned, other files are small and in temp or cache directories
        }
    }

    private void move(Path pending) throws IOException {
        try {
            // a JVM that already maps an older file keeps its pages: rename replaces the name, not the file
            Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same directory, so this does not happen on a Linux file system; never copy in place
        }
    }

    /** Keeps the {@link #KEPT} newest archives and removes pending files and claims of runs long gone. */
    static void prune(Path dir) throws IOException {
        List<Path> archives = new ArrayList<>();
        Instant abandoned = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".jsa")) {
                    archives.add(f);
                } else if ((name.endsWith(".tmp") || name.endsWith(".training")) && modified(f).toInstant().isBefore(abandoned)) {
                    Files.deleteIfExists(f);
                }
            }
        }
        archives.sort(Comparator.comparing(ClassArchive::modified).reversed());
        for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** Marks the archive as used now, so that pruning keeps what is in use. */
    void touch() {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            // read-only cache: pruning may then remove it sooner, and it is written again
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    static Optional<Path> cacheDirectory(Map<String, String> env, Map<String, String> props) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) {
            return Optional.of(Path.of(xdg, "herakles", "cds"));
        }
        String home = env.getOrDefault("HOME", props.get("user.home"));
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "herakles", "cds"));
    }

    private static boolean isSharingFlag(String option) {
        return option.startsWith("-Xshare") || option.contains("SharedArchiveFile") || option.contains("ArchiveClassesAtExit")
                || option.contains("SharedClassListFile") || option.contains("AutoCreateSharedArchive");
    }

    /** 64 bits of the key: a cache name, not a security check (the JDK validates what it maps). */
    static String digest(String key) {
        CRC32C crc = new CRC32C();     // not MessageDigest: its providers cost the launcher tens of ms
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x%08x", crc.getValue(), key.hashCode());
    }
}
