package io.herakles.procmem.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged launchers cannot re-execute (their options come from jpackage's config file), so they
 * must carry the same tuned flags as a plain {@code java -jar} start gets.
 */
class PackagedLauncherFlagsTest {

    @Test
    void jpackageLaunchersCarryTheTunedFlags() throws Exception {
        String dist = Files.readString(Path.of("jpackage/dist.xml"));
        assertThat(List.of(property(dist, "server.java.options").split("\\s+"))).containsAll(TunedFlags.EXPORTER);
        assertThat(List.of(property(dist, "desktop.java.options").split("\\s+"))).containsAll(TunedFlags.DESKTOP);
    }

    private static String property(String xml, String name) {
        Matcher m = Pattern.compile("<property name=\"" + Pattern.quote(name) + "\"\\s+value=\"([^\"]*)\"").matcher(xml);
        assertThat(m.find()).as(name + " in jpackage/dist.xml").isTrue();
        return m.group(1);
    }
}
