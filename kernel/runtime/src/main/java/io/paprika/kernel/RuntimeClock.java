package io.paprika.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The clock datasets read "now" from (data windows, retention, append checkpoints). The system
 * property {@code paprika.clock.offset} (an ISO-8601 duration such as {@code P25D} or
 * {@code -PT6H}) shifts it, so tests and what-if runs can move time instead of waiting for it.
 */
final class RuntimeClock {
    static final String OFFSET_PROPERTY = "paprika.clock.offset";

    private RuntimeClock() {
    }

    static Clock fromSystemProperties() {
        String offset = System.getProperty(OFFSET_PROPERTY);
        if (offset == null || offset.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.offset(Clock.systemUTC(), Duration.parse(offset.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("-D" + OFFSET_PROPERTY + "=" + offset
                    + " is not an ISO-8601 duration (such as P25D or -PT6H)", e);
        }
    }
}
