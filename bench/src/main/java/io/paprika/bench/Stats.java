package io.paprika.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and percentiles of measured samples. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> samples) {
        return percentile(samples, 50);
    }

    /** Nearest-rank percentile: the smallest sample with at least {@code p}% of samples at or below it. */
    static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples to take the " + p + "th percentile of");
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** Rounds for display and JSON: three significant decimals are all a noisy machine can tell apart. */
    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
