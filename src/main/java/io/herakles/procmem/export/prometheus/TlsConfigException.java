package io.herakles.procmem.export.prometheus;

import java.io.IOException;

/**
 * TLS material or a web config file is unusable: missing file, no PEM certificate or key, an
 * encrypted or unsupported key, a key that does not match its certificate, an invalid web config.
 * The message is one line naming the file (and key) at fault.
 */
public final class TlsConfigException extends IOException {

    private static final long serialVersionUID = 1L;

    public TlsConfigException(String message) {
        super(message);
    }

    public TlsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
