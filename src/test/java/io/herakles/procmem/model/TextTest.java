package io.herakles.procmem.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void validTextIsReturnedAsItIs() {
        String s = "we\"ird\\n) me 😀";
        assertThat(Text.withoutUnpairedSurrogates(s)).isSameAs(s);
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharactersAndPairsSurvive() {
        assertThat(Text.withoutUnpairedSurrogates("a\uD800b\uDC00c😀\uD83D"))
                .isEqualTo("a\uFFFDb\uFFFDc😀\uFFFD");
    }
}
