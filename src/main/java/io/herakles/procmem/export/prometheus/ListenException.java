package io.herakles.procmem.export.prometheus;

import java.io.IOException;

/**
 * The exporter could not open its listening socket: port in use, address not on this host, not an
 * address at all, no permission. The message is one line meant for the user, e.g.
 * {@code cannot listen on 127.0.0.1:9215: address already in use}.
 */
public final class ListenException extends IOException {

    private static final long serialVersionUID = 1L;

    public ListenException(String message, Throwable cause) {
        super(message, cause);
    }
}
