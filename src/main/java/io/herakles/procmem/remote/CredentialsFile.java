package io.herakles.procmem.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A credentials file ({@code --connect-credentials FILE}, and what "remember" writes): one line
 * {@code user:password} (the password may contain {@code :}); blank lines and {@code #} comments
 * are ignored. A file that group or others may read is refused before it is read, as ssh refuses
 * a private key: a password there is not private. Written files get mode 0600 from the start (not
 * chmod after writing). Stateless.
 */
public final class CredentialsFile {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private CredentialsFile() {}

    /** Reads {@code file}; one-line {@link RemoteException} naming the file when it is open to others, missing or malformed. */
    public static Credentials read(Path file) throws RemoteException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            throw new RemoteException(file + ": file not found");
        } catch (IOException | UnsupportedOperationException e) {
            throw new RemoteException(file + ": cannot read its permissions: " + e.getMessage());
        }
        Set<PosixFilePermission> open = EnumSet.copyOf(perms.isEmpty() ? EnumSet.noneOf(PosixFilePermission.class) : perms);
        open.retainAll(OTHERS);
        if (!open.isEmpty()) {
            throw new RemoteException(file + ": readable by group or others (mode "
                    + PosixFilePermissions.toString(perms) + "); refusing to use a password there, run: chmod 600 " + file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new RemoteException(file + ": cannot read: permission denied");
        } catch (IOException e) {
            throw new RemoteException(file + ": cannot read: " + e.getMessage());
        }
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new RemoteException(file + ": expected one line 'user:password'");
            }
            return new Credentials(l.substring(0, colon), l.substring(colon + 1));
        }
        throw new RemoteException(file + ": empty; expected one line 'user:password'");
    }

    /** Writes {@code credentials} to {@code file}, created with mode 0600 (an existing file is narrowed to 0600 first). */
    public static void write(Credentials credentials, Path file) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, ownerOnly);
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        Files.writeString(file, credentials.user() + ":" + credentials.password() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }
}
