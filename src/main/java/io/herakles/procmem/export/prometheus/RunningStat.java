package io.herakles.procmem.export.prometheus;

/**
 * Count, sum, min, max and last of a series of values since start (the columns of upstream's
 * {@code /health} table). Thread-safe (synchronised; updated a few times per second at most).
 */
final class RunningStat {

    /** An immutable reading; {@code count == 0} means nothing recorded yet. */
    record Reading(long count, double last, double average, double max, double min) {}

    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double last;

    synchronized void record(double value) {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        last = value;
    }

    synchronized Reading read() {
        if (count == 0) {
            return new Reading(0, 0, 0, 0, 0);
        }
        return new Reading(count, last, sum / count, max, min);
    }
}
