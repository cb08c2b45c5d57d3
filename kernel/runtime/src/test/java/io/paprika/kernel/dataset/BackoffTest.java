package io.paprika.kernel.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    /** A generator pinned to the middle of its range: no jitter. */
    private static final RandomGenerator MIDDLE = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0.5;
        }

        @Override
        public long nextLong(long bound) {
            return bound / 2;
        }
    };

    @Test
    void retriesWaitFibonacciSecondsCappedAtFiveMinutes() {
        Backoff b = new Backoff(MIDDLE);
        List<Long> seconds = java.util.stream.IntStream.rangeClosed(1, 16).mapToObj(b::retryDelay)
                .map(Duration::toSeconds).toList();
        assertEquals(List.of(1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L, 55L, 89L, 144L, 233L, 300L, 300L, 300L, 300L), seconds);
    }

    @Test
    void retryJitterStaysWithinThirtyPercent() {
        Backoff b = new Backoff(new Random(7));
        for (int i = 0; i < 1000; i++) {
            long ms = b.retryDelay(5).toMillis();
            assertTrue(ms >= 5600 && ms <= 10400, ms + " ms is outside 8 s ± 30%");
        }
    }

    @Test
    void refreshJitterDefaultsToTenPercentOfTheInterval() {
        Backoff b = new Backoff(new Random(7));
        assertEquals(Duration.ofSeconds(60), b.refreshDelay(Duration.ofSeconds(60), false, Optional.empty()));
        for (int i = 0; i < 1000; i++) {
            long ms = b.refreshDelay(Duration.ofSeconds(60), true, Optional.empty()).toMillis();
            assertTrue(ms >= 60_000 && ms <= 66_000, ms + " ms");
        }
        long ms = b.refreshDelay(Duration.ofSeconds(60), true, Optional.of(Duration.ofSeconds(1))).toMillis();
        assertTrue(ms >= 60_000 && ms <= 61_000, ms + " ms");
    }
}
