package io.herakles.procmem.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JNA's native stub is unpacked once per jar into the user's cache and loaded from there only when private. */
class JnaLibraryCacheTest {

    @TempDir
    Path home;

    private Map<String, String> env() {
        return Map.of("XDG_CACHE_HOME", home.resolve("cache").toString());
    }

    private Path jar(String name) throws Exception {
        Path jar = home.resolve(name);
        Files.writeString(jar, name);     // only its path, size and time key the cache
        return jar;
    }

    private static byte[] stub() throws Exception {
        try (InputStream in = JnaLibraryCacheTest.class.getResourceAsStream(
                "/com/sun/jna/" + com.sun.jna.Platform.RESOURCE_PREFIX + "/libjnidispatch.so")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theFirstStartUnpacksTheStubAndPointsJnaAtIt() throws Exception {
        String jar = jar("app.jar").toString();
        Properties props = new Properties();
        JnaLibraryCache.use(env(), jar, props);
        String dir = props.getProperty("jna.boot.library.path");
        assertThat(dir).startsWith(home.resolve("cache/herakles/jna").toString());
        assertThat(Files.readAllBytes(Path.of(dir, "libjnidispatch.so"))).isEqualTo(stub());
        assertThat(Files.list(Path.of(dir))).hasSize(1);     // no partial file left

        Properties again = new Properties();
        JnaLibraryCache.use(env(), jar, again);
        assertThat(again.getProperty("jna.boot.library.path")).isEqualTo(dir);
    }

    @Test
    void anotherJarsCopyReplacesTheOld() throws Exception {
        Properties first = new Properties();
        JnaLibraryCache.use(env(), jar("old.jar").toString(), first);
        Properties second = new Properties();
        JnaLibraryCache.use(env(), jar("new.jar").toString(), second);
        assertThat(second.getProperty("jna.boot.library.path")).isNotEqualTo(first.getProperty("jna.boot.library.path"));
        assertThat(Path.of(first.getProperty("jna.boot.library.path"))).doesNotExist();
    }

    @Test
    void aCopyOthersMayWriteIsNotLoaded() throws Exception {
        String jar = jar("app.jar").toString();
        Properties props = new Properties();
        JnaLibraryCache.use(env(), jar, props);
        Path file = Path.of(props.getProperty("jna.boot.library.path"), "libjnidispatch.so");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        Properties again = new Properties();
        JnaLibraryCache.use(env(), jar, again);
        assertThat(again.getProperty("jna.boot.library.path")).isNull();
    }

    @Test
    void theUsersOwnJnaSettingsAndClassPathsOfSeveralEntriesAreLeftAlone() throws Exception {
        Properties chosen = new Properties();
        chosen.setProperty("jna.nounpack", "true");
        JnaLibraryCache.use(env(), jar("app.jar").toString(), chosen);
        assertThat(chosen.getProperty("jna.boot.library.path")).isNull();
        Properties noClassPath = new Properties();
        noClassPath.setProperty("jna.noclasspath", "true");
        JnaLibraryCache.use(env(), jar("app.jar").toString(), noClassPath);
        assertThat(noClassPath.getProperty("jna.boot.library.path")).isNull();

        Properties classes = new Properties();
        JnaLibraryCache.use(env(), jar("a.jar") + ":" + jar("b.jar"), classes);
        assertThat(classes.getProperty("jna.boot.library.path")).isNull();
        assertThat(home.resolve("cache/herakles/jna")).doesNotExist();
    }
}
