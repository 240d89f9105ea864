package io.herakles.procmem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.testsupport.Exposition.Sample;
import org.junit.jupiter.api.Test;

/** The test parser of the text exposition format reads what it must and rejects what is broken. */
class ExpositionTest {

    @Test
    void readsHelpTypeAndUnescapedLabels() {
        Exposition e = Exposition.parse("""
                # HELP a_bytes Some help, with: punctuation
                # TYPE a_bytes gauge
                a_bytes{pid="1",name="we\\"ird\\\\na\\nme {x,y}=z"} 5.36870912E8
                a_bytes{pid="2",name=""} 0.0
                up 1
                """);
        assertThat(e.help()).containsEntry("a_bytes", "Some help, with: punctuation");
        assertThat(e.type()).containsEntry("a_bytes", "gauge");
        Sample s = e.find("a_bytes", "pid", "1").orElseThrow();
        assertThat(s.label("name")).isEqualTo("we\"ird\\na\nme {x,y}=z");
        assertThat(s.value()).isEqualTo(536870912.0);
        assertThat(e.find("a_bytes", "pid", "2").orElseThrow().label("name")).isEmpty();
        assertThat(e.value("up")).hasValue(1.0);
        assertThat(e.samples("a_bytes")).hasSize(2);
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> Exposition.parse("a{pid=1} 1\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Exposition.parse("a{pid=\"1\"} x\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Exposition.parse("a{name=\"\\t\"} 1\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Exposition.parse("a\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findRefusesAmbiguousMatches() {
        Exposition e = Exposition.parse("a{pid=\"1\",x=\"1\"} 1\na{pid=\"1\",x=\"2\"} 2\n");
        assertThatThrownBy(() -> e.find("a", "pid", "1")).isInstanceOf(AssertionError.class);
    }
}
