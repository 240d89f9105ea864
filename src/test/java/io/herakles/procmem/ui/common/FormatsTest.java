package io.herakles.procmem.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void bytesUseBinaryUnitsWithThreeSignificantFigures() {
        assertThat(Formats.bytes(512)).isEqualTo("512 B");
        assertThat(Formats.bytes(1536)).isEqualTo("1.50 KiB");
        assertThat(Formats.bytes(15 * 1024 * 1024 + 512 * 1024)).isEqualTo("15.5 MiB");
        assertThat(Formats.bytes(900L * 1024 * 1024)).isEqualTo("900 MiB");
        assertThat(Formats.bytes(3L * 1024 * 1024 * 1024)).isEqualTo("3.00 GiB");
    }

    @Test
    void unknownValuesShowAsADashNotZero() {
        assertThat(Formats.bytes(OptionalLong.empty())).isEqualTo("—");
        assertThat(Formats.bytes((Long) null)).isEqualTo("—");
        assertThat(Formats.bytes(OptionalLong.of(0))).isEqualTo("0 B");
    }

    @Test
    void cpuTimeReadsAsClockTime() {
        assertThat(Formats.cpuTime(5.25)).isEqualTo("0:05.3");
        assertThat(Formats.cpuTime(125)).isEqualTo("2:05.0");
        assertThat(Formats.cpuTime(3 * 3600 + 61)).isEqualTo("3:01:01");
        assertThat(Formats.cpuTime(2 * 86_400 + 3600 * 5 + 60 * 7)).isEqualTo("2d 05:07");
        assertThat(Formats.percent(12.345)).isEqualTo("12.3");
    }
}
