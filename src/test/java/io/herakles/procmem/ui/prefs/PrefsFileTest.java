package io.herakles.procmem.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.model.MemoryMetric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefsFileTest {

    private final List<String> problems = new ArrayList<>();

    static DesktopPrefs everything() {
        return new DesktopPrefs(new WindowBounds(10, 20, 900, 600, true), 0.4, 0.7,
                List.of(new ColumnPref("uss", true, 90), new ColumnPref("name", true, 200),
                        new ColumnPref("user", false, 72)),
                List.of(new SortPref("pss", true), new SortPref("name", false)), MemoryMetric.PSS,
                Duration.ofSeconds(5), Duration.ofMinutes(15), false, true, "cpuTab", ThemeChoice.DARK,
                Path.of("/tmp/snaps"), List.of(Path.of("/tmp/snaps/a.json"), Path.of("/tmp/b.json")),
                List.of("https://db1:9215", "http://10.0.0.7:9215/herakles"), List.of("http://prom:9090"));
    }

    @Test
    void everythingWrittenIsReadBack() throws Exception {
        DesktopPrefs prefs = everything();
        assertThat(PrefsFile.parse(PrefsFile.toJson(prefs), problems::add)).isEqualTo(prefs);
        assertThat(problems).isEmpty();
    }

    @Test
    void recentUrlsWithCredentialsInTheFileAreDroppedWithoutRepeatingThem() throws Exception {
        DesktopPrefs read = PrefsFile.parse("""
                {"recentExporters": ["http://u:hunter2@db1:9215", "https://db2:9215", 7, "ftp://x"],
                 "recentPrometheus": "http://prom:9090"}
                """, problems::add);
        assertThat(read.recentExporters()).containsExactly("https://db2:9215");
        assertThat(read.recentPrometheus()).isEmpty();
        assertThat(problems).hasSize(4).noneMatch(p -> p.contains("hunter2"));
        assertThat(problems.get(0)).isEqualTo("recentExporters: entry 1 is not an http(s) URL without credentials; ignored");
    }

    @Test
    void aListHoldingCredentialsIsWrittenWithoutThem() {
        DesktopPrefs prefs = new DesktopPrefs(null, null, null, List.of(), List.of(), null, null, null, null, null,
                null, null, null, List.of(), List.of("http://u:hunter2@db1:9215/?token=abc"), List.of());
        assertThat(PrefsFile.toJson(prefs)).doesNotContain("hunter2", "token").contains("\"http://db1:9215\"");
    }

    @Test
    void defaultsWriteOnlyTheVersion() throws Exception {
        String json = PrefsFile.toJson(DesktopPrefs.DEFAULTS);
        assertThat(json.replaceAll("\\s", "")).isEqualTo("{\"version\":1}");
        assertThat(PrefsFile.parse(json, problems::add)).isEqualTo(DesktopPrefs.DEFAULTS);
    }

    @Test
    void textThatIsNotAJsonObjectIsCorrupt() {
        assertThatThrownBy(() -> PrefsFile.parse("{\"metric\": \"USS\"", problems::add))
                .isInstanceOf(PrefsFile.CorruptPrefsException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> PrefsFile.parse("[1, 2]", problems::add))
                .isInstanceOf(PrefsFile.CorruptPrefsException.class).hasMessage("not a JSON object");
        assertThatThrownBy(() -> PrefsFile.parse("", problems::add))
                .isInstanceOf(PrefsFile.CorruptPrefsException.class);
    }

    @Test
    void aNewerVersionsUnknownKeysAreSkippedSilently() throws Exception {
        DesktopPrefs read = PrefsFile.parse("""
                {"version": 7, "metric": "uss", "remoteConnections": [{"host": "db1"}], "tab": "cpuTab"}
                """, problems::add);
        assertThat(read.metric()).isEqualTo(MemoryMetric.USS);
        assertThat(read.tab()).isEqualTo("cpuTab");
        assertThat(problems).isEmpty();
    }

    @Test
    void badValuesAreIgnoredKeyByKeyWithOneLineEach() throws Exception {
        DesktopPrefs read = PrefsFile.parse("""
                {"version": 1,
                 "metric": "XSS",
                 "intervalMillis": 5,
                 "cpuWindowSeconds": 300,
                 "mainDivider": 1.5,
                 "sideDivider": 0.5,
                 "window": {"x": 0, "y": 0, "width": -3, "height": 400},
                 "columns": [{"id": "pid", "width": 60}, {"id": 3}, {"id": "pid", "width": 70},
                             {"id": "uss", "visible": false, "width": 80}],
                 "sort": [{"id": "uss"}, {"id": "pid", "ascending": true}],
                 "theme": "purple",
                 "cpuStacked": "yes",
                 "lastFolder": "relative/dir",
                 "recentFiles": ["/a.json", 4, "/a.json", "/b.json"]}
                """, problems::add);
        assertThat(read.metric()).isNull();
        assertThat(read.interval()).isNull();
        assertThat(read.cpuWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(read.mainDivider()).isNull();
        assertThat(read.sideDivider()).isEqualTo(0.5);
        assertThat(read.window()).isNull();
        assertThat(read.columns()).containsExactly(new ColumnPref("pid", true, 60), new ColumnPref("uss", false, 80));
        assertThat(read.sort()).containsExactly(new SortPref("pid", true));
        assertThat(read.theme()).isNull();
        assertThat(read.cpuStacked()).isNull();
        assertThat(read.lastFolder()).isNull();
        assertThat(read.recentFiles()).containsExactly(Path.of("/a.json"), Path.of("/b.json"));
        assertThat(problems).anyMatch(p -> p.startsWith("metric: \"XSS\" is not USS, PSS or RSS"))
                .anyMatch(p -> p.startsWith("intervalMillis: 5 "))
                .anyMatch(p -> p.startsWith("mainDivider: 1.5 "))
                .anyMatch(p -> p.startsWith("theme: \"purple\" "))
                .anyMatch(p -> p.startsWith("lastFolder: \"relative/dir\" "))
                .allMatch(p -> p.endsWith("; ignored"));
        assertThat(problems).hasSize(11);
    }
}
