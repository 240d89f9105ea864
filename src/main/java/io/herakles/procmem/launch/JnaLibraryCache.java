package io.herakles.procmem.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Keeps JNA's native stub ({@code libjnidispatch.so}) unpacked in the user's cache, so that the
 * launcher's exec does not unpack it on every start: JNA writes it to a new temporary file each
 * time, and naming that file starts the JDK's {@code SecureRandom} and security providers, ~35 ms
 * of every start of the app (docs/PERFORMANCE.md, "The launcher's own time").
 *
 * <p>One directory per jar (its path, size and modification time, as for the class archives), so
 * the check on a normal start is two {@code stat}s: reading the stub out of the jar to compare
 * would cost ~25 ms, most of what is saved. The copy is loaded only when the directory and the file
 * belong to this user and nobody else may write them; it is written under a temporary name and
 * renamed, so it is never seen half-written. A new jar's directory replaces the others. On any
 * error nothing is set and JNA unpacks as it always did. Stateless.
 */
final class JnaLibraryCache {
    private JnaLibraryCache() {}

    private static final String BOOT_PATH = "jna.boot.library.path";
    private static final String NO_UNPACK = "jna.nounpack";
    /** Also a choice of the user's: no stub from the class path, which is where ours comes from. */
    private static final String NO_CLASS_PATH = "jna.noclasspath";
    private static final String LIBRARY = "libjnidispatch.so";
    /** Write for group and others in a {@code unix:mode}. */
    private static final int GROUP_OR_OTHERS_WRITE = 0022;

    /** Points JNA at the cached stub when possible (system properties; before any JNA class is initialised). */
    static void use(Map<String, String> env) {
        use(env, System.getProperty("java.class.path", ""), System.getProperties());
    }

    /** As above, for the jar {@code classPath} (a single jar, or nothing is done) and {@code properties}. */
    static void use(Map<String, String> env, String classPath, Properties properties) {
        if (properties.getProperty(BOOT_PATH) != null || properties.getProperty(NO_UNPACK) != null
                || properties.getProperty(NO_CLASS_PATH) != null) {
            return;     // the user chose where JNA's stub comes from
        }
        ClassArchive.JarStamp jar = ClassArchive.JarStamp.of(classPath);
        Optional<Path> cds = ClassArchive.cacheDirectory(env, Map.of("user.home", properties.getProperty("user.home", "")));
        if (jar == null || cds.isEmpty()) {
            return;
        }
        Path dir = directory(cds.get(), jar);
        try {
            Path file = dir.resolve(LIBRARY);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !unpack(dir, file)) {
                return;
            }
            Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (ownedAndPrivate(dir, self) && ownedAndPrivate(file, self)) {
                properties.setProperty(BOOT_PATH, dir.toString());
            }
        } catch (IOException | RuntimeException e) {
            // JNA unpacks it as usual
        }
    }

    /** {@code ~/.cache/herakles/jna/JAR-DIGEST}, beside the class archives' {@code cds}. */
    static Path directory(Path cdsDirectory, ClassArchive.JarStamp jar) {
        String key = jar.absolutePath() + "\n" + jar.size() + "\n" + jar.modifiedMillis();
        return cdsDirectory.resolveSibling("jna").resolve(ClassArchive.digest(key));
    }

    /** Unpacks the jar's stub into {@code dir} (removing other jars' copies); false when the jar has none. */
    private static boolean unpack(Path dir, Path file) throws IOException {
        String resource = "/com/sun/jna/" + com.sun.jna.Platform.RESOURCE_PREFIX + "/" + LIBRARY;
        try (InputStream in = JnaLibraryCache.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;     // a platform the jar has no stub for: JNA says so itself
            }
            removeOthers(dir);
            Files.createDirectories(dir);
            Path partial = dir.resolve(LIBRARY + "." + ProcSelf.pid() + ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    private static void removeOthers(Path dir) throws IOException {
        if (!Files.isDirectory(dir.getParent())) {
            return;
        }
        try (Stream<Path> others = Files.list(dir.getParent())) {
            for (Path other : (Iterable<Path>) others.filter(o -> !o.equals(dir))::iterator) {
                try (Stream<Path> files = Files.list(other)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(other);
            }
        } catch (IOException | RuntimeException e) {
            // another start removes them, or they stay: a few hundred KB
        }
    }

    /** Owned by {@code uid} (this process's user: {@code /proc/self}'s owner), writable by nobody else; not a link. */
    private static boolean ownedAndPrivate(Path p, Object uid) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
        return a.get("uid").equals(uid) && ((Integer) a.get("mode") & GROUP_OR_OTHERS_WRITE) == 0
                && !Files.isSymbolicLink(p);
    }
}
