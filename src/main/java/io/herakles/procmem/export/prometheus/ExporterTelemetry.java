package io.herakles.procmem.export.prometheus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the HTTP side of the exporter measured about itself: request timestamps (for "requests in
 * the last minute"), {@code /metrics} durations and label cardinality, scrapes served from a
 * snapshot (hits) or before the first one (misses). Thread-safe: HTTP worker threads record,
 * any thread reads.
 */
public final class ExporterTelemetry {

    private static final int SECONDS = 60;

    private final Clock clock;
    private final Instant startedAt;
    /**
     * Requests per second of the last minute, a ring indexed by epoch second: constant memory
     * however many requests arrive (a list of their timestamps held 4.8 MiB of {@code Instant}s
     * under 3,300 requests/s, and grew with any flood).
     */
    private final long[] requestsInSecond = new long[SECONDS];
    private final long[] secondOfSlot = new long[SECONDS];
    private final RunningStat metricsDurationMillis = new RunningStat();
    private final RunningStat labelCardinality = new RunningStat();
    private final AtomicLong metricsCalls = new AtomicLong();
    private final AtomicLong snapshotHits = new AtomicLong();
    private final AtomicLong snapshotMisses = new AtomicLong();
    private volatile double lastMetricsSeconds = Double.NaN;

    public ExporterTelemetry() {
        this(Clock.systemUTC());
    }

    public ExporterTelemetry(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** When this exporter started (its uptime's origin). */
    public Instant startedAt() {
        return startedAt;
    }

    public Clock clock() {
        return clock;
    }

    /** Seconds since {@link #startedAt()}. */
    public double uptimeSeconds() {
        return Duration.between(startedAt, clock.instant()).toNanos() / 1e9;
    }

    /** Any request to any route. */
    public void recordRequest() {
        long second = clock.millis() / 1000;
        int slot = (int) Math.floorMod(second, (long) SECONDS);
        synchronized (requestsInSecond) {
            if (secondOfSlot[slot] != second) {
                secondOfSlot[slot] = second;
                requestsInSecond[slot] = 0;
            }
            requestsInSecond[slot]++;
        }
    }

    /** Requests of every route in the last 60 seconds (this second and the 59 before it). */
    public int requestsLastMinute() {
        long now = clock.millis() / 1000;
        long sum = 0;
        synchronized (requestsInSecond) {
            for (int i = 0; i < SECONDS; i++) {
                if (now - secondOfSlot[i] < SECONDS && secondOfSlot[i] <= now) {
                    sum += requestsInSecond[i];
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    /** A completed {@code /metrics} response, from request start to the last byte written. */
    public void recordMetricsRequest(long nanos) {
        metricsCalls.incrementAndGet();
        lastMetricsSeconds = nanos / 1e9;
        metricsDurationMillis.record(nanos / 1e6);
    }

    /** A scrape's conversion: how many label values it exported and whether a snapshot existed. */
    void recordScrape(long labelValues, boolean hadSnapshot) {
        labelCardinality.record(labelValues);
        (hadSnapshot ? snapshotHits : snapshotMisses).incrementAndGet();
    }

    /** Duration of the last complete {@code /metrics} response, seconds; NaN before the first. */
    double lastMetricsSeconds() {
        return lastMetricsSeconds;
    }

    long metricsCalls() {
        return metricsCalls.get();
    }

    RunningStat.Reading metricsDurationMillis() {
        return metricsDurationMillis.read();
    }

    RunningStat.Reading labelCardinality() {
        return labelCardinality.read();
    }

    /** Percent of scrapes served from a snapshot (100 when there was none yet). */
    double snapshotHitPercent() {
        long hits = snapshotHits.get();
        long total = hits + snapshotMisses.get();
        return total == 0 ? 100.0 : 100.0 * hits / total;
    }
}
