package io.paprika.connector.common;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ConnectorException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The format params of one dataset, parsed and checked once when the table is opened.
 *
 * @param format    the format the user named, or empty to detect it
 * @param hasHeader whether a CSV file starts with a header line
 * @param delimiter CSV delimiter, empty to let DuckDB detect it
 * @param quote     CSV quote, empty to let DuckDB detect it
 * @param escape    CSV escape, empty to let DuckDB detect it
 */
public record FormatOptions(Optional<FileFormat> format, boolean hasHeader, Optional<String> delimiter,
        Optional<String> quote, Optional<String> escape) {

    public FormatOptions {
        requireNonNull(format, "format");
        requireNonNull(delimiter, "delimiter");
        requireNonNull(quote, "quote");
        requireNonNull(escape, "escape");
    }

    public static FormatOptions defaults() {
        return new FormatOptions(Optional.empty(), true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Reads the format params; a bad value is an error naming the dataset, the param and what is allowed. */
    public static FormatOptions parse(String dataset, Map<String, String> params) throws ConnectorException {
        Optional<FileFormat> format = Optional.empty();
        String formatName = params.get(FormatParams.FILE_FORMAT);
        if (formatName != null && !formatName.isBlank()) {
            format = FileFormat.fromName(formatName);
            if (format.isEmpty()) {
                throw new ConnectorException("dataset `" + dataset + "`: param " + FormatParams.FILE_FORMAT
                        + " is `" + formatName + "`; use csv, json, ndjson, jsonl or parquet", false);
            }
        }
        boolean hasHeader = true;
        String header = params.get(FormatParams.CSV_HAS_HEADER);
        if (header != null) {
            switch (header.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                    hasHeader = true;
                    break;
                case "false":
                    hasHeader = false;
                    break;
                default:
                    throw new ConnectorException("dataset `" + dataset + "`: param " + FormatParams.CSV_HAS_HEADER
                            + " is `" + header + "`; use true or false", false);
            }
        }
        return new FormatOptions(format, hasHeader,
                csvChar(dataset, params, FormatParams.CSV_DELIMITER),
                csvChar(dataset, params, FormatParams.CSV_QUOTE),
                csvChar(dataset, params, FormatParams.CSV_ESCAPE));
    }

    private static Optional<String> csvChar(String dataset, Map<String, String> params, String name)
            throws ConnectorException {
        String value = params.get(name);
        if (value == null) {
            return Optional.empty();
        }
        // YAML users write "\t" literally; DuckDB wants the tab itself.
        if (value.equals("\\t")) {
            value = "\t";
        }
        if (value.isEmpty() || value.length() > 4) {
            throw new ConnectorException("dataset `" + dataset + "`: param " + name + " must be 1 to 4 characters, got `"
                    + value + "`", false);
        }
        return Optional.of(value);
    }
}
