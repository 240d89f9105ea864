package io.herakles.procmem.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way tests wait for something that happens on another thread or in another process: ask
 * again every {@code interval} until the answer comes or {@code timeout} has passed, then fail
 * with what was awaited, the last reason it was not there yet and any diagnostics (a child's
 * stderr, a server log). Immutable.
 *
 * <pre>
 * Reply r = Poll.atMost(Duration.ofSeconds(30)).every(Duration.ofMillis(200))
 *         .until("/metrics answering 200", () -&gt; ok(get(port, "/metrics")), child::stderr);
 * </pre>
 *
 * An attempt that throws an {@link Exception} has not succeeded yet (its message is kept as the
 * reason); an {@link AssertionError} ends the wait at once (e.g. "the server process died").
 * {@link InterruptedException} is passed on.
 */
public final class Poll {

    /** One try: the value once it is there, else empty. */
    @FunctionalInterface
    public interface Attempt<T> {
        Optional<T> get() throws Exception;
    }

    /** One try of a condition. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    private final Duration timeout;
    private final Duration interval;

    private Poll(Duration timeout, Duration interval) {
        this.timeout = timeout;
        this.interval = interval;
    }

    /** Waits at most {@code timeout}, asking every 50 ms unless {@link #every} says otherwise. */
    public static Poll atMost(Duration timeout) {
        return new Poll(timeout, DEFAULT_INTERVAL);
    }

    public Poll every(Duration newInterval) {
        return new Poll(timeout, newInterval);
    }

    /** The first value {@code attempt} gives; fails after the timeout naming {@code what}. */
    public <T> T until(String what, Attempt<T> attempt) throws InterruptedException {
        return until(what, attempt, () -> "");
    }

    /** As {@link #until(String, Attempt)}, with {@code diagnostics} appended to the failure. */
    public <T> T until(String what, Attempt<T> attempt, Supplier<String> diagnostics) throws InterruptedException {
        StringBuilder lastReason = new StringBuilder("never tried");
        Optional<T> value = poll(attempt, lastReason);
        if (value.isPresent()) {
            return value.get();
        }
        String more = diagnostics.get();
        throw new AssertionError("no " + what + " within " + timeout + " (last: " + lastReason + ")"
                + (more == null || more.isEmpty() ? "" : "\n" + more));
    }

    /** Waits until {@code check} holds; fails after the timeout naming {@code what}. */
    public void untilTrue(String what, Check check) throws InterruptedException {
        untilTrue(what, check, () -> "");
    }

    /** As {@link #untilTrue(String, Check)}, with {@code diagnostics} appended to the failure. */
    public void untilTrue(String what, Check check, Supplier<String> diagnostics) throws InterruptedException {
        until(what, () -> check.holds() ? Optional.of(Boolean.TRUE) : Optional.empty(), diagnostics);
    }

    /**
     * For a test that makes its own assertion afterwards (on the awaited state itself, for a better
     * message): true when {@code check} held within the timeout, false otherwise.
     */
    public boolean holdsWithin(Check check) throws InterruptedException {
        return poll(() -> check.holds() ? Optional.of(Boolean.TRUE) : Optional.empty(), new StringBuilder()).isPresent();
    }

    /** Tries until a value comes (returned) or the timeout passes (empty; {@code lastReason} says why). */
    private <T> Optional<T> poll(Attempt<T> attempt, StringBuilder lastReason) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            lastReason.setLength(0);
            try {
                Optional<T> value = attempt.get();
                if (value.isPresent()) {
                    return value;
                }
                lastReason.append("not yet");
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception notYet) {
                lastReason.append(notYet);
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
            Thread.sleep(interval.toMillis(), interval.toNanosPart() % 1_000_000);
        }
    }
}
