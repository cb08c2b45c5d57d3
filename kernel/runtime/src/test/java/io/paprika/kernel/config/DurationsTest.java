package io.paprika.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesSpiceDurations() {
        assertEquals(Optional.of(Duration.ofMillis(500)), Durations.parse("500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), Durations.parse("30s"));
        assertEquals(Optional.of(Duration.ofHours(1)), Durations.parse("1h"));
        assertEquals(Optional.of(Duration.ofDays(90)), Durations.parse("90d"));
        assertEquals(Optional.of(Duration.ofMinutes(90)), Durations.parse("1h30m"));
        assertEquals(Optional.of(Duration.ofDays(14)), Durations.parse("2w"));
    }

    @Test
    void rejectsNonDurations() {
        assertEquals(Optional.empty(), Durations.parse("soon"));
        assertEquals(Optional.empty(), Durations.parse("30"));
        assertEquals(Optional.empty(), Durations.parse("1h soon"));
        assertEquals(Optional.empty(), Durations.parse(""));
    }
}
