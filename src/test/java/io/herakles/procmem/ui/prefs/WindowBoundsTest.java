package io.herakles.procmem.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowBoundsTest {

    private static final WindowBounds.Area LEFT = new WindowBounds.Area(0, 0, 1920, 1050);
    private static final WindowBounds.Area RIGHT = new WindowBounds.Area(1920, 0, 1280, 770);

    @Test
    void aWindowOnAScreenStaysWhereItWas() {
        WindowBounds w = new WindowBounds(100, 50, 1200, 800, false);
        assertThat(w.fitTo(List.of(LEFT, RIGHT))).contains(w);
    }

    @Test
    void aWindowOnAScreenThatIsGoneOpensWhereItWouldWithoutPreferences() {
        WindowBounds onUnpluggedMonitor = new WindowBounds(2100, 100, 1000, 600, true);
        assertThat(onUnpluggedMonitor.fitTo(List.of(LEFT))).isEmpty();
        assertThat(new WindowBounds(-5000, -5000, 800, 600, false).fitTo(List.of(LEFT, RIGHT))).isEmpty();
    }

    @Test
    void aWindowHalfOffItsScreenIsMovedInsideAndShrunkToFit() {
        WindowBounds halfOff = new WindowBounds(1500, 600, 1000, 900, false);
        assertThat(halfOff.fitTo(List.of(LEFT))).contains(new WindowBounds(920, 150, 1000, 900, false));
        WindowBounds tooBig = new WindowBounds(1900, 0, 2000, 1200, true);
        assertThat(tooBig.fitTo(List.of(LEFT, RIGHT))).contains(new WindowBounds(1920, 0, 1280, 770, true));
    }

    @Test
    void aSliverOnAScreenIsNotEnough() {
        WindowBounds sliver = new WindowBounds(1900, 100, 800, 600, false); // 20 px on LEFT
        assertThat(sliver.fitTo(List.of(LEFT))).isEmpty();
    }
}
