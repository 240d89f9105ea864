package io.herakles.procmem.ui.treemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TreemapLayoutTest {

    private static final double EPS = 1e-6;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 50, 1000})
    void areasAreProportionalToWeightsAndFillTheBounds(int n) {
        double[] weights = randomWeights(n, n);
        Rect bounds = new Rect(10, 20, 800, 450);

        Rect[] rects = TreemapLayout.squarify(weights, bounds);

        double total = sum(weights);
        double covered = 0;
        for (int i = 0; i < n; i++) {
            double expected = bounds.area() * weights[i] / total;
            assertThat(rects[i].area()).as("area of %d", i).isCloseTo(expected, within(expected * 1e-6 + 1e-6));
            covered += rects[i].area();
        }
        assertThat(covered).isCloseTo(bounds.area(), within(1e-3));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 40, 500})
    void rectanglesStayInsideTheBoundsAndDoNotOverlap(int n) {
        double[] weights = randomWeights(n, 31L * n);
        Rect bounds = new Rect(5, 7, 640, 300);

        Rect[] rects = TreemapLayout.squarify(weights, bounds);

        for (Rect r : rects) {
            assertThat(r.x()).isGreaterThanOrEqualTo(bounds.x() - EPS);
            assertThat(r.y()).isGreaterThanOrEqualTo(bounds.y() - EPS);
            assertThat(r.maxX()).isLessThanOrEqualTo(bounds.maxX() + EPS);
            assertThat(r.maxY()).isLessThanOrEqualTo(bounds.maxY() + EPS);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                assertThat(overlap(rects[i], rects[j])).as("overlap of %d and %d", i, j).isLessThan(1e-6);
            }
        }
    }

    @Test
    void squarifiedCellsAreNotSlivers() {
        double[] weights = new double[30];
        java.util.Arrays.fill(weights, 1);

        Rect[] rects = TreemapLayout.squarify(weights, new Rect(0, 0, 600, 500));

        for (Rect r : rects) {
            double ratio = Math.max(r.width() / r.height(), r.height() / r.width());
            assertThat(ratio).isLessThan(3);
        }
    }

    @Test
    void resultIsInInputOrderWhateverTheWeightOrder() {
        Rect[] rects = TreemapLayout.squarify(new double[] {1, 3}, new Rect(0, 0, 400, 100));

        assertThat(rects[0].area()).isCloseTo(10_000, within(EPS));
        assertThat(rects[1].area()).isCloseTo(30_000, within(EPS));
    }

    @Test
    void zeroNegativeAndNaNWeightsTakeNoArea() {
        Rect[] rects = TreemapLayout.squarify(new double[] {0, 5, -2, Double.NaN, 5}, new Rect(0, 0, 100, 100));

        assertThat(rects[0].area()).isZero();
        assertThat(rects[2].area()).isZero();
        assertThat(rects[3].area()).isZero();
        assertThat(rects[1].area()).isCloseTo(5000, within(EPS));
        assertThat(rects[4].area()).isCloseTo(5000, within(EPS));
    }

    @Test
    void emptyInputOrEmptyBoundsGiveEmptyRectangles() {
        assertThat(TreemapLayout.squarify(new double[0], new Rect(0, 0, 10, 10))).isEmpty();
        Rect[] rects = TreemapLayout.squarify(new double[] {1, 2}, new Rect(3, 4, 0, 50));
        assertThat(rects).allSatisfy(r -> assertThat(r.area()).isZero());
    }

    @Test
    void hugeDynamicRangeStillSumsToTheBounds() {
        double[] weights = {1e12, 1, 1, 1e6, 3};

        Rect[] rects = TreemapLayout.squarify(weights, new Rect(0, 0, 1000, 1000));

        assertThat(java.util.Arrays.stream(rects).mapToDouble(Rect::area).sum()).isCloseTo(1e6, within(1e-3));
        assertThat(rects[0].area()).isCloseTo(1e6 * 1e12 / sum(weights), within(1e-3));
    }

    private static double[] randomWeights(int n, long seed) {
        Random r = new Random(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(10, r.nextDouble() * 4);
        }
        return w;
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    private static double overlap(Rect a, Rect b) {
        double w = Math.min(a.maxX(), b.maxX()) - Math.max(a.x(), b.x());
        double h = Math.min(a.maxY(), b.maxY()) - Math.max(a.y(), b.y());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
