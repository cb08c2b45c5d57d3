package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * One dataset of the spicepod, immutable, secrets resolved.
 *
 * @param line the line of the dataset's entry, for messages
 */
public record DatasetSpec(
        String from,
        String name,
        Optional<String> description,
        Optional<String> timeColumn,
        Optional<String> timeFormat,
        ParamValues params,
        String readyState,
        boolean accelerationGiven,
        AccelerationSpec acceleration,
        int line) {

    public DatasetSpec {
        requireNonNull(from, "from");
        requireNonNull(name, "name");
        requireNonNull(description, "description");
        requireNonNull(timeColumn, "timeColumn");
        requireNonNull(timeFormat, "timeFormat");
        requireNonNull(params, "params");
        requireNonNull(readyState, "readyState");
        requireNonNull(acceleration, "acceleration");
    }

    /** The {@code from} scheme: {@code https} for {@code https://x}, {@code file} for {@code file:x}. */
    public String scheme() {
        int colon = from.indexOf(':');
        return colon < 0 ? from.toLowerCase(Locale.ROOT) : from.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** The {@code from} value with any {@code user:password@} removed, safe to show. */
    public String safeFrom() {
        return from.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }
}
