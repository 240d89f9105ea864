package io.herakles.procmem.collect;

import io.herakles.procmem.model.maps.ProcessMaps;
import java.util.List;
import java.util.Optional;

/**
 * Reads one process's {@code /proc/PID/smaps} into {@link ProcessMaps}. Never throws: a denied
 * read, a process that is gone (before or during the read), a kernel thread or zombie (empty
 * file) each come back as their own status with a one-line reason. Not thread-safe: one per thread.
 */
public final class MapsReader {

    private final ProcFs procFs;
    private final ProcFileReader reader;
    private final PidReader pidReader;
    private final SmapsParser parser = new SmapsParser();

    public MapsReader(ProcFs procFs) {
        this.procFs = procFs;
        this.reader = procFs.newReader();
        this.pidReader = new PidReader(procFs);
    }

    /** The mappings of {@code pid}, or why there are none. */
    public ProcessMaps read(int pid) {
        ReadStatus st = reader.read(procFs.pidFile(pid, "smaps"));
        return switch (st) {
            case OK -> reader.length() == 0 ? withoutAddressSpace(pid)
                    : ProcessMaps.ok(pid, parser.parse(reader.bytes(), reader.length()));
            case DENIED -> ProcessMaps.denied(pid);
            case MISSING -> procFs.isAlive(pid) ? ProcessMaps.unreadable(pid, "no smaps file") : ProcessMaps.gone(pid);
            case ERROR -> procFs.isAlive(pid) ? withoutAddressSpace(pid) : ProcessMaps.gone(pid);
        };
    }

    /**
     * Calls {@code sink} for each mapping of {@code pid} without building records (the
     * cross-process scan); returns the status of the read ({@link ProcessMaps} without mappings).
     */
    ProcessMaps scan(int pid, SmapsParser.MappingSink sink) {
        ReadStatus st = reader.read(procFs.pidFile(pid, "smaps"));
        if (st == ReadStatus.OK && reader.length() > 0) {
            parser.scan(reader.bytes(), reader.length(), sink);
            return ProcessMaps.ok(pid, List.of());
        }
        return switch (st) {
            case DENIED -> ProcessMaps.denied(pid);
            case OK -> ProcessMaps.noAddressSpace(pid, false);
            default -> procFs.isAlive(pid) ? ProcessMaps.noAddressSpace(pid, false) : ProcessMaps.gone(pid);
        };
    }

    /** Its name ({@code comm}), empty when gone. */
    public Optional<String> name(int pid) {
        return pidReader.stat(pid).map(PidStat::comm);
    }

    /** An empty {@code smaps} (or ESRCH on a live pid): a zombie, a kernel thread, or gone meanwhile. */
    private ProcessMaps withoutAddressSpace(int pid) {
        Optional<PidStat> stat = pidReader.stat(pid);
        if (stat.isEmpty()) {
            return pidReader.lastOutcome() == PidOutcome.VANISHED ? ProcessMaps.gone(pid)
                    : ProcessMaps.unreadable(pid, "stat unreadable");
        }
        return ProcessMaps.noAddressSpace(pid, stat.get().state() == 'Z');
    }
}
