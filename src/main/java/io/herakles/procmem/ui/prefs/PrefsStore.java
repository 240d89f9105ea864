package io.herakles.procmem.ui.prefs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads and writes the preferences file. Reading never fails: a missing file gives the defaults
 * (the first start, said at FINE), an unreadable or corrupt one the defaults and one warning naming
 * the file; bad keys are skipped with one warning each ({@link PrefsFile}). Writing goes to a
 * temporary file in the same folder, then renames it over the old one, so a crash mid-write leaves
 * the old file whole. {@link #inMemory()} keeps them in memory only (tests, and windows built
 * without a user). Thread-safe: {@link #save} may run on a writer thread while the FX thread reads
 * nothing here.
 */
public class PrefsStore {

    private static final Logger LOG = Logger.getLogger(PrefsStore.class.getName());

    private final Path file;
    private volatile DesktopPrefs inMemory = DesktopPrefs.DEFAULTS;

    private PrefsStore(Path file) {
        this.file = file;
    }

    /** The store of {@code file} (created with its folder on the first save). */
    public static PrefsStore at(Path file) {
        return new PrefsStore(file);
    }

    /** A store that keeps what was saved in memory and never touches a file. */
    public static PrefsStore inMemory() {
        return new PrefsStore(null);
    }

    /** The file, or null for an in-memory store. */
    public Path file() {
        return file;
    }

    /** What was saved last; the defaults when there is nothing usable. Never throws. */
    public DesktopPrefs load() {
        if (file == null) {
            return inMemory;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            LOG.fine(() -> file + ": no preferences yet; using defaults");
            return DesktopPrefs.DEFAULTS;
        } catch (IOException | RuntimeException e) {
            LOG.warning(file + ": cannot read preferences (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); using defaults");
            return DesktopPrefs.DEFAULTS;
        }
        try {
            return PrefsFile.parse(text, problem -> LOG.warning(file + ": " + problem));
        } catch (PrefsFile.CorruptPrefsException e) {
            LOG.warning(file + ": preferences are " + e.getMessage() + "; using defaults (the file is replaced on exit)");
            return DesktopPrefs.DEFAULTS;
        }
    }

    /** Writes {@code prefs} atomically (temp file + rename). Returns false, after one warning, when it cannot. */
    public boolean save(DesktopPrefs prefs) {
        if (file == null) {
            inMemory = prefs;
            return true;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, PrefsFile.toJson(prefs), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, file + ": cannot save preferences (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do: the old file is intact
            }
            return false;
        }
    }
}
