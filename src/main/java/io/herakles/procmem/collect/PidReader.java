package io.herakles.procmem.collect;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Per-process reads of one worker thread: each method reads one file of {@code ROOT/PID/} through
 * a reusable buffer and parses it, returning absent on any failure, with the reason in
 * {@link #lastOutcome()}. Never throws. Not thread-safe: one instance per thread.
 */
public final class PidReader {

    private final ProcFs procFs;
    private final ProcFileReader reader;
    private PidOutcome lastOutcome = PidOutcome.OK;

    public PidReader(ProcFs procFs) {
        this.procFs = procFs;
        this.reader = procFs.newReader();
    }

    /** Why the last call returned what it did. */
    public PidOutcome lastOutcome() {
        return lastOutcome;
    }

    /** {@code stat}; a missing or unreadable stat means the process is gone. */
    public Optional<PidStat> stat(int pid) {
        if (!readOrVanish(pid, "stat")) {
            return Optional.empty();
        }
        Optional<PidStat> s = PidStat.parse(reader.bytes(), reader.length());
        lastOutcome = s.isPresent() ? PidOutcome.OK : PidOutcome.UNAVAILABLE;
        return s;
    }

    /** Resident bytes from {@code statm}. */
    public OptionalLong rssBytes(int pid) {
        if (!readOrVanish(pid, "statm")) {
            return OptionalLong.empty();
        }
        OptionalLong v = Statm.rssBytes(reader.bytes(), reader.length(), procFs.pageSize());
        lastOutcome = v.isPresent() ? PidOutcome.OK : PidOutcome.UNAVAILABLE;
        return v;
    }

    /** {@code status}. */
    public Optional<ProcStatus> status(int pid) {
        if (!readOrVanish(pid, "status")) {
            return Optional.empty();
        }
        lastOutcome = PidOutcome.OK;
        return Optional.of(ProcStatus.parse(reader.bytes(), reader.length()));
    }

    /** {@code cmdline} joined by spaces (empty for kernel threads). */
    public Optional<String> cmdline(int pid) {
        if (!readOrVanish(pid, "cmdline")) {
            return Optional.empty();
        }
        lastOutcome = PidOutcome.OK;
        procFs.largestReads().io(reader.length());
        return Optional.of(Cmdline.decode(reader.bytes(), reader.length()));
    }

    /** Basename of argv[0], read from {@code cmdline} (the fallback name when comm is empty). */
    public Optional<String> argv0Basename(int pid) {
        if (!readOrVanish(pid, "cmdline")) {
            return Optional.empty();
        }
        lastOutcome = PidOutcome.OK;
        return Optional.of(Cmdline.argv0Basename(reader.bytes(), reader.length()));
    }

    /**
     * {@code smaps_rollup}, or the sum of {@code smaps} when the rollup file does not exist.
     * Absent with {@link PidOutcome#DENIED} when unreadable for permissions, {@link PidOutcome#UNAVAILABLE}
     * for processes without an address space (kernel threads: ESRCH), {@link PidOutcome#VANISHED} when gone.
     */
    public Optional<SmapsRollup> rollup(int pid) {
        ReadStatus st = reader.read(procFs.pidFile(pid, "smaps_rollup"));
        boolean fullSmaps = false;
        if (st == ReadStatus.MISSING && procFs.isAlive(pid)) {
            st = reader.read(procFs.pidFile(pid, "smaps"));
            fullSmaps = true;
        }
        switch (st) {
            case OK -> {
                if (fullSmaps) {
                    procFs.largestReads().smaps(reader.length());
                } else {
                    procFs.largestReads().rollup(reader.length());
                }
                Optional<SmapsRollup> r = SmapsRollup.parse(reader.bytes(), reader.length());
                lastOutcome = r.isPresent() ? PidOutcome.OK : PidOutcome.UNAVAILABLE;
                return r;
            }
            case DENIED -> lastOutcome = PidOutcome.DENIED;
            default -> lastOutcome = procFs.isAlive(pid) ? PidOutcome.UNAVAILABLE : PidOutcome.VANISHED;
        }
        return Optional.empty();
    }

    /**
     * Reads a file that every live process has. Any failure other than "denied" is checked against
     * the pid directory: gone ⇒ VANISHED, else UNAVAILABLE.
     */
    private boolean readOrVanish(int pid, String name) {
        ReadStatus st = reader.read(procFs.pidFile(pid, name));
        switch (st) {
            case OK -> {
                return true;
            }
            case DENIED -> lastOutcome = PidOutcome.DENIED;
            case MISSING -> lastOutcome = PidOutcome.VANISHED;
            default -> lastOutcome = procFs.isAlive(pid) ? PidOutcome.UNAVAILABLE : PidOutcome.VANISHED;
        }
        return false;
    }
}
