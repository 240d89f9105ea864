package io.herakles.procmem.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether to re-execute, and with which command line: a pure decision over what this JVM knows
 * about how it was started, so it can be tested without starting anything. Immutable.
 *
 * @param command     the child's complete command line; empty when the app runs in this JVM
 * @param addedFlags  the tuned flags the child gets (those the user did not set); for the log line
 * @param reason      why the app runs in this JVM; empty when it re-executes
 */
record RelaunchPlan(List<String> command, List<String> addedFlags, Map<String, String> childEnv, String reason) {

    /** System property on the child's command line: "already re-executed", never again. */
    static final String MARKER = "herakles.relaunched";
    /** System property: the launcher's pid, which the child watches. */
    static final String LAUNCHER_PID = "herakles.launcher.pid";
    /** System property: a file the launcher created and the child deletes first thing (handshake). */
    static final String STARTED_FILE = "herakles.launcher.started";
    /** Environment switch: set to anything but 0/false/no, the app runs in the JVM it was started in. */
    static final String OFF_SWITCH = "HERAKLES_NO_REEXEC";
    /** Environment: extra flags appended to the tuned ones (space-separated; for tests and trials). */
    static final String EXTRA_FLAGS = "HERAKLES_REEXEC_EXTRA_FLAGS";
    /** Set by jpackage's launchers, whose configuration file carries the JVM options. */
    static final String PACKAGED_LAUNCHER = "jpackage.app-path";
    /** Makes a flag that a later JDK no longer knows a warning instead of a failed start. */
    static final String IGNORE_UNRECOGNIZED = "-XX:+IgnoreUnrecognizedVMOptions";

    RelaunchPlan {
        childEnv = Map.copyOf(childEnv);
        command = List.copyOf(command);
        addedFlags = List.copyOf(addedFlags);
    }

    boolean relaunches() {
        return !command.isEmpty();
    }

    static RelaunchPlan inProcess(String reason) {
        return new RelaunchPlan(List.of(), List.of(), Map.of(), reason);
    }

    /** What this JVM knows about its start. */
    record Start(Map<String, String> env, Map<String, String> systemProperties, List<String> jvmOptions,
                 Optional<String> executable, Optional<List<String>> commandLineArguments, List<String> appArgs) {}

    static RelaunchPlan decide(Start start) {
        Map<String, String> props = start.systemProperties();
        if (props.containsKey(MARKER)) {
            return inProcess("already re-executed");
        }
        if (switchedOff(start.env().get(OFF_SWITCH))) {
            return inProcess(OFF_SWITCH + " is set");
        }
        if (props.containsKey(PACKAGED_LAUNCHER)) {
            return inProcess("the packaged launcher carries its own JVM options");
        }
        Optional<String> java = start.executable().filter(e -> Path.of(e).getFileName().toString().equals("java"));
        if (java.isEmpty() || start.commandLineArguments().isEmpty()) {
            return inProcess("not started by a java launcher whose command line can be read");
        }
        List<String> added = missingFlags(TunedFlags.forStart(start.appArgs(), start.env()), start.jvmOptions());
        List<String> extra = extraFlags(start.env().get(EXTRA_FLAGS));
        if (added.isEmpty() && extra.isEmpty()) {
            return inProcess("every tuned setting was chosen by the user");
        }
        List<String> flags = new ArrayList<>(added);
        flags.addAll(extra);
        List<String> command = new ArrayList<>();
        command.add(java.get());
        if (!start.jvmOptions().contains(IGNORE_UNRECOGNIZED)) {
            command.add(IGNORE_UNRECOGNIZED);
        }
        command.addAll(flags);
        command.add(markerFlag());
        // the user's own flags follow ours, so on any overlap the JVM takes the user's (last wins)
        command.addAll(start.commandLineArguments().get());
        Map<String, String> childEnv = new java.util.TreeMap<>();
        if (!start.env().containsKey(TunedFlags.MALLOC_ARENA_MAX)) {
            childEnv.put(TunedFlags.MALLOC_ARENA_MAX, TunedFlags.MALLOC_ARENAS);
        }
        if (flags.contains(TunedFlags.SOFTWARE_RENDERING) && !start.env().containsKey(TunedFlags.GDK_GL)) {
            childEnv.put(TunedFlags.GDK_GL, "disable");
        }
        return new RelaunchPlan(command, flags, childEnv, "");
    }

    /** This plan with {@code more} flags after the tuned ones (before the marker and the user's own). */
    RelaunchPlan withFlags(List<String> more) {
        List<String> longer = new ArrayList<>(command);
        longer.addAll(command.indexOf(markerFlag()), more);
        List<String> added = new ArrayList<>(addedFlags);
        added.addAll(more);
        return new RelaunchPlan(longer, added, childEnv, reason);
    }

    /** The JVM flags of the command: everything between the java executable and the marker. */
    List<String> jvmFlags() {
        return command.subList(1, command.indexOf(markerFlag()));
    }

    /**
     * The command for a child of a launcher JVM that stays and waits (when this process cannot be
     * replaced): the launcher's pid for the child to watch, and the handshake file it deletes.
     */
    List<String> spawnCommand(long launcherPid, Path startedFile) {
        List<String> spawned = new ArrayList<>(command);
        int afterMarker = spawned.indexOf(markerFlag()) + 1;
        spawned.addAll(afterMarker, List.of("-D" + LAUNCHER_PID + "=" + launcherPid, "-D" + STARTED_FILE + "=" + startedFile));
        return spawned;
    }

    /** The tuned JVM asked only for its version: does it start with these flags? */
    List<String> versionProbe() {
        List<String> probe = new ArrayList<>(command.subList(0, command.indexOf(markerFlag())));
        probe.add("-version");
        return probe;
    }

    private static String markerFlag() {
        return "-D" + MARKER + "=true";
    }

    /** The tuned flags whose setting none of {@code userOptions} chose, in the tuned order. */
    static List<String> missingFlags(List<String> tuned, List<String> userOptions) {
        Set<String> chosen = new HashSet<>();
        for (String option : userOptions) {
            chosen.add(FlagGroups.of(option));
        }
        List<String> missing = new ArrayList<>();
        for (String flag : tuned) {
            if (!chosen.contains(FlagGroups.of(flag))) {
                missing.add(flag);
            }
        }
        return missing;
    }

    private static List<String> extraFlags(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    /** True when the off switch's {@code value} asks for no re-execution. */
    static boolean switchedOff(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.strip();
        return !(v.equals("0") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no"));
    }
}
