package io.herakles.procmem.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesktopColorSchemeTest {

    private final List<String> asked = new ArrayList<>();

    private java.util.function.Function<List<String>, Optional<String>> answers(Map<String, String> byCommand) {
        return command -> {
            asked.add(command.get(0));
            return Optional.ofNullable(byCommand.get(command.get(0)));
        };
    }

    @Test
    void gtkThemeWithDarkVariantWinsWithoutAskingAnyone() {
        assertThat(DesktopColorScheme.prefersDark(Map.of("GTK_THEME", "Adwaita:dark"), answers(Map.of()))).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void thePortalAnswersFirstThroughGdbus() {
        assertThat(DesktopColorScheme.prefersDark(Map.of("GTK_THEME", "Adwaita"),
                answers(Map.of("gdbus", "(<<uint32 1>>,)\n", "gsettings", "'prefer-light'\n")))).isTrue();
        assertThat(DesktopColorScheme.prefersDark(Map.of(),
                answers(Map.of("gdbus", "(<<<uint32 2>>>,)\n", "gsettings", "'prefer-dark'\n")))).isFalse();
    }

    @Test
    void withoutGdbusBusctlThenGsettingsAnswer() {
        assertThat(DesktopColorScheme.prefersDark(Map.of(), answers(Map.of("busctl", "v v u 1\n")))).isTrue();
        asked.clear();
        assertThat(DesktopColorScheme.prefersDark(Map.of(),
                answers(Map.of("gdbus", "(<<uint32 0>>,)", "gsettings", "'prefer-dark'\n")))).isTrue();
        assertThat(asked).containsExactly("gdbus", "busctl", "gsettings");
    }

    @Test
    void nobodyAnsweringMeansLight() {
        assertThat(DesktopColorScheme.prefersDark(Map.of(), answers(Map.of()))).isFalse();
        assertThat(DesktopColorScheme.fromGsettings("'default'")).contains(false);
        assertThat(DesktopColorScheme.fromPortal("Error: no such interface")).isEmpty();
    }

    @Test
    void aMissingCommandIsNoAnswer() {
        assertThat(DesktopColorScheme.run(List.of("/nonexistent/herakles-no-such-command"))).isEmpty();
    }
}
