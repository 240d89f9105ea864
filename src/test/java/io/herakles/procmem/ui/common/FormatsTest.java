package io.herakles.procmem.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void bytesUseBinaryUnitsWithThreeSignificantFigures() {
        assertThat(Formats.bytes(0)).isEqualTo("0 B");
        assertThat(Formats.bytes(512)).isEqualTo("512 B");
        assertThat(Formats.bytes(1023)).isEqualTo("1023 B");
        assertThat(Formats.bytes(1024)).isEqualTo("1.00 KiB");
        assertThat(Formats.bytes(1536)).isEqualTo("1.50 KiB");
        assertThat(Formats.bytes(123 * 1024)).isEqualTo("123 KiB");
        assertThat(Formats.bytes(1792 * 1024)).isEqualTo("1.75 MiB");
        assertThat(Formats.bytes(15 * 1024 * 1024 + 512 * 1024)).isEqualTo("15.5 MiB");
        assertThat(Formats.bytes(900L * 1024 * 1024)).isEqualTo("900 MiB");
        assertThat(Formats.bytes(1536L << 20)).isEqualTo("1.50 GiB");
        assertThat(Formats.bytes(Long.MAX_VALUE)).isEqualTo("8.00 EiB");
        assertThat(Formats.bytes(-2048)).isEqualTo("-2.00 KiB");
    }

    @Test
    void bytesRoundingNeverPrintsAFourthFigureOrAThousandOfAUnit() {
        assertThat(Formats.bytes(10_235)).as("9.995 KiB rounds to two figures before the point")
                .isEqualTo("10.0 KiB");
        assertThat(Formats.bytes(102_350)).as("99.95 KiB").isEqualTo("100 KiB");
        assertThat(Formats.bytes(1023L * 1024 + 600)).as("1023.6 KiB steps up").isEqualTo("1.00 MiB");
        assertThat(Formats.bytes((1L << 30) - 1)).isEqualTo("1.00 GiB");
        assertThat(Formats.bytes(1023L * 1024 + 100)).isEqualTo("1023 KiB");
    }

    @Test
    void everyByteFormOfOneValuePrintsTheSame() {
        long v = 1792 * 1024;
        assertThat(Formats.bytes(OptionalLong.of(v))).isEqualTo(Formats.bytes(v)).isEqualTo(Formats.bytes(Long.valueOf(v)));
    }

    @Test
    void absentIsADashNeverZero() {
        assertThat(Formats.bytes(OptionalLong.empty())).isEqualTo("—");
        assertThat(Formats.bytes(OptionalLong.of(0))).isEqualTo("0 B");
        assertThat(Formats.bytes((Long) null)).isEqualTo("—");
        assertThat(Formats.ratio(OptionalDouble.empty())).isEqualTo("—");
        assertThat(Formats.instant(null, ZoneOffset.UTC)).isEqualTo("—");
        assertThat(Formats.text("  ")).isEqualTo("—");
        assertThat(Formats.percent(Double.NaN)).isEqualTo("—");
        assertThat(Formats.cpuTime(Double.NaN)).isEqualTo("—");
    }

    @Test
    void percentsTimesAndDurations() {
        assertThat(Formats.percent(12.345)).isEqualTo("12.3 %");
        assertThat(Formats.percentNumber(12.345)).isEqualTo("12.3");
        assertThat(Formats.ratio(OptionalDouble.of(0.5))).isEqualTo("50.0 %");
        assertThat(Formats.instant(Instant.ofEpochSecond(0), ZoneOffset.UTC)).isEqualTo("1970-01-01 00:00:00");
        assertThat(Formats.duration(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(Formats.duration(Duration.ofSeconds(250))).isEqualTo("4m 10s");
        assertThat(Formats.duration(Duration.ofMinutes(125))).isEqualTo("2h 5m");
        assertThat(Formats.duration(Duration.ofHours(76))).isEqualTo("3d 4h");
        assertThat(Formats.duration(Duration.ofSeconds(-1))).isEqualTo("—");
    }

    @Test
    void cpuTimeReadsAsClockTime() {
        assertThat(Formats.cpuTime(5.25)).isEqualTo("0:05.3");
        assertThat(Formats.cpuTime(125)).isEqualTo("2:05.0");
        assertThat(Formats.cpuTime(3 * 3600 + 61)).isEqualTo("3:01:01");
        assertThat(Formats.cpuTime(2 * 86_400 + 3600 * 5 + 60 * 7)).isEqualTo("2d 05:07");
        assertThat(Formats.cpuTime(0.2)).as("a fraction of a second is not rounded away to 0s").isEqualTo("0:00.2");
    }
}
