package io.herakles.procmem.ui.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Gives the heap room to breathe while a recording is on the timeline, and takes it back after.
 *
 * <p>The desktop runs with a tight heap ({@code TunedFlags.DESKTOP}: at most 10 % free after a
 * collection, 30 % at most kept), which suits the live view. A recording's timeline is another
 * load: a jump decodes a keyframe and up to 29 deltas (tens of MB allocated, several MB alive across
 * the 8 MiB young generation's collections, so promoted), and the old generation, kept just above
 * what is alive, filled after every jump or two. Jumps then spent more time in full collections than
 * in decoding (measured: 138 full collections, 4.7 s of a 16.5 s scrubbing run). Both ratios are
 * "manageable" HotSpot flags, so they change for as long as a recording is shown. On "Back to
 * live" the previous values return; the heap shrinks back at the next full collection.
 *
 * <p>Silent where the JVM has no such flags (not HotSpot) or the user fixed them: changing them is
 * only ever a speed-up. FX thread (called from a property listener); {@code RecordingBench} uses it too.
 */
public final class TimelineHeapRoom {

    static final String MIN_FREE = "MinHeapFreeRatio";
    static final String MAX_FREE = "MaxHeapFreeRatio";
    /** Free share of the heap kept while a recording is shown, chosen by measurement (docs/PERFORMANCE.md). */
    static final int ROOMY_MIN_FREE = 60;
    static final int ROOMY_MAX_FREE = 90;

    private final HotSpotDiagnosticMXBean vm;
    private String minBefore;
    private String maxBefore;

    public TimelineHeapRoom() {
        this(hotSpot());
    }

    TimelineHeapRoom(HotSpotDiagnosticMXBean vm) {
        this.vm = vm;
    }

    /** Widens the free ratios (a recording is shown) or puts the previous ones back. */
    public void roomy(boolean on) {
        if (vm == null || on == (minBefore != null)) {
            return;
        }
        try {
            if (on) {
                String min = vm.getVMOption(MIN_FREE).getValue();
                String max = vm.getVMOption(MAX_FREE).getValue();
                if (Integer.parseInt(min) >= ROOMY_MIN_FREE) {
                    return;     // already roomy (a user's own setting)
                }
                setRatios(vm, Integer.toString(ROOMY_MIN_FREE), Integer.toString(ROOMY_MAX_FREE));
                minBefore = min;
                maxBefore = max;
            } else {
                setRatios(vm, minBefore, maxBefore);
                minBefore = null;
                maxBefore = null;
            }
        } catch (RuntimeException e) {
            // not manageable in this JVM, or a value it refuses: the timeline just runs on the tight heap
        }
    }

    /**
     * Sets both ratios. The JVM refuses a minimum above the maximum at every step, so the maximum
     * goes to 100 first, then both take their values.
     */
    static void setRatios(HotSpotDiagnosticMXBean vm, String minFree, String maxFree) {
        vm.setVMOption(MAX_FREE, "100");
        vm.setVMOption(MIN_FREE, minFree);
        vm.setVMOption(MAX_FREE, maxFree);
    }

    /** Whether the ratios are widened now. */
    boolean isRoomy() {
        return minBefore != null;
    }

    private static HotSpotDiagnosticMXBean hotSpot() {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
