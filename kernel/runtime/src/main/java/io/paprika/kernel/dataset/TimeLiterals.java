package io.paprika.kernel.dataset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * SQL literals for comparisons on a dataset's {@code time_column}, per its {@code time_format}:
 * the append checkpoint ({@code max(time_column) - overlap}) and cutoffs ({@code now - window}).
 * Both engines and the connectors' DuckDB decoder accept these literals.
 */
final class TimeLiterals {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private TimeLiterals() {
    }

    /** The literal for an instant, in the column's format. */
    static String of(Instant t, Optional<String> format) {
        return switch (format.orElse("timestamp")) {
            case "unix_seconds" -> Long.toString(t.getEpochSecond());
            case "unix_millis" -> Long.toString(t.toEpochMilli());
            case "date" -> "DATE '" + LocalDate.ofInstant(t, ZoneOffset.UTC) + "'";
            case "timestamptz" -> "TIMESTAMP WITH TIME ZONE '" + TS.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC))
                    + "+00:00'";
            case "ISO8601" -> "'" + DateTimeFormatter.ISO_INSTANT.format(t) + "'";
            default -> "TIMESTAMP '" + TS.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "'";
        };
    }

    /**
     * The literal for a value read from the column, moved back by {@code overlap}.
     *
     * @throws IllegalArgumentException when the value's type does not fit the time_format
     */
    static String minus(Object value, Duration overlap, Optional<String> format, String column) {
        String f = format.orElse(defaultFormat(value));
        if (value instanceof Number n) {
            if (!f.equals("unix_seconds") && !f.equals("unix_millis")) {
                throw mismatch(column, value, f);
            }
            long shift = f.equals("unix_millis") ? overlap.toMillis() : overlap.toSeconds();
            return Long.toString(n.longValue() - shift);
        }
        if (f.equals("unix_seconds") || f.equals("unix_millis")) {
            throw mismatch(column, value, f);
        }
        if (value instanceof LocalDateTime ldt) {
            return of(ldt.toInstant(ZoneOffset.UTC).minus(overlap), Optional.of(f.equals("date") ? "date" : "timestamp"));
        }
        if (value instanceof OffsetDateTime odt) {
            return of(odt.toInstant().minus(overlap), Optional.of("timestamptz"));
        }
        if (value instanceof LocalDate d) {
            return of(d.atStartOfDay(ZoneOffset.UTC).toInstant().minus(overlap), Optional.of("date"));
        }
        if (value instanceof java.sql.Timestamp ts) {
            return of(ts.toLocalDateTime().toInstant(ZoneOffset.UTC).minus(overlap), Optional.of("timestamp"));
        }
        if (value instanceof String s) {
            return of(parseIso(s, column).minus(overlap), Optional.of("ISO8601"));
        }
        throw mismatch(column, value, f);
    }

    private static String defaultFormat(Object value) {
        if (value instanceof Number) {
            return "unix_seconds";
        }
        return value instanceof String ? "ISO8601" : "timestamp";
    }

    private static Instant parseIso(String s, String column) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("time_column `" + column + "` holds `" + s
                        + "`, which is not an ISO 8601 time; set time_format to match the column");
            }
        }
    }

    private static IllegalArgumentException mismatch(String column, Object value, String format) {
        return new IllegalArgumentException("time_format `" + format + "` does not match time_column `" + column
                + "`, which holds " + value.getClass().getSimpleName() + " values (such as " + value
                + "); set time_format to timestamp, timestamptz, date, unix_seconds, unix_millis or ISO8601 to match");
    }
}
