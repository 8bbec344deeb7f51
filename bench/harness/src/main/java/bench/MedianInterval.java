// SPDX-License-Identifier: Apache-2.0

package bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The median of some values and a distribution-free confidence interval of it, from order
 * statistics: with n values sorted, the interval from the k-th to the (n+1-k)-th holds the true
 * median with probability 1 - 2 P(Binomial(n, 1/2) &lt; k); k is the largest for which that is at
 * least 95 %. Below 6 values no such k exists, and the interval is the lowest to the highest value
 * (which holds the median with probability 1 - 2^(1-n)); {@link #confidence()} says which.
 */
record MedianInterval(double median, double low, double high, double confidence, int count) {

    static MedianInterval of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n == 0) {
            return new MedianInterval(Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        int k = 1;
        while (k + 1 <= (n + 1) / 2 && coverage(n, k + 1) >= 0.95) {
            k++;
        }
        return new MedianInterval(Benchmark.median(sorted), sorted.get(k - 1), sorted.get(n - k), coverage(n, k), n);
    }

    /** 1 - 2 P(X &lt; k) for X ~ Binomial(n, 1/2): the probability that the k-th to (n+1-k)-th values hold the median. */
    static double coverage(int n, int k) {
        double below = 0;
        double term = Math.pow(0.5, n);   // P(X = 0)
        for (int i = 0; i < k; i++) {
            below += term;
            term = term * (n - i) / (i + 1);
        }
        return 1 - 2 * below;
    }

    /** How far the interval reaches either side of the median, as a share of it: half its width over the median. */
    double halfWidthShare() {
        return (high - low) / 2 / median;
    }

    /** "1.01 (0.97-1.05)": the median and its interval, as ratios. */
    String ratio() {
        if (Double.isNaN(median)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", median, low, high);
    }
}
