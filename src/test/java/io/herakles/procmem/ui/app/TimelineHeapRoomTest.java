package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The free ratios of this very JVM change while a recording is shown and come back after. */
class TimelineHeapRoomTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    private String get(String flag) {
        return vm.getVMOption(flag).getValue();
    }

    /** Runs {@code test} with the ratios set to {@code min}/{@code max}, and puts this JVM's own back after. */
    private void withRatios(String min, String max, Runnable test) {
        String minBefore = get(TimelineHeapRoom.MIN_FREE);
        String maxBefore = get(TimelineHeapRoom.MAX_FREE);
        try {
            TimelineHeapRoom.setRatios(vm, min, max);
            test.run();
        } finally {
            TimelineHeapRoom.setRatios(vm, minBefore, maxBefore);
        }
    }

    @Test
    void aTightHeapGetsRoomWhileARecordingIsShownAndTheUsersValuesComeBack() {
        withRatios("10", "30", () -> {
            TimelineHeapRoom room = new TimelineHeapRoom(vm);

            room.roomy(true);
            assertThat(room.isRoomy()).isTrue();
            assertThat(get(TimelineHeapRoom.MIN_FREE)).isEqualTo(Integer.toString(TimelineHeapRoom.ROOMY_MIN_FREE));
            assertThat(get(TimelineHeapRoom.MAX_FREE)).isEqualTo(Integer.toString(TimelineHeapRoom.ROOMY_MAX_FREE));
            room.roomy(true);       // another recording opened: still roomy, the tight values still remembered

            room.roomy(false);
            assertThat(room.isRoomy()).isFalse();
            assertThat(get(TimelineHeapRoom.MIN_FREE)).isEqualTo("10");
            assertThat(get(TimelineHeapRoom.MAX_FREE)).isEqualTo("30");
        });
    }

    @Test
    void aHeapThatIsRoomyAlreadyIsLeftAloneAndWithoutHotSpotNothingHappens() {
        withRatios("70", "95", () -> {
            TimelineHeapRoom room = new TimelineHeapRoom(vm);
            room.roomy(true);
            assertThat(room.isRoomy()).isFalse();
            assertThat(get(TimelineHeapRoom.MIN_FREE)).isEqualTo("70");

            TimelineHeapRoom none = new TimelineHeapRoom(null);
            none.roomy(true);
            none.roomy(false);
            assertThat(none.isRoomy()).isFalse();
        });
    }
}
