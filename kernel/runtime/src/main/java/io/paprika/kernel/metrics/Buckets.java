package io.paprika.kernel.metrics;

/** Histogram buckets in milliseconds, from a fast lookup to a long load. */
final class Buckets {
    static final double[] MILLIS = {1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000,
        300_000};

    private Buckets() {
    }
}
