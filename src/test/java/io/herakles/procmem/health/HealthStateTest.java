package io.herakles.procmem.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HealthStateTest {

    private static BufferHealthConfig smallerIsBetter(long capacity) {
        return new BufferHealthConfig(capacity, false, OptionalDouble.of(80), OptionalDouble.of(95));
    }

    private static HealthState stateWithIo(BufferHealthConfig io) {
        HealthThresholds defaults = HealthThresholds.defaults();
        return new HealthState(new HealthThresholds(io, defaults.smapsBuffer(), defaults.smapsRollupBuffer()));
    }

    @Test
    void defaultsAreUpstreams() {
        HealthThresholds c = HealthThresholds.defaults();
        assertThat(c.ioBuffer().capacityKb()).isEqualTo(256);
        assertThat(c.smapsBuffer().capacityKb()).isEqualTo(512);
        assertThat(c.smapsRollupBuffer().capacityKb()).isEqualTo(256);
        assertThat(c.ioBuffer().warnPercent()).hasValue(80.0);
        assertThat(c.ioBuffer().criticalPercent()).hasValue(95.0);
        assertThat(c.ioBuffer().largerIsBetter()).isFalse();
        assertThat(BufferHealthConfig.DEFAULT.warnPercent()).isEmpty();
    }

    @Test
    void freshStateIsAllZeroAndOk() {
        HealthResponse h = new HealthState(HealthThresholds.defaults()).getHealth();
        assertThat(h.buffers()).extracting(BufferHealth::name)
                .containsExactly("io_buffer_kb", "smaps_buffer_kb", "smaps_rollup_buffer_kb");
        assertThat(h.buffers()).allSatisfy(b -> {
            assertThat(b.currentKb()).isZero();
            assertThat(b.status()).isEqualTo(HealthStatus.OK);
        });
        assertThat(h.overallStatus()).isEqualTo(HealthStatus.OK);
    }

    @Test
    void exactlyAtWarnThresholdIsOkOneAboveIsWarn() {
        HealthState s = stateWithIo(smallerIsBetter(100));
        s.updateIoBufferKb(80);
        assertThat(s.getHealth().buffers().get(0).status()).isEqualTo(HealthStatus.OK);
        s.updateIoBufferKb(81);
        assertThat(s.getHealth().buffers().get(0).status()).isEqualTo(HealthStatus.WARN);
        assertThat(s.getHealth().overallStatus()).isEqualTo(HealthStatus.WARN);
        s.updateIoBufferKb(95);
        assertThat(s.getHealth().buffers().get(0).status()).isEqualTo(HealthStatus.WARN);
        s.updateIoBufferKb(96);
        assertThat(s.getHealth().buffers().get(0).status()).isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    void largerIsBetterInvertsTheComparisons() {
        HealthState s = stateWithIo(new BufferHealthConfig(100, true, OptionalDouble.of(30), OptionalDouble.of(10)));
        s.updateIoBufferKb(30);
        assertThat(s.getHealth().buffers().get(0).status()).isEqualTo(HealthStatus.OK);
        s.updateIoBufferKb(29);
        assertThat(s.getHealth().buffers().get(0).status()).isEqualTo(HealthStatus.WARN);
        s.updateIoBufferKb(10);
        assertThat(s.getHealth().buffers().get(0).status()).isEqualTo(HealthStatus.WARN);
        s.updateIoBufferKb(9);
        assertThat(s.getHealth().buffers().get(0).status()).isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    void missingThresholdsNeverTrigger() {
        HealthState s = stateWithIo(new BufferHealthConfig(10, false, OptionalDouble.empty(), OptionalDouble.empty()));
        s.updateIoBufferKb(1_000_000);
        assertThat(s.getHealth().buffers().get(0).status()).isEqualTo(HealthStatus.OK);
    }

    @Test
    void zeroCapacityDividesByOne() {
        HealthState s = stateWithIo(smallerIsBetter(0));
        s.updateIoBufferKb(1);
        BufferHealth io = s.getHealth().buffers().get(0);
        assertThat(io.capacityKb()).isZero();
        assertThat(io.fillPercent()).isEqualTo(100.0);
        assertThat(io.status()).isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    void overallIsTheWorst() {
        HealthState s = new HealthState(HealthThresholds.ofCapacities(100, 100, 100));
        s.updateIoBufferKb(90);
        s.updateSmapsRollupBufferKb(99);
        HealthResponse h = s.getHealth();
        assertThat(h.buffers()).extracting(BufferHealth::status)
                .containsExactly(HealthStatus.WARN, HealthStatus.OK, HealthStatus.CRITICAL);
        assertThat(h.overallStatus()).isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    void tenThreadsUpdatingAndReadingNeverSeeTornState() throws Exception {
        HealthState s = new HealthState(HealthThresholds.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        s.updateIoBufferKb(id);
                        s.updateSmapsBufferKb(id);
                        s.updateSmapsRollupBufferKb(id);
                        HealthResponse h = s.getHealth();
                        assertThat(h.buffers()).hasSize(3);
                        assertThat(h.buffers()).allSatisfy(b -> assertThat(b.currentKb()).isBetween(0L, 9L));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(s.getIoBufferKb()).isBetween(0L, 9L);
        assertThat(s.getSmapsBufferKb()).isBetween(0L, 9L);
    }

    @Test
    void jsonUsesUpstreamFieldNames() throws Exception {
        HealthState s = new HealthState(HealthThresholds.defaults());
        s.updateSmapsBufferKb(128);
        String json = s.getHealth().toJson();
        assertThat(json).startsWith("{\"buffers\":[{\"name\":\"io_buffer_kb\",\"capacity_kb\":256,\"current_kb\":0,"
                + "\"fill_percent\":0.0,\"larger_is_better\":false,\"status\":\"ok\"}");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("overall_status").asText()).isEqualTo("ok");
        JsonNode smaps = root.get("buffers").get(1);
        assertThat(smaps.get("name").asText()).isEqualTo("smaps_buffer_kb");
        assertThat(smaps.get("fill_percent").asDouble()).isEqualTo(25.0);
    }

    @Test
    void appConfigReadsUpstreamSerdeForm() throws Exception {
        String json = "{\"io_buffer\":{\"capacity_kb\":64,\"larger_is_better\":true,\"warn_percent\":50.0},"
                + "\"smaps_buffer\":{\"capacity_kb\":512,\"larger_is_better\":false},"
                + "\"smaps_rollup_buffer\":{\"capacity_kb\":0,\"larger_is_better\":false,\"critical_percent\":1}}";
        HealthThresholds c = new ObjectMapper().readValue(json, HealthThresholds.class);
        assertThat(c.ioBuffer().capacityKb()).isEqualTo(64);
        assertThat(c.ioBuffer().largerIsBetter()).isTrue();
        assertThat(c.ioBuffer().warnPercent()).hasValue(50.0);
        assertThat(c.ioBuffer().criticalPercent()).isEmpty();
        assertThat(c.smapsRollupBuffer().criticalPercent()).hasValue(1.0);
    }
}
