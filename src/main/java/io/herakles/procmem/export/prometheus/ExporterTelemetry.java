package io.herakles.procmem.export.prometheus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the HTTP side of the exporter measured about itself: request timestamps (for "requests in
 * the last minute"), {@code /metrics} durations and label cardinality, scrapes served from a
 * snapshot (hits) or before the first one (misses). Thread-safe: HTTP worker threads record,
 * any thread reads.
 */
public final class ExporterTelemetry {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Instant startedAt;
    private final Deque<Instant> recentRequests = new ArrayDeque<>();
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
        Instant now = clock.instant();
        synchronized (recentRequests) {
            recentRequests.addLast(now);
            prune(now);
        }
    }

    /** Requests of every route in the last 60 seconds. */
    public int requestsLastMinute() {
        synchronized (recentRequests) {
            prune(clock.instant());
            return recentRequests.size();
        }
    }

    private void prune(Instant now) {
        Instant oldest = now.minus(WINDOW);
        while (!recentRequests.isEmpty() && recentRequests.peekFirst().isBefore(oldest)) {
            recentRequests.removeFirst();
        }
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
