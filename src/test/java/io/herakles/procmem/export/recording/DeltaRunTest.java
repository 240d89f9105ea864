package io.herakles.procmem.export.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.model.SystemSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeltaRunTest {

    private static SampleDecoder.ParsedDelta delta(int index) {
        return new SampleDecoder.ParsedDelta("sample " + index, Instant.ofEpochSecond(index), SystemSample.UNKNOWN,
                List.of(), List.of(), null);
    }

    @Test
    void bothThreadsReadEachDeltaOnceAndTheCallerGetsThemInOrder() throws Exception {
        Map<Integer, String> readBy = new ConcurrentHashMap<>();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch readAheadBegan = new CountDownLatch(1);
        DeltaRun run = DeltaRun.start(11, 40, index -> {
            reads.incrementAndGet();
            readAheadBegan.countDown();
            readBy.put(index, Thread.currentThread().getName());
            sleep(2);
            return delta(index);
        });
        assertThat(readAheadBegan.await(10, TimeUnit.SECONDS)).isTrue();
        sleep(5);       // the caller's keyframe
        run.helpFromBack();
        for (int i = 11; i <= 40; i++) {
            assertThat(run.get(i).at()).isEqualTo(Instant.ofEpochSecond(i));
        }
        assertThat(reads).hasValue(30);
        assertThat(readBy.keySet()).hasSize(30);
        assertThat(readBy.values()).as("the read-ahead took the front, the caller the back")
                .contains("recording-read-ahead", Thread.currentThread().getName());
        assertThat(readBy.get(11)).isEqualTo("recording-read-ahead");
        assertThat(readBy.get(40)).isEqualTo(Thread.currentThread().getName());
        assertThat(run.covers(10)).isFalse();
        assertThat(run.covers(41)).isFalse();
    }

    @Test
    void aDeltaThatDoesNotReadIsThrownWhenTheDecodeReachesIt() throws Exception {
        DeltaRun run = DeltaRun.start(1, 6, index -> {
            if (index == 4) {
                throw new SnapshotFileException("f: sample 5 (at byte 77): not valid JSON");
            }
            return delta(index);
        });
        run.helpFromBack();
        assertThat(run.get(3).shown()).isEqualTo("sample 3");
        assertThatThrownBy(() -> run.get(4)).isInstanceOf(SnapshotFileException.class).hasMessageContaining("byte 77");
        assertThat(run.get(5).shown()).isEqualTo("sample 5");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
