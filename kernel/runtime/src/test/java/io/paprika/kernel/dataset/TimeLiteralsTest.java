package io.paprika.kernel.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeLiteralsTest {
    private static final Instant T = Instant.parse("2026-03-04T05:06:07.123456Z");

    @Test
    void cutoffsFollowTheTimeFormat() {
        assertEquals("TIMESTAMP '2026-03-04 05:06:07.123456'", TimeLiterals.of(T, Optional.empty()));
        assertEquals("TIMESTAMP WITH TIME ZONE '2026-03-04 05:06:07.123456+00:00'", TimeLiterals.of(T, Optional.of("timestamptz")));
        assertEquals("1772600767", TimeLiterals.of(T, Optional.of("unix_seconds")));
        assertEquals("1772600767123", TimeLiterals.of(T, Optional.of("unix_millis")));
        assertEquals("DATE '2026-03-04'", TimeLiterals.of(T, Optional.of("date")));
        assertEquals("'2026-03-04T05:06:07.123456Z'", TimeLiterals.of(T, Optional.of("ISO8601")));
    }

    @Test
    void checkpointsMoveBackByTheOverlap() {
        Duration overlap = Duration.ofMinutes(1);
        assertEquals("TIMESTAMP '2026-03-04 05:05:07.000000'",
                TimeLiterals.minus(LocalDateTime.of(2026, 3, 4, 5, 6, 7), overlap, Optional.empty(), "ts"));
        assertEquals("TIMESTAMP WITH TIME ZONE '2026-03-04 05:05:07.000000+00:00'", TimeLiterals.minus(
                OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC), overlap, Optional.of("timestamptz"), "ts"));
        assertEquals("940", TimeLiterals.minus(1000L, overlap, Optional.of("unix_seconds"), "ts"));
        assertEquals("40000", TimeLiterals.minus(100000L, overlap, Optional.of("unix_millis"), "ts"));
        assertEquals("'2026-03-04T05:05:07Z'", TimeLiterals.minus("2026-03-04T05:06:07Z", overlap, Optional.empty(), "ts"));
    }

    @Test
    void aFormatThatDoesNotFitTheColumnIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeLiterals.minus(
                LocalDateTime.of(2026, 1, 1, 0, 0), Duration.ZERO, Optional.of("unix_seconds"), "ts"));
        assertTrue(e.getMessage().startsWith("time_format `unix_seconds` does not match time_column `ts`"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TimeLiterals.minus(5L, Duration.ZERO, Optional.of("timestamp"), "ts"));
    }
}
