package io.herakles.procmem.analysis;

import java.util.Arrays;

/**
 * The Theil–Sen estimator: the median of the slopes between every pair of points. Half of the
 * points can be outliers (a one-off jump, a spike) before it moves, unlike a least-squares fit.
 * Long series are first thinned evenly to {@link #MAX_POINTS} points so the cost stays bounded.
 */
final class TheilSen {

    /** Pairs grow with the square of the points; 400 points are 79,800 slopes. */
    static final int MAX_POINTS = 400;

    private TheilSen() {}

    /** Slope in value units per time unit; 0 for fewer than two distinct times. */
    static double slope(double[] t, double[] v, int n) {
        int step = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        int m = (n + step - 1) / step;
        double[] slopes = new double[m * (m - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i += step) {
            for (int j = i + step; j < n; j += step) {
                double dt = t[j] - t[i];
                if (dt > 0) {
                    slopes[k++] = (v[j] - v[i]) / dt;
                }
            }
        }
        if (k == 0) {
            return 0;
        }
        Arrays.sort(slopes, 0, k);
        return k % 2 == 1 ? slopes[k / 2] : (slopes[k / 2 - 1] + slopes[k / 2]) / 2;
    }
}
