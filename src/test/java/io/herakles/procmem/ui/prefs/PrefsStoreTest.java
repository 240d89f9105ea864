package io.herakles.procmem.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.MemoryMetric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefsStoreTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final Logger log = Logger.getLogger(PrefsStore.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(capture);
    }

    @Test
    void savesIntoANewFolderAndReadsBack() throws Exception {
        Path file = dir.resolve("config/herakles/desktop.json");
        PrefsStore store = PrefsStore.at(file);
        assertThat(store.load()).isEqualTo(DesktopPrefs.DEFAULTS);
        assertThat(warnings).as("a first start is not a problem").isEmpty();

        assertThat(store.save(PrefsFileTest.everything())).isTrue();

        assertThat(PrefsStore.at(file).load()).isEqualTo(PrefsFileTest.everything());
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("desktop.json");
        }
    }

    @Test
    void aCorruptFileGivesTheDefaultsAndOneWarningNamingIt() throws Exception {
        Path file = dir.resolve("desktop.json");
        Files.writeString(file, "{\"metric\": \"USS\", \"colu");

        assertThat(PrefsStore.at(file).load()).isEqualTo(DesktopPrefs.DEFAULTS);

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith(file + ": preferences are not JSON").contains("using defaults")
                .doesNotContain("\n");
    }

    @Test
    void anUnreadableFileGivesTheDefaultsAndOneWarning() throws Exception {
        Path file = dir.resolve("desktop.json");
        Files.createDirectory(file); // reading a directory fails whoever runs the test (root too)

        assertThat(PrefsStore.at(file).load()).isEqualTo(DesktopPrefs.DEFAULTS);
        assertThat(warnings).singleElement().asString().startsWith(file + ": cannot read preferences");
    }

    @Test
    void aBadKeyIsOneWarningAndTheOthersApply() throws Exception {
        Path file = dir.resolve("desktop.json");
        Files.writeString(file, "{\"metric\": \"PSS\", \"intervalMillis\": \"fast\"}");

        DesktopPrefs read = PrefsStore.at(file).load();

        assertThat(read.metric()).isEqualTo(MemoryMetric.PSS);
        assertThat(warnings).containsExactly(file + ": intervalMillis: \"fast\" is not a whole number of milliseconds; ignored");
    }

    @Test
    void aFailedSaveLeavesTheOldFileWhole() throws Exception {
        Path folder = dir.resolve("herakles");
        Path file = folder.resolve("desktop.json");
        PrefsStore store = PrefsStore.at(file);
        store.save(PrefsFileTest.everything());
        Files.createDirectory(folder.resolve("desktop.json.tmp")); // the temp file cannot be written

        assertThat(store.save(DesktopPrefs.DEFAULTS)).isFalse();

        assertThat(store.load()).isEqualTo(PrefsFileTest.everything());
        assertThat(warnings).singleElement().asString().startsWith(file + ": cannot save preferences");
    }

    @Test
    void theLocationFollowsXdgConfigHomeAndTheOverride() {
        assertThat(PrefsLocation.resolve(null, Map.of(), "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.config/herakles/desktop.json"));
        assertThat(PrefsLocation.resolve(null, Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/ann"))
                .isEqualTo(Path.of("/xdg/herakles/desktop.json"));
        assertThat(PrefsLocation.resolve(null, Map.of("XDG_CONFIG_HOME", "relative"), "/home/ann"))
                .as("a relative XDG_CONFIG_HOME is ignored, as the XDG spec says")
                .isEqualTo(Path.of("/home/ann/.config/herakles/desktop.json"));
        assertThat(PrefsLocation.resolve("/tmp/t", Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/ann"))
                .isEqualTo(Path.of("/tmp/t/herakles/desktop.json"));
    }
}
