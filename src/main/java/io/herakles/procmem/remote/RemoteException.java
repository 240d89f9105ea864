package io.herakles.procmem.remote;

/** A connection setting the user can fix (URL, credentials file, CA file, fingerprint): one line naming it. */
public final class RemoteException extends Exception {
    private static final long serialVersionUID = 1L;

    public RemoteException(String message) {
        super(message);
    }

    public RemoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
