package io.herakles.procmem.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void bytesUseBinaryUnitsWithOneDecimal() {
        assertThat(Format.bytes(0)).isEqualTo("0 B");
        assertThat(Format.bytes(1023)).isEqualTo("1023 B");
        assertThat(Format.bytes(1024)).isEqualTo("1.0 KiB");
        assertThat(Format.bytes(1536L << 20)).isEqualTo("1.5 GiB");
        assertThat(Format.bytes((1L << 30) - 1)).isEqualTo("1.0 GiB");
        assertThat(Format.bytes(-2048)).isEqualTo("-2.0 KiB");
        assertThat(Format.bytes(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }

    @Test
    void absentIsADashNeverZero() {
        assertThat(Format.bytes(OptionalLong.empty())).isEqualTo("\u2014");
        assertThat(Format.bytes(OptionalLong.of(0))).isEqualTo("0 B");
        assertThat(Format.ratio(OptionalDouble.empty())).isEqualTo("\u2014");
        assertThat(Format.instant(null, ZoneOffset.UTC)).isEqualTo("\u2014");
        assertThat(Format.text("  ")).isEqualTo("\u2014");
        assertThat(Format.percent(Double.NaN)).isEqualTo("\u2014");
    }

    @Test
    void percentsTimesAndDurations() {
        assertThat(Format.percent(12.345)).isEqualTo("12.3 %");
        assertThat(Format.ratio(OptionalDouble.of(0.5))).isEqualTo("50.0 %");
        assertThat(Format.instant(Instant.ofEpochSecond(0), ZoneOffset.UTC)).isEqualTo("1970-01-01 00:00:00");
        assertThat(Format.duration(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(Format.duration(Duration.ofSeconds(250))).isEqualTo("4m 10s");
        assertThat(Format.duration(Duration.ofMinutes(125))).isEqualTo("2h 5m");
        assertThat(Format.duration(Duration.ofHours(76))).isEqualTo("3d 4h");
        assertThat(Format.duration(Duration.ofSeconds(-1))).isEqualTo("\u2014");
    }
}
