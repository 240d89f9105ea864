package io.herakles.procmem.remote;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the connection to a remote exporter stands, for the window's banner and status bar: what
 * (a {@link State}), a one-line message naming host and reason, since when, when data last
 * arrived, and when the next attempt is due. Immutable.
 */
public record RemoteStatus(State state, String message, Instant since, Optional<Instant> lastGood,
        Optional<Instant> nextAttempt) {

    /** Whether data flows, and if not, why. */
    public enum State {
        CONNECTING(false),
        CONNECTED(false),
        /** Connected, but the exporter has not collected its first snapshot yet. */
        WAITING(false),
        UNREACHABLE(true),
        UNAUTHORIZED(true),
        FORBIDDEN(true),
        TLS_ERROR(true),
        TIMEOUT(true),
        HTTP_ERROR(true),
        /** The answer is not a snapshot (HTML page, another program) or a newer format. */
        BAD_ANSWER(true);

        private final boolean failure;

        State(boolean failure) {
            this.failure = failure;
        }

        public boolean failure() {
            return failure;
        }
    }

    public RemoteStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastGood, "lastGood");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
    }
}
