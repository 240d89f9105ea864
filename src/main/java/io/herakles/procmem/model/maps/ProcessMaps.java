package io.herakles.procmem.model.maps;

import java.util.List;
import java.util.Objects;

/**
 * The mappings of one process, in address order, or why there are none. When the status is not
 * {@link MapsStatus#OK} the list is empty and {@code reason} says why in one line; the figures are
 * then absent, never zero. Immutable.
 *
 * @param pid      the process
 * @param status   whether it could be read
 * @param reason   one line for the user when not OK ("" when OK)
 * @param mappings every mapping, in address order
 */
public record ProcessMaps(int pid, MapsStatus status, String reason, List<Mapping> mappings) {

    /** What to do about a denied read, said wherever one is shown. */
    public static final String DENIED_HINT = "run as root or grant CAP_SYS_PTRACE";

    public ProcessMaps {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        mappings = List.copyOf(mappings);
    }

    public static ProcessMaps ok(int pid, List<Mapping> mappings) {
        return new ProcessMaps(pid, MapsStatus.OK, "", mappings);
    }

    public static ProcessMaps denied(int pid) {
        return new ProcessMaps(pid, MapsStatus.DENIED,
                "memory maps of pid " + pid + " are not readable: " + DENIED_HINT, List.of());
    }

    public static ProcessMaps gone(int pid) {
        return new ProcessMaps(pid, MapsStatus.GONE, "process " + pid + " is gone", List.of());
    }

    public static ProcessMaps noAddressSpace(int pid, boolean zombie) {
        return new ProcessMaps(pid, MapsStatus.NO_ADDRESS_SPACE, zombie
                ? "process " + pid + " is a zombie: it has exited and has no memory maps"
                : "pid " + pid + " is a kernel thread: it has no memory maps", List.of());
    }

    public static ProcessMaps unreadable(int pid, String why) {
        return new ProcessMaps(pid, MapsStatus.UNREADABLE, "memory maps of pid " + pid + " unreadable: " + why,
                List.of());
    }

    public boolean isOk() {
        return status == MapsStatus.OK;
    }

    /** The sum over every mapping ({@link MappingSizes#NONE} when there are none). */
    public MappingSizes totals() {
        MappingSizes sum = MappingSizes.NONE;
        for (Mapping m : mappings) {
            sum = sum.plus(m.sizes());
        }
        return sum;
    }
}
