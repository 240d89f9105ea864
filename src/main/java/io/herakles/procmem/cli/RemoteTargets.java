package io.herakles.procmem.cli;

import io.herakles.procmem.remote.CredentialsFile;
import io.herakles.procmem.remote.RemoteException;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.remote.Trust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A {@link RemoteTarget} from command-line options ({@code --connect}, {@code fleet --prometheus}); bad ones are a one-line {@link UserError}. */
final class RemoteTargets {

    private RemoteTargets() {}

    /**
     * {@code url} with credentials from {@code credentialsFile} (which wins over the URL's, and is
     * refused when group or others can read it) and trust from a CA file or a fingerprint (not both).
     */
    static RemoteTarget fromOptions(String url, Path credentialsFile, Path caFile, String fingerprint) {
        try {
            RemoteTarget target = RemoteTarget.parse(url);
            if (credentialsFile != null) {
                target = target.withCredentials(Optional.of(CredentialsFile.read(credentialsFile)));
            }
            if (caFile != null && fingerprint != null) {
                throw new UserError("give a CA file or a certificate fingerprint, not both");
            }
            if (caFile != null) {
                if (!Files.isRegularFile(caFile)) {
                    throw new UserError(caFile + ": CA file not found");
                }
                target = target.withTrust(new Trust.CaFile(caFile));
            }
            if (fingerprint != null) {
                target = target.withTrust(Trust.pin(fingerprint));
            }
            return target;
        } catch (RemoteException e) {
            throw new UserError(e.getMessage());
        }
    }
}
