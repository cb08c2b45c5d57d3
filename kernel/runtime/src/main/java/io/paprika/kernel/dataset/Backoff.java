package io.paprika.kernel.dataset;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again after a failed refresh, and when the next scheduled refresh is due.
 * Retries wait Fibonacci seconds (1, 2, 3, 5, 8, ...) capped at 300 s, each ±30%; scheduled
 * refreshes wait the interval plus, when enabled, up to the jitter maximum (default 10%).
 */
final class Backoff {
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(300);
    private static final double RETRY_JITTER = 0.3;

    private final RandomGenerator random;

    Backoff(RandomGenerator random) {
        this.random = random;
    }

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    Duration retryDelay(int attempt) {
        long a = 1;
        long b = 2;
        for (int i = 1; i < attempt && a < MAX_RETRY_DELAY.toSeconds(); i++) {
            long next = a + b;
            a = b;
            b = next;
        }
        long base = Math.min(a, MAX_RETRY_DELAY.toSeconds()) * 1000;
        double factor = 1 + (random.nextDouble() * 2 - 1) * RETRY_JITTER;
        return Duration.ofMillis(Math.round(base * factor));
    }

    /** The delay before the next scheduled refresh. */
    Duration refreshDelay(Duration interval, boolean jitterEnabled, Optional<Duration> jitterMax) {
        if (!jitterEnabled) {
            return interval;
        }
        long max = jitterMax.orElse(interval.dividedBy(10)).toMillis();
        return interval.plusMillis(max <= 0 ? 0 : random.nextLong(max + 1));
    }
}
