package io.herakles.procmem.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class ContrastTest {

    @Test
    void ratiosMatchTheWcagReferenceValues() {
        assertThat(Contrast.ratio(Color.BLACK, Color.WHITE)).isCloseTo(21, within(0.01));
        assertThat(Contrast.ratio(Color.WHITE, Color.WHITE)).isCloseTo(1, within(0.001));
        // #767676 on white is the classic "just passes AA" grey: 4.54:1
        assertThat(Contrast.ratio(Color.web("#767676"), Color.WHITE)).isCloseTo(4.54, within(0.01));
    }

    @Test
    void textOnPicksTheBetterOfBlackAndWhite() {
        assertThat(Contrast.textOn(Color.web("#edc948"))).isEqualTo(Color.BLACK);
        assertThat(Contrast.textOn(Color.web("#1f2326"))).isEqualTo(Color.WHITE);
    }
}
