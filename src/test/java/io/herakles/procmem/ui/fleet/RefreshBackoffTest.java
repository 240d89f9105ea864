package io.herakles.procmem.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshBackoffTest {

    private final RefreshBackoff backoff = new RefreshBackoff();
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void readsThatWorkWaitTheInterval() {
        assertThat(backoff.after(false, MINUTE)).contains(MINUTE);
        assertThat(backoff.after(false, MINUTE)).contains(MINUTE);
    }

    @Test
    void eachFailureInARowDoublesTheWaitUpToTenMinutesAndASuccessEndsIt() {
        assertThat(backoff.after(true, MINUTE)).contains(Duration.ofMinutes(2));
        assertThat(backoff.after(true, MINUTE)).contains(Duration.ofMinutes(4));
        assertThat(backoff.after(true, MINUTE)).contains(Duration.ofMinutes(8));
        assertThat(backoff.after(true, MINUTE)).contains(RefreshBackoff.MAX);
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.after(true, MINUTE)).contains(RefreshBackoff.MAX); // no overflow however long
        }
        assertThat(backoff.failuresInARow()).isEqualTo(104);

        assertThat(backoff.after(false, MINUTE)).contains(MINUTE);
        assertThat(backoff.failuresInARow()).isZero();
    }

    @Test
    void aZeroIntervalPlansNothing() {
        assertThat(backoff.after(true, Duration.ZERO)).isEmpty();
        assertThat(backoff.after(false, Duration.ZERO)).isEmpty();
    }
}
