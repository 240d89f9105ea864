package io.herakles.procmem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {

    private final AtomicInteger tries = new AtomicInteger();

    @Test
    void returnsTheFirstValueAndTreatsExceptionsAsNotYet() throws Exception {
        String value = Poll.atMost(Duration.ofSeconds(10)).every(Duration.ofMillis(1)).until("the third try", () -> {
            int n = tries.incrementAndGet();
            if (n == 1) {
                throw new IOException("connection refused");
            }
            return n >= 3 ? Optional.of("try " + n) : Optional.empty();
        });

        assertThat(value).isEqualTo("try 3");
    }

    @Test
    void failsAfterTheTimeoutWithWhatWasAwaitedTheLastReasonAndDiagnostics() {
        assertThatThrownBy(() -> Poll.atMost(Duration.ofMillis(30)).every(Duration.ofMillis(5)).until("an answer",
                () -> {
                    tries.incrementAndGet();
                    throw new IOException("connection refused");
                }, () -> "child stderr: boom"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no an answer within PT0.03S")
                .hasMessageContaining("java.io.IOException: connection refused")
                .hasMessageEndingWith("\nchild stderr: boom");
        assertThat(tries.get()).isGreaterThan(1);
    }

    @Test
    void anAssertionErrorEndsTheWaitAtOnce() {
        assertThatThrownBy(() -> Poll.atMost(Duration.ofSeconds(30)).until("never", () -> {
            tries.incrementAndGet();
            throw new AssertionError("server died");
        })).hasMessage("server died");
        assertThat(tries.get()).isEqualTo(1);
    }

    @Test
    void holdsWithinSaysWhetherTheConditionCameTrue() throws Exception {
        assertThat(Poll.atMost(Duration.ofMillis(20)).holdsWithin(() -> false)).isFalse();
        assertThat(Poll.atMost(Duration.ofSeconds(10)).every(Duration.ofMillis(1))
                .holdsWithin(() -> tries.incrementAndGet() >= 2)).isTrue();
    }
}
