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

    @Test
    void aTightHeapGetsRoomWhileARecordingIsShownAndTheUsersValuesComeBack() {
        String min = get(TimelineHeapRoom.MIN_FREE);
        String max = get(TimelineHeapRoom.MAX_FREE);
        try {
            vm.setVMOption(TimelineHeapRoom.MIN_FREE, "10");
            vm.setVMOption(TimelineHeapRoom.MAX_FREE, "30");
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
        } finally {
            vm.setVMOption(TimelineHeapRoom.MAX_FREE, "100");
            vm.setVMOption(TimelineHeapRoom.MIN_FREE, min);
            vm.setVMOption(TimelineHeapRoom.MAX_FREE, max);
        }
    }

    @Test
    void aHeapThatIsRoomyAlreadyIsLeftAloneAndWithoutHotSpotNothingHappens() {
        String min = get(TimelineHeapRoom.MIN_FREE);
        String max = get(TimelineHeapRoom.MAX_FREE);
        try {
            vm.setVMOption(TimelineHeapRoom.MAX_FREE, "95");
            vm.setVMOption(TimelineHeapRoom.MIN_FREE, "70");
            TimelineHeapRoom room = new TimelineHeapRoom(vm);
            room.roomy(true);
            assertThat(room.isRoomy()).isFalse();
            assertThat(get(TimelineHeapRoom.MIN_FREE)).isEqualTo("70");

            TimelineHeapRoom none = new TimelineHeapRoom(null);
            none.roomy(true);
            none.roomy(false);
            assertThat(none.isRoomy()).isFalse();
        } finally {
            vm.setVMOption(TimelineHeapRoom.MAX_FREE, "100");
            vm.setVMOption(TimelineHeapRoom.MIN_FREE, min);
            vm.setVMOption(TimelineHeapRoom.MAX_FREE, max);
        }
    }
}
