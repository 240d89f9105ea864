package io.herakles.procmem.export.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExporterTelemetryTest {

    private final AtomicLong millis = new AtomicLong(1_764_900_000_000L);
    private final ExporterTelemetry telemetry = new ExporterTelemetry(new MovableClock(millis));

    @Test
    void countsTheRequestsOfTheLastSixtySeconds() {
        requests(5);
        millis.addAndGet(30_000);
        requests(3);
        assertThat(telemetry.requestsLastMinute()).isEqualTo(8);

        millis.addAndGet(30_500); // the first five are now 60.5 s old
        assertThat(telemetry.requestsLastMinute()).isEqualTo(3);

        millis.addAndGet(30_000);
        assertThat(telemetry.requestsLastMinute()).isZero();
    }

    @Test
    void aSlotReusedAMinuteLaterStartsFromZero() {
        requests(7);
        millis.addAndGet(60_000); // same slot of the ring, one minute later
        requests(2);
        assertThat(telemetry.requestsLastMinute()).isEqualTo(2);
    }

    @Test
    void aFloodIsCountedWithoutKeepingItsRequests() {
        for (int second = 0; second < 90; second++) {
            requests(10_000);
            millis.addAndGet(1_000);
        }
        // the ring holds the last 60 whole seconds: 59 before "now" plus the empty current one
        assertThat(telemetry.requestsLastMinute()).isEqualTo(59 * 10_000);
    }

    private void requests(int n) {
        for (int i = 0; i < n; i++) {
            telemetry.recordRequest();
        }
    }

    private static final class MovableClock extends Clock {
        private final AtomicLong millis;

        MovableClock(AtomicLong millis) {
            this.millis = millis;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
